// The extractor on short synthetic reports written in the genre's usual phrasings, and on the
// five seed documents against their hand-annotated gold facts.
#include "src/extract/extractor.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/source.h"
#include "engine/units.h"
#include "src/extract/document.h"
#include "src/extract/evaluation.h"
#include "src/load/fact_checker.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "src/load/inputs.h"
#include "tests/bundled_inputs.h"

namespace kaohe {

namespace {

using testing::Lines;

// "entity indicator measure period kind value" for each fact, to compare in one assertion.
std::vector<std::string> Brief(const Extraction& e) {
  std::vector<std::string> out;
  for (const Fact& f : e.facts) {
    std::ostringstream s;
    s << f.key.entity << " " << f.key.indicator << " " << MeasureId(f.key.measure) << " "
      << f.key.period << " " << FactKindId(f.key.kind) << " " << FormatNumber(f.value);
    out.push_back(s.str());
  }
  return out;
}

const Fact* Find(const Extraction& e, const std::string& indicator, Measure measure, int period) {
  for (const Fact& f : e.facts) {
    if (f.key.indicator == indicator && f.key.measure == measure && f.key.period == period) {
      return &f;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE(
    "a county report in no dictionary: subject from the title, years and kinds from its sections") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  Extraction e = extractor.ExtractLines(
      "synthetic_county.txt",
      Lines(R"(关于青石县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告
一、2025年国民经济和社会发展计划执行情况
全县地区生产总值完成120.5亿元，比上年增长6.2%；一般公共预算收入同比下降3.1%；服务业增加值与上年持平。
二、2026年经济社会发展主要预期目标
地区生产总值增长6%左右；规模以上工业增加值增长8%以上；力争新增规模以上工业企业15户。
)"));
  CHECK(e.subject == "青石县");
  CHECK(Brief(e) == std::vector<std::string>{
                        "青石县 gdp level 2025 actual 12050000000",
                        "青石县 gdp growth 2025 actual 6.2",
                        "青石县 budget_revenue growth 2025 actual -3.1",
                        "青石县 services_value_added growth 2025 actual 0",
                        "青石县 gdp growth 2026 target 6",
                        "青石县 industry_value_added growth 2026 target 8",
                        "青石县 new_industry_enterprises level 2026 target 15",
                    });
  const Fact* enterprises = Find(e, "new_industry_enterprises", Measure::kLevel, 2026);
  REQUIRE(enterprises);
  CHECK(enterprises->strive);
  CHECK(enterprises->unit == "家");  // 户 counts enterprises
  CHECK(Find(e, "gdp", Measure::kGrowth, 2026)->qualifier == Qualifier::kApprox);
  CHECK(Find(e, "industry_value_added", Measure::kGrowth, 2026)->qualifier == Qualifier::kAtLeast);
  CHECK(Find(e, "gdp", Measure::kLevel, 2025)->source.line == 3);
  CHECK(Find(e, "gdp", Measure::kLevel, 2025)->source.quote ==
        "全县地区生产总值完成120.5亿元，比上年增长6.2%；一般公共预算收入同比下降3.1%"
        "；服务业增加值与上年持平。");
}

TEST_CASE(
    "a zone named in a sentence owns the figures after it; 全县 returns them to the subject") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  Extraction e = extractor.ExtractLines("synthetic_zone.txt", Lines(R"(青石县2025年工作报告
一、2025年工作回顾
2025年青石经济开发区规上工业总产值增长10.5%，全县规上工业增加值增长4%。
)"));
  CHECK(Brief(e) == std::vector<std::string>{
                        "青石经济开发区 industry_output growth 2025 actual 10.5",
                        "青石县 industry_value_added growth 2025 actual 4",
                    });
}

TEST_CASE(
    "shares, flows of stock indicators, incentive thresholds and per-zone figures are not facts") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  Extraction e = extractor.ExtractLines("synthetic_noise.txt", Lines(R"(杜集区2025年工作报告
一、2025年工作回顾
规上工业企业数字化转型覆盖率达100%，新材料产值占规上工业产值比重达60%。
新增高新技术企业12家，3家企业成功申报高新技术企业。
对当年规模以上工业产值增量突破50亿元的开发区，给予加10分的激励。
各开发区新增规上工业企业5家以上。
)"));
  CHECK(Brief(e).empty());
}

TEST_CASE(
    "a lead-in marks the list after it as estimates; a flattened table gives each cell a fact") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  Extraction e = extractor.ExtractLines("synthetic_table.txt",
                                        Lines("青石县2024年计划执行情况\n"
                                              "一、2024年计划执行情况\n"
                                              "主要经济指标预计完成情况如下：\n"
                                              "——地区生产总值同比增长5%。\n"
                                              "二、2025年计划\n"
                                              "青石县主要指标计划表\n"
                                              "\t指标\n\t单位\n\t2024 年\n预计\n\t2025 年\n目标\n"
                                              "\n"
                                              "\t固定资产投资\n\t%\n\t- 3\n\t6 左右\n"));
  CHECK(Brief(e) == std::vector<std::string>{
                        "青石县 gdp growth 2024 actual 5",
                        "青石县 fixed_asset_investment growth 2024 actual -3",
                        "青石县 fixed_asset_investment growth 2025 target 6",
                    });
  CHECK(bool(e.facts[0].preliminary));
  CHECK(bool(e.facts[1].preliminary));
  CHECK(e.facts[2].qualifier == Qualifier::kApprox);
  CHECK(e.facts[1].source.quote == "固定资产投资 % -3 6左右");
}

TEST_CASE("without a subject, facts keep an empty entity and a warning says so; --entity sets it") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  auto lines = Lines("一、2025年工作回顾\n地区生产总值增长5%。\n");
  Extraction none = extractor.ExtractLines("synthetic_anonymous.txt", lines);
  REQUIRE(none.facts.size() == 1);
  CHECK(none.facts[0].key.entity.empty());
  CHECK(none.diagnostics.warning_count() == 1);
  Extraction given = extractor.ExtractLines("synthetic_anonymous.txt", lines, {"杜集经开区"});
  CHECK(given.facts.at(0).key.entity == "杜集经济开发区");
}

TEST_CASE("GB18030 documents extract the same as UTF-8") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  auto path = std::filesystem::temp_directory_path() / "kaohe_gb18030_synthetic.txt";
  // "古交市2025年\n一、2025年执行情况\n地区生产总值增长1%。" in GB18030.
  std::ofstream(path, std::ios::binary)
      << "\xB9\xC5\xBD\xBB\xCA\xD0"
         "2025\xC4\xEA\n"
         "\xD2\xBB\xA1\xA2"
         "2025\xC4\xEA\xD6\xB4\xD0\xD0\xC7\xE9\xBF\xF6\n"
         "\xB5\xD8\xC7\xF8\xC9\xFA\xB2\xFA\xD7\xDC\xD6\xB5\xD4\xF6\xB3\xA4"
         "1%\xA1\xA3\n";
  auto e = extractor.ExtractFile(path.string());
  REQUIRE(e.ok());
  CHECK(Brief(e.value()) == std::vector<std::string>{"古交市 gdp growth 2025 actual 1"});
}

namespace {

const char* kHead = "杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n";

// The facts without their lines and quotes.
std::vector<std::string> Keys(const Extraction& e) { return Brief(e); }

}  // namespace

TEST_CASE("a page on one line gives the facts of the same text one sentence a line") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  std::string one_line = kHead, broken = kHead;
  // Far longer than a paragraph is kept whole, so it is cut, at sentence ends.
  for (int i = 0; i < 20000; ++i) {
    std::string sentence = i % 2 ? "规上工业增加值增长" + std::to_string(i % 9) + "%。"
                                 : "2024年地区生产总值完成" + std::to_string(i) + "亿元。";
    one_line += sentence;
    broken += sentence + "\n";
  }
  Extraction page = extractor.ExtractLines("page.txt", Lines(one_line));
  Extraction lines = extractor.ExtractLines("lines.txt", Lines(broken));
  REQUIRE(page.facts.size() == 20000);
  CHECK(Keys(page) == Keys(lines));
  for (std::size_t i = 0; i < page.facts.size(); ++i) {
    CHECK(page.facts[i].source.quote == lines.facts[i].source.quote);
    CHECK(page.facts[i].source.line == 3);
  }
}

TEST_CASE("a long sentence is quoted by the clauses around its figure, bounded") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  std::string text = kHead;
  for (int i = 0; i < 5000; ++i) text += "地区生产总值增长5%，";
  Extraction e = extractor.ExtractLines("clauses.txt", Lines(text));
  REQUIRE(e.facts.size() == 5000);
  for (const Fact& f : e.facts) CHECK(f.source.quote == "地区生产总值增长5%，");
  // A clause longer than a quote may be: the text just before the figure, ending with it.
  std::string filler(400, 'x');
  Extraction longer = extractor.ExtractLines(
      "long.txt", Lines(kHead + std::string("地区生产总值") + filler + "增长5%" + filler + "。"));
  REQUIRE(longer.facts.size() == 1);
  const std::string& quote = longer.facts[0].source.quote;
  CHECK(CodePointCount(quote) == 300);
  CHECK(quote.ends_with("增长5%"));
}

TEST_CASE("text that cannot be cut into bounded paragraphs is refused with its line") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  std::string text = kHead;
  text += std::string(DocumentBuilder::kMaxUnbrokenCodePoints + 10, 'x');
  Extraction e = extractor.ExtractLines("unbroken.txt", Lines(text));
  CHECK(e.facts.empty());
  REQUIRE(e.diagnostics.has_errors());
  CHECK(e.diagnostics.all().back().code == "X003");
  CHECK(e.diagnostics.all().back().location.line == 3);
  // Short lines with no sentence end join, and are cut between lines instead.
  std::string joined = kHead;
  for (int i = 0; i < 100000; ++i) joined += "地区生产总值增长5%\n";
  Extraction lines = extractor.ExtractLines("joined.txt", Lines(joined));
  CHECK_FALSE(lines.diagnostics.has_errors());
  CHECK(lines.facts.size() == 100000);
}

TEST_CASE("a long document is read in stretches, with what the whole of it decides") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  // Longer than is held and read once; the plan's years are named only at its very end.
  std::string text = kHead;
  for (int i = 0; i < 100000; ++i) text += "地区生产总值增长5%。\n";
  text +=
      "二、2026年计划\n主要指标计划表\n\t指标\n\t单位\n\t每年目标\n\n\t固定资产投资\n\t%\n\t6\n\n"
      "实施2026—2028年行动。\n";
  auto path = std::filesystem::temp_directory_path() / "kaohe_long_document.txt";
  std::ofstream(path, std::ios::binary) << text;
  std::vector<Fact> streamed;
  auto e = extractor.ExtractFile(path.string(), {}, [&](Fact&& f) { streamed.push_back(f); });
  REQUIRE(e.ok());
  CHECK(e.value().facts.empty());
  Extraction whole = extractor.ExtractLines(path.string(), Lines(text));
  REQUIRE(streamed.size() == whole.facts.size());
  CHECK(streamed.size() == 100003);
  for (std::size_t i = 0; i < streamed.size(); ++i) {
    CHECK(streamed[i].key == whole.facts[i].key);
    CHECK(streamed[i].source.line == whole.facts[i].source.line);
  }
  CHECK(streamed.back().key.period == 2028);
}

TEST_CASE("a long flattened table is read in pieces, each with the table's header rows") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  std::string text = std::string(kHead) + "主要指标表\n\t指标\n\t单位\n\t2025年完成\n\n";
  for (int i = 0; i < 30000; ++i) text += "\t地区生产总值\n\t亿元\n\t" + std::to_string(i) + "\n\n";
  Extraction e = extractor.ExtractLines("table.txt", Lines(text));
  REQUIRE(e.facts.size() == 30000);
  for (std::size_t i = 0; i < e.facts.size(); ++i) {
    CHECK(e.facts[i].key.period == 2025);
    CHECK(e.facts[i].key.kind == FactKind::kActual);
    CHECK(e.facts[i].value == static_cast<double>(i) * 1e8);
  }
  CHECK(e.facts.back().source.quote == "地区生产总值 亿元 29999");
}

TEST_CASE("on the five seed documents: precision at least 0.97 and recall at least 0.95") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  Diagnostics diagnostics;
  DocumentCache documents;
  FactChecker checker(*b.dictionary, diagnostics, documents);
  FactStore gold_store;
  const std::string root = KAOHE_SOURCE_DIR;
  std::filesystem::current_path(root);
  for (const auto& entry : std::filesystem::directory_iterator(root + "/fixtures/gold")) {
    if (entry.path().extension() != ".jsonl") continue;
    auto file = ReadTextFile(entry.path().string());
    REQUIRE(file.ok());
    LoadFactsJsonl(file.value(), checker, gold_store);
  }
  REQUIRE_FALSE(diagnostics.has_errors());
  std::map<std::string, std::vector<Fact>> gold;
  gold_store.ForEach([&](const FactKey&, std::span<const Fact> facts) {
    for (const Fact& f : facts) gold[f.source.file].push_back(f);
  });
  REQUIRE(gold.size() == 5);
  EvaluationScore total;
  for (const auto& [path, facts] : gold) {
    auto e = extractor.ExtractFile(path);
    REQUIRE(e.ok());
    total.Add(ScoreExtraction(facts, e.value().facts));
  }
  MESSAGE("seed extraction: precision " << total.precision() << " (" << total.matched << "/"
                                        << total.extracted << "), recall " << total.recall() << " ("
                                        << total.matched << "/" << total.gold << ")");
  CHECK(total.gold == 170);
  CHECK(total.precision() >= 0.97);
  CHECK(total.recall() >= 0.95);
}

TEST_CASE(
    "a report in traditional script reads as its simplified original; quotes stay as written") {
  const testing::BundledInputs& b = testing::Bundled();
  Extractor extractor(*b.dictionary, *b.cues);
  Extraction e = extractor.ExtractLines(
      "synthetic_traditional.txt",
      Lines(R"(關於青石縣2025年國民經濟和社會發展計劃執行情況與2026年計劃草案的報告
一、2025年國民經濟和社會發展計劃執行情況
全縣地區生產總值完成120.5億元，比上年增長6.2%；規模以上工業增加值增長4%。
二、2026年經濟社會發展主要預期目標
地區生產總值增長6%左右。
)"));
  CHECK(e.subject == "青石县");
  CHECK(Brief(e) == std::vector<std::string>{
                        "青石县 gdp level 2025 actual 12050000000",
                        "青石县 gdp growth 2025 actual 6.2",
                        "青石县 industry_value_added growth 2025 actual 4",
                        "青石县 gdp growth 2026 target 6",
                    });
  const Fact* gdp = Find(e, "gdp", Measure::kLevel, 2025);
  REQUIRE(gdp);
  CHECK(gdp->source.quote ==
        "全縣地區生產總值完成120.5億元，比上年增長6.2%；規模以上工業增加值增長4%。");
}

}  // namespace kaohe
