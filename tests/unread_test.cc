// Seeing what was not read: which sentences count as indicator sentences, which were read, and
// the reason given for each one that gave no fact.
#include "src/extract/unread.h"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "src/extract/extractor.h"
#include "src/load/inputs.h"
#include "tests/bundled_inputs.h"

namespace kaohe {
namespace {

using testing::Lines;

struct Unread {
  std::vector<UnreadSentence> sentences;
  int indicator_sentences = 0;
  int read_sentences = 0;
  int indicator_rows = 0;
  int read_rows = 0;
  std::string summary;
};

// The unread sentences of a text under two lines, a title and a section heading, that name its
// place and year: the text starts on line 3.
Unread Read(const std::string& text, const std::string& head =
                                         "关于青石县2025年国民经济和社会发展计划执行情况的报告\n"
                                         "一、2025年国民经济和社会发展计划执行情况") {
  Extractor extractor(*testing::Bundled().dictionary, *testing::Bundled().cues);
  Unread out;
  UnreadLog log([&](UnreadSentence&& s) { out.sentences.push_back(std::move(s)); });
  ExtractOptions options;
  options.unread = &log;
  extractor.ExtractLines("doc.txt", Lines(head + "\n" + text), options);
  out.indicator_sentences = log.indicator_sentences();
  out.read_sentences = log.read_sentences();
  out.indicator_rows = log.indicator_rows();
  out.read_rows = log.read_rows();
  out.summary = log.Summary();
  return out;
}

// The reason given for the one sentence of `text`, which must be unread.
UnreadReason ReasonFor(const std::string& text) {
  Unread u = Read(text);
  REQUIRE(u.sentences.size() == 1);
  CHECK(u.indicator_sentences == 1);
  CHECK(u.read_sentences == 0);
  return u.sentences.front().reason;
}

}  // namespace

TEST_CASE(
    "an indicator sentence names an indicator and holds a figure; one that gave a fact is "
    "read") {
  Unread u = Read(
      "全县地区生产总值完成120.5亿元，比上年增长6.2%。地区生产总值稳步增长。"
      "2025年是地区生产总值统计方法改革的第一年。全年接待游客320万人次。\n"
      "对规模以上工业增加值增长10%以上的乡镇给予奖励。");
  // 稳步增长 has no figure, 2025年 and 第一年 are not figures, 游客 names no indicator.
  CHECK(u.indicator_sentences == 2);
  CHECK(u.read_sentences == 1);
  CHECK(u.summary == "1 of 2 indicator sentences read");
  REQUIRE(u.sentences.size() == 1);
  const UnreadSentence& s = u.sentences.front();
  CHECK(s.file == "doc.txt");
  CHECK(s.line == 4);
  CHECK(s.column == 1);
  CHECK(s.reason == UnreadReason::kIncentive);
  CHECK(s.text == "对规模以上工业增加值增长10%以上的乡镇给予奖励。");
}

TEST_CASE("an unread sentence is cited at its first character, with its original text") {
  Unread u =
      Read("全县地区生产总值完成120.5亿元。　对规模以上工业增加值增长１０％以上的乡镇给予奖励。");
  REQUIRE(u.sentences.size() == 1);
  CHECK(u.sentences.front().line == 3);
  CHECK(u.sentences.front().column > 10);
  CHECK(u.sentences.front().text.find("１０％") != std::string::npos);  // as in the file
}

TEST_CASE("a sentence after a space is cited at its first character that is not a space") {
  Unread u = Read("GDP 完成120.5亿元。 GDP 为上年的106.2%。");
  REQUIRE(u.sentences.size() == 1);
  CHECK(u.sentences.front().line == 3);
  CHECK(u.sentences.front().column == 16);
  CHECK(u.sentences.front().text == "GDP 为上年的106.2%。");
}

TEST_CASE("the reasons the extractor gives when it drops a sentence's figures") {
  CHECK(ReasonFor("对固定资产投资突破50亿元的乡镇，给予一次性奖励。") == UnreadReason::kIncentive);
  CHECK(ReasonFor("各开发区规模以上工业企业数达到30家以上。") == UnreadReason::kEachPlace);
  CHECK(ReasonFor("全年新增高新技术企业12家。") == UnreadReason::kNewlyAdded);
  CHECK(ReasonFor("服务业增加值占地区生产总值比重达到45.2%。") == UnreadReason::kShare);
  CHECK(ReasonFor("一般公共预算收入增幅回落2.1个百分点。") == UnreadReason::kPoints);
  CHECK(ReasonFor("社会消费品零售总额为上年的106.2%。") == UnreadReason::kNoGrowthWord);
}

TEST_CASE("a unit that does not fit the indicator is named") {
  Unread u = Read("规模以上工业企业达到120亿元。");
  REQUIRE(u.sentences.size() == 1);
  CHECK(u.sentences.front().reason == UnreadReason::kUnit);
  CHECK(u.sentences.front().detail == "元");  // the unit as written, after 亿
}

TEST_CASE("a document with no year anywhere: its figures have no period") {
  Unread u = Read("全县地区生产总值完成120.5亿元。", "青石县经济运行情况\n一、主要指标完成情况");
  REQUIRE(u.sentences.size() == 1);
  CHECK(u.sentences.front().reason == UnreadReason::kNoYear);
}

TEST_CASE("a document with no subject: its facts have no entity, so its sentences are unread") {
  Unread u =
      Read("地区生产总值完成120.5亿元，比上年增长6.2%。", "经济运行情况\n一、2025年经济运行情况");
  REQUIRE(u.sentences.size() == 1);
  CHECK(u.sentences.front().reason == UnreadReason::kNoSubject);
  CHECK(u.read_sentences == 0);
}

TEST_CASE("what the text shows explains a sentence the extractor's notes do not") {
  using R = UnreadReason;
  const std::vector<R> weak = {R::kSurplus, R::kNoGrowthWord};
  // A 分别 list: its figures were left over or lacked a growth word, because it was not paired.
  CHECK(ExplainUnread(U"城乡居民人均可支配收入分别增长5.5%和6.5%", weak) == R::kUnpairedList);
  CHECK(ExplainUnread(U"规上工业增加值、固定资产投资分别增长7%、9%以上", {}) == R::kUnpairedList);
  // Part of a year.
  CHECK(ExplainUnread(U"1—9月,规模以上工业增加值增长5.1%", weak) == R::kPartialYear);
  CHECK(ExplainUnread(U"1-11月份固定资产投资增长3%", {}) == R::kPartialYear);
  CHECK(ExplainUnread(U"1至9月社会消费品零售总额增长4%", {}) == R::kPartialYear);
  CHECK(ExplainUnread(U"上半年地区生产总值增长5.5%", {}) == R::kPartialYear);
  CHECK(ExplainUnread(U"前三季度地区生产总值增长5.5%", {}) == R::kPartialYear);
  CHECK(ExplainUnread(U"一季度进出口总额增长8%", {}) == R::kPartialYear);
  // A whole year's month is not a part of it: 12月 alone, 2025年1月.
  CHECK(ExplainUnread(U"12月地区生产总值增长5.5%", {}) == R::kNoFigureAfter);
  // A share stated by its words.
  CHECK(ExplainUnread(U"服务业增加值占比达到48%", {}) == R::kShare);
  // The extractor's weaker notes, when the text shows nothing more.
  CHECK(ExplainUnread(U"规模以上工业企业达到120", std::vector<R>{R::kNoUnit}) == R::kNoUnit);
  CHECK(ExplainUnread(U"地区生产总值95亿元和96亿元", std::vector<R>{R::kSurplus}) == R::kSurplus);
  CHECK(ExplainUnread(U"增长6%的地区生产总值", {}) == R::kNoFigureAfter);
  // A strong note decides, whatever the text shows.
  CHECK(ExplainUnread(U"上半年对规上工业增加值增长10%的给予奖励", std::vector<R>{R::kIncentive}) ==
        R::kIncentive);
  CHECK(ExplainUnread(U"分别完成120亿元和80亿元", std::vector<R>{R::kNoYear, R::kSurplus}) ==
        R::kNoYear);
  CHECK(ExplainUnread(U"过去五年地区生产总值年均增长6%", std::vector<R>{R::kSpanOfYears}) ==
        R::kSpanOfYears);
  CHECK(ExplainUnread(U"分别增加12亿元和8亿元", std::vector<R>{R::kIncrement}) == R::kIncrement);
  // A partial year the extractor noted, in words the text check does not know.
  CHECK(ExplainUnread(U"截至11月底地区生产总值增长5%", std::vector<R>{R::kPartialYear}) ==
        R::kPartialYear);
}

TEST_CASE("flattened tables are counted by row: a row that names an indicator and holds a value") {
  Unread u = Read(
      "主要指标表\n\t指标\n\t单位\n\t2025年完成\n\n"
      "\t地区生产总值\n\t亿元\n\t120\n\n"       // line 8: read
      "\t规模以上工业企业数\n\t亿元\n\t35\n\n"  // line 12: 亿元 does not fit 家
      "\t固定资产投资\n\t亿元\n\t50\n\t60\n\n"  // line 16: four cells under three
      "\t备注\n\t-\n\t-\n\n"                    // names no indicator and holds no value
      "第二张表\n\t指标\n\t2025年完成\n\n"
      "\t地区生产总值\n\t亿元\n\t120\n");  // line 29: three cells under two
  CHECK(u.indicator_sentences == 0);
  CHECK(u.indicator_rows == 4);
  CHECK(u.read_rows == 1);
  CHECK(u.summary == "0 of 0 indicator sentences read, 1 of 4 indicator table rows");
  REQUIRE(u.sentences.size() == 3);
  CHECK(u.sentences[0].line == 12);
  CHECK(u.sentences[0].reason == UnreadReason::kUnit);
  CHECK(u.sentences[0].detail == "亿元");
  CHECK(u.sentences[0].text == "规模以上工业企业数 亿元 35");
  CHECK(u.sentences[1].line == 16);
  CHECK(u.sentences[1].reason == UnreadReason::kTableShape);
  CHECK(u.sentences[2].line == 29);
  CHECK(u.sentences[2].reason == UnreadReason::kTableShape);
}

TEST_CASE("every reason has a description and a distinct id") {
  std::set<std::string_view> ids;
  for (int r = 0; r <= static_cast<int>(UnreadReason::kTableColumns); ++r) {
    auto reason = static_cast<UnreadReason>(r);
    CHECK_FALSE(DescribeUnread(reason).empty());
    ids.insert(UnreadReasonId(reason));
  }
  CHECK(ids.size() == static_cast<std::size_t>(UnreadReason::kTableColumns) + 1);
}

TEST_CASE("without a sink the log only counts") {
  Extractor extractor(*testing::Bundled().dictionary, *testing::Bundled().cues);
  UnreadLog log;
  ExtractOptions options;
  options.unread = &log;
  extractor.ExtractLines(
      "doc.txt",
      Lines("关于青石县2025年计划执行情况的报告\n一、2025年计划执行情况\n全年新增高新技术企业12家。"
            "全县地区生产总值完成120.5亿元。"),
      options);
  CHECK(log.Summary() == "1 of 2 indicator sentences read");
}

}  // namespace kaohe
