// What a user's cue file changes in extraction: the bundled cues, then the user's entries.
#include <doctest/doctest.h>

#include <sstream>

#include "src/extract/extractor.h"
#include "src/load/cue_loader.h"
#include "src/load/file_reader.h"
#include "src/load/inputs.h"
#include "tests/test_support.h"

namespace kaohe {
namespace {

struct World {
  std::unique_ptr<Dictionary> dictionary;
  CueSet cues;
  Diagnostics diagnostics;
  std::vector<SourceFile> files;

  // The bundled dictionary and cue file, then `user_cues` as a second cue file.
  explicit World(const std::string& user_cues) {
    InputPaths paths;
    paths.dictionaries = {std::string(KAOHE_SOURCE_DIR) + "/rules/dictionary"};
    auto inputs = LoadInputs(paths, diagnostics);
    REQUIRE(inputs.ok());
    dictionary = std::move(inputs.value().dictionary);
    auto bundled = ReadTextFile(std::string(KAOHE_SOURCE_DIR) + "/rules/cues.yaml");
    REQUIRE(bundled.ok());
    files.reserve(2);
    files.push_back(std::move(bundled).value());
    files.emplace_back("user_cues.yaml", user_cues);
    for (const SourceFile& f : files) LoadCues(f, cues, diagnostics);
    cues.Finish(diagnostics);
    REQUIRE_MESSAGE(diagnostics.empty(), testing::AllMessages(diagnostics));
  }

  std::vector<std::string> Extract(const std::string& text) const {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    Extractor extractor(*dictionary, cues);
    std::vector<std::string> out;
    for (const Fact& f : extractor.ExtractLines("report.txt", lines).facts) {
      std::ostringstream s;
      s << f.key.entity << " " << f.key.indicator << " " << MeasureId(f.key.measure) << " "
        << f.key.period << " " << FactKindId(f.key.kind) << " " << f.value
        << (f.strive ? " strive" : "");
      out.push_back(s.str());
    }
    return out;
  }
};

constexpr const char* kReport =
    R"(关于青石县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告
一、2025年国民经济和社会发展计划执行情况
全县地区生产总值完成120.5亿元，比上年攀升6.2%；一般公共预算收入同比缩减3.1%。
二、2026年经济社会发展主要预期目标
地区生产总值增长6%左右；规模以上工业增加值奋力冲刺增长8%。
)";

}  // namespace

TEST_CASE("a user's cue words and patterns change what is read, on top of the bundled ones") {
  World bundled_only("");
  // Without the user's cues: 攀升 cues no growth, 缩减 no decline (同比 makes it a growth of
  // +3.1), 奋力冲刺 no strive target.
  CHECK(bundled_only.Extract(kReport) == std::vector<std::string>{
                                             "青石县 gdp level 2025 actual 1.205e+10",
                                             "青石县 budget_revenue growth 2025 actual 3.1",
                                             "青石县 gdp growth 2026 target 6",
                                             "青石县 industry_value_added growth 2026 target 8",
                                         });
  World user(R"(growth: [攀升]
decline:
  - {pattern: '缩(?:减|小)', note: 缩减 and 缩小 of a figure}
strive:
  - {pattern: '奋力(?:冲刺|争取)'}
)");
  CHECK(user.Extract(kReport) == std::vector<std::string>{
                                     "青石县 gdp level 2025 actual 1.205e+10",
                                     "青石县 gdp growth 2025 actual 6.2",
                                     "青石县 budget_revenue growth 2025 actual -3.1",
                                     "青石县 gdp growth 2026 target 6",
                                     "青石县 industry_value_added growth 2026 target 8 strive",
                                 });
}

}  // namespace kaohe
