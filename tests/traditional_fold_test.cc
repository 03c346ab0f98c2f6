// The traditional-to-simplified fold: its table against ICU, and its use in normalising lines.
#include "src/text/traditional_fold.h"

#include <doctest/doctest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "src/extract/extractor.h"
#include "src/load/inputs.h"
#include "src/text/normalize.h"
#include "src/text/traditional_fold_derive.h"
#include "tests/bundled_inputs.h"

namespace kaohe {

namespace {

std::string Fold(const std::string& text) {
  std::u32string t = ToUtf32(text);
  for (char32_t& c : t) c = FoldTraditional(c);
  return ToUtf8(t);
}

using testing::Lines;

// The facts without their sources, sorted: what a document says, whatever its script.
std::vector<std::string> Said(const Extraction& e) {
  std::vector<std::string> out;
  for (const Fact& f : e.facts) {
    std::ostringstream s;
    s << f.key.entity << " " << f.key.indicator << " " << static_cast<int>(f.key.measure) << " "
      << f.key.period << " " << static_cast<int>(f.key.kind) << " " << f.value;
    out.push_back(s.str());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("traditional words of reports fold to their simplified forms") {
  CHECK(Fold("國民經濟和社會發展計劃") == "国民经济和社会发展计划");
  CHECK(Fold("規模以上工業增加值增長6.5%") == "规模以上工业增加值增长6.5%");
  CHECK(Fold("地區生產總值達到1,234.5億元") == "地区生产总值达到1,234.5亿元");
  CHECK(Fold("國內") == "国内");  // 內: kept only by a slip in ICU's rules
  CHECK(Fold("銀行") == "银行");  // 銀: likewise
  CHECK(Fold("淨增") == "净增");  // 淨: likewise
  CHECK(Fold("此後") == "此后");
}

TEST_CASE("characters that are simplified text too are not folded") {
  // ICU keeps them in some contexts (著名, 乾坤, 狼藉, 宮商角徵羽): folding them alone would
  // damage simplified text such as 显著.
  CHECK(Fold("显著增长") == "显著增长");
  CHECK(Fold("乾坤") == "乾坤");
  CHECK(Fold("狼藉") == "狼藉");
  CHECK(FoldTraditional(U'徵') == U'徵');
}

TEST_CASE("a simplified text is unchanged by the fold") {
  const std::string text =
      "全市地区生产总值完成1234.5亿元，比上年增长6.2%；规模以上工业增加值增长8%以上，"
      "显著高于全省平均水平；一般公共预算收入同比下降3.1%，余额、后续、发展、面向、于是、干部。";
  CHECK(Fold(text) == text);
  // No folded character is itself the simplified form of another (folding is idempotent).
  for (const TraditionalFold& f : TraditionalFolds()) {
    CHECK(FoldTraditional(f.simplified) == f.simplified);
  }
}

TEST_CASE("normalising mixed text folds it, one code point for one, columns unchanged") {
  NormalizedLine n = NormalizeLine("2025年全縣GDP增長６％， 國内 生產總值");
  CHECK(ToUtf8(n.text) == "2025年全县GDP增长6%,国内生产总值");
  REQUIRE(n.original.size() == n.text.size() + 1);
  CHECK(n.original[6] == 6);    // 县 is 縣 at column 6
  CHECK(n.original[11] == 11);  // 长 is 長
  CHECK(n.original[15] == 16);  // 国 is 國, after the space
  CHECK(n.OriginalEnd(n.text.size()) == 23);
}

TEST_CASE("a corpus text yields the facts of its conversion by ICU's context-aware Hant-Hans") {
  // The one-to-one fold loses nothing extraction needs against ICU's full conversion, which
  // also reads words (乾坤, 著名): every corpus text that conversion changes must agree.
  Extractor extractor(*testing::Bundled().dictionary, *testing::Bundled().cues);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> hant_hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(KAOHE_SOURCE_DIR) +
                                                               "/fixtures/corpus/texts")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text.str());
    hant_hans->transliterate(u);
    std::string converted;
    u.toUTF8String(converted);
    if (converted == text.str()) continue;
    ++compared;
    CAPTURE(entry.path().filename().string());
    CHECK(Said(extractor.ExtractLines("t.txt", Lines(text.str()))) ==
          Said(extractor.ExtractLines("t.txt", Lines(converted))));
  }
  CHECK(compared >= 12);  // the corpus holds traditional-script texts
}

TEST_CASE("the committed fold table is what the installed ICU derives") {
  std::string error;
  std::vector<TraditionalFold> derived = DeriveTraditionalFolds(error);
  REQUIRE_MESSAGE(!derived.empty(), error);
  std::ifstream in(std::string(KAOHE_SOURCE_DIR) + "/src/text/traditional_fold_table.inc");
  REQUIRE(in);
  std::stringstream committed;
  committed << in.rdbuf();
  // On failure: ./build/gen_traditional_fold > src/text/traditional_fold_table.inc
  CHECK(committed.str() == TraditionalFoldTableText(derived));
  // Each character listed as a slip of ICU's rules still has a fold of its own.
  for (char16_t c : IcuRuleSlips()) {
    CHECK(FoldTraditional(c) != c);
  }
}

}  // namespace kaohe
