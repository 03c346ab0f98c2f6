// The document model of time: dates, titles, headings and relative years, and the year and
// kind they give figures whose sentences name none.
#include "src/extract/document_time.h"

#include <doctest/doctest.h>

#include <sstream>

#include "engine/units.h"
#include "src/extract/document.h"
#include "src/extract/extractor.h"
#include "src/load/inputs.h"
#include "tests/bundled_inputs.h"

namespace kaohe {
namespace {

DocumentTime TimeOf(std::initializer_list<std::u32string_view> lines) {
  DocumentTimeFinder finder;
  int number = 0;
  for (auto line : lines) finder.AddLine(++number, line);
  return finder.Time();
}

std::vector<std::optional<int>> Years(std::u32string_view s, const DocumentTime& time) {
  std::vector<std::optional<int>> out;
  for (const TimeMention& m : FindTimeMentions(s, time)) out.push_back(m.year);
  return out;
}

// "indicator measure period kind value" of each fact of a text about 青石县.
std::vector<std::string> Read(const std::string& text) {
  Extractor extractor(*testing::Bundled().dictionary, *testing::Bundled().cues);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ExtractOptions options;
  options.entity = "青石县";
  Extraction e = extractor.ExtractLines("synthetic_time.txt", lines, options);
  std::vector<std::string> out;
  for (const Fact& f : e.facts) {
    std::ostringstream s;
    s << f.key.indicator << " " << MeasureId(f.key.measure) << " " << f.key.period << " "
      << FactKindId(f.key.kind) << " " << FormatNumber(f.value) << (f.preliminary ? " prelim" : "");
    out.push_back(s.str());
  }
  return out;
}

}  // namespace

TEST_CASE("dates: full, with spaces, in page chrome, and a month and day alone") {
  auto date = FindDate(U"——2019年1月15日在青石县第十六届人民代表大会第四次会议上");
  REQUIRE(date);
  CHECK(date->year == 2019);
  CHECK(date->month == 1);
  CHECK(date->day == 15);
  date = FindDate(U"时间：2023-12-28 23:17 来源：青石新闻");
  REQUIRE(date);
  CHECK(date->year == 2023);
  CHECK(date->month == 12);
  CHECK(date->day == 28);
  date = FindDate(U"2020 年 1 月 8 日");
  REQUIRE(date);
  CHECK(date->day == 8);
  date = FindDate(U"本报讯 2月18日，青石县召开经济工作会议。");
  REQUIRE(date);
  CHECK(date->year == 0);
  CHECK(date->month == 2);
  date = FindDate(U"新华社乌鲁木齐一月八日电");
  REQUIRE(date);
  CHECK(date->month == 1);
  CHECK(date->day == 8);
  CHECK_FALSE(FindDate(U"2023年1—9月，全县地区生产总值增长5%"));
  CHECK_FALSE(FindDate(U"2019年1月，全县启动"));
}

TEST_CASE("titles and headings name the outcome and plan years") {
  auto clue = ReadYearClue(U"青石县2019年国民经济和社会发展统计公报");
  REQUIRE(clue);
  CHECK(clue->outcome == 2019);
  CHECK(clue->genre == Genre::kBulletin);
  clue = ReadYearClue(U"关于青石县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告");
  REQUIRE(clue);
  CHECK(clue->outcome == 2023);
  CHECK(clue->plan == 2024);
  CHECK(clue->genre == Genre::kPlanReport);
  clue = ReadYearClue(U"一、2023年工作回顾");
  REQUIRE(clue);
  CHECK(clue->outcome == 2023);
  clue = ReadYearClue(U"报告回顾2013年工作时说");
  REQUIRE(clue);
  CHECK(clue->outcome == 2013);
  clue = ReadYearClue(U"二、2024年目标任务");
  REQUIRE(clue);
  CHECK(clue->outcome == 2023);
  CHECK(clue->plan == 2024);
  clue = ReadYearClue(U"青石经开区召开2023年工作总结暨2024年工作部署大会");
  REQUIRE(clue);
  CHECK(clue->outcome == 2023);
  CHECK_FALSE(ReadYearClue(U"全县上下团结奋斗"));
}

TEST_CASE("the document's time: the strongest clue, the session date, the writing year") {
  // A bulletin's title beats its publication date.
  DocumentTime t = TimeOf({U"青石县2019年国民经济和社会发展统计公报", U"（2020年3月19日）"});
  CHECK(t.outcome_year == 2019);
  CHECK(t.plan_year == 2020);
  CHECK(t.writing_year == 2020);
  // A report given in January is on the year before.
  t = TimeOf({U"政府工作报告", U"——2019年1月15日在青石县第十六届人民代表大会第四次会议上"});
  CHECK(t.outcome_year == 2018);
  CHECK(t.plan_year == 2019);
  CHECK(t.writing_year == 2019);
  // A meeting in December is on its own year.
  t = TimeOf({U"青石经开区召开党工委会议", U"时间：2023-12-28 23:17　来源：青石新闻"});
  CHECK(t.outcome_year == 2023);
  CHECK(t.writing_year == 2023);
  // A reposting site's date does not beat the report's own title year.
  t = TimeOf({U"2019年青石县人民政府工作报告（全文）", U"公文搜　2021-07-27 17:14:09"});
  CHECK(t.outcome_year == 2018);
  // A month and day alone: the year comes from the rest of the text.
  t = TimeOf({U"青石县人代会开幕", U"2月2日上午，青石县第十五届人民代表大会第三次会议开幕。",
              U"会议将审查青石县2022年国民经济和社会发展计划执行情况与2023年计划草案的报告。"});
  CHECK(t.outcome_year == 2022);
  CHECK(t.writing_year == 2023);
  // A title on part of a year: written in that year, its targets that year's.
  t = TimeOf({U"青石县2020年前三季度经济运行情况分析"});
  CHECK(t.outcome_year == 2020);
  CHECK(t.plan_year == 2020);
  CHECK(t.writing_year == 2020);
  // Nothing dates it: the year it names most.
  t = TimeOf({U"青石县概况", U"2007年2月，县里设立开发区。", U"2008年，开发区扩区。",
              U"2008年，开发区规上工业企业达到41家。"});
  CHECK(t.outcome_year == 2008);
  CHECK(t.writing_year == 0);
  // 今年（2024年） says which year the text is written in: that year's targets, the year before
  // reviewed.
  t = TimeOf({U"青石县政府工作报告：今年GDP预期增长5%", U"今日（23日）上午开幕。",
              U"县长表示，今年（2024年）青石发展的有利条件强于不利因素。"});
  CHECK(t.outcome_year == 2023);
  CHECK(t.plan_year == 2024);
  CHECK(t.writing_year == 2024);
}

TEST_CASE("relative years and spans in a sentence") {
  DocumentTime t;
  t.outcome_year = 2023;
  t.plan_year = 2024;
  t.writing_year = 2024;
  CHECK(Years(U"今年地区生产总值增长目标6%", t) == std::vector<std::optional<int>>{2024});
  CHECK(Years(U"去年全县地区生产总值增长5%", t) == std::vector<std::optional<int>>{2023});
  CHECK(Years(U"过去一年，全县地区生产总值增长5%", t) == std::vector<std::optional<int>>{2023});
  CHECK(Years(U"明年力争增长7%", t) == std::vector<std::optional<int>>{2025});
  // Comparisons are not the figure's year.
  CHECK(Years(U"规模以上工业增加值比上年增长6.3%", t).empty());
  CHECK(Years(U"与去年同期相比增长3%", t).empty());
  CHECK(Years(U"比2020年翻一番", t).empty());
  CHECK(Years(U"为2010年以来最好位次", t).empty());
  CHECK(Years(U"2023—2025年累计完成投资", t).empty());
  CHECK(Years(U"2016年至2018年分别完成", t).empty());
  // Spans: no year.
  CHECK(Years(U"过去五年，全县地区生产总值年均增长6%", t) ==
        std::vector<std::optional<int>>{std::nullopt});
  CHECK(Years(U"“十四五”期间累计完成", t) == std::vector<std::optional<int>>{std::nullopt});
  CHECK(Years(U"五年来，全市地区生产总值2021年达到568亿元", t) ==
        std::vector<std::optional<int>>{std::nullopt, 2021});
  // Parts of a year: no year; 全年 after one is the whole year again.
  CHECK(Years(U"前三季度，全县地区生产总值增长3%", t) ==
        std::vector<std::optional<int>>{std::nullopt});
  CHECK(Years(U"1至11月，完成固定资产投资45亿元", t) ==
        std::vector<std::optional<int>>{std::nullopt});
  CHECK(Years(U"2025年1—9月实现产值115亿元，全年预计实现产值178亿元", t) ==
        std::vector<std::optional<int>>{2025, std::nullopt, 2025});
  CHECK(Years(U"今年以来，规上工业增加值增长9%", t) ==
        std::vector<std::optional<int>>{std::nullopt});
  CHECK(Years(U"前2个月，规上工业总产值突破千亿元", t) ==
        std::vector<std::optional<int>>{std::nullopt});
  CHECK(Years(U"2019年1月15日，全县地区生产总值", t) == std::vector<std::optional<int>>{2019});
  // Undated: 今年 is whichever year the figure's kind gives.
  t.writing_year = 0;
  auto mentions = FindTimeMentions(U"今年全县经济运行稳中有进", t);
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].current);
  CHECK(Years(U"明年主要目标是", t) == std::vector<std::optional<int>>{2024});
}

TEST_CASE("target cues: weak words, outcomes measured against plans, plans of the outcome year") {
  std::u32string_view s = U"完成年计划710亿元的89.4%，增长2.0%";
  std::size_t cue = s.find(U"计划");
  CHECK(ReadTargetCue(s, cue, s.find(U"710")) == TargetCueUse::kPlanOfOutcomeYear);
  CHECK(ReadTargetCue(s, cue, s.find(U"89.4")) == TargetCueUse::kNone);
  CHECK(ReadTargetCue(s, cue, s.find(U"2.0")) == TargetCueUse::kNone);
  s = U"比年初目标（6.5%）低2.3个百分点";
  CHECK(ReadTargetCue(s, s.find(U"目标"), s.find(U"6.5")) == TargetCueUse::kPlanOfOutcomeYear);
  s = U"增长7.2%，低于年初目标（7%）";
  CHECK(ReadTargetCue(s, s.find(U"目标"), s.find(U"7%")) == TargetCueUse::kPlanOfOutcomeYear);
  s = U"主要是二产未达预期，增长2.0%";
  CHECK(ReadTargetCue(s, s.find(U"预期"), s.find(U"2.0")) == TargetCueUse::kNone);
  s = U"全年新开工项目72个，计划总投资124亿元，带动固定资产投资增长10.6%";
  CHECK(ReadTargetCue(s, s.find(U"计划"), s.find(U"10.6")) == TargetCueUse::kNone);
  s = U"主要预期目标是：地区生产总值增长6%左右";
  CHECK(ReadTargetCue(s, s.find(U"目标"), s.find(U"6%")) == TargetCueUse::kTarget);
}

TEST_CASE("a figure of a year after the one reported on carries a target list to the next line") {
  CHECK(Read(R"(青石县两会报告速览
——2026年1月13日在青石县第十五届人民代表大会第一次会议上
报告提出，2026年全县地区生产总值增长5%左右。
社会消费品零售总额增长4%，一般公共预算收入增长2%左右。
)") == std::vector<std::string>{"gdp growth 2026 target 5", "retail_sales growth 2026 target 4",
                                "budget_revenue growth 2026 target 2"});
}

TEST_CASE("headings by their words and lead-ins of target lists") {
  auto cue = ReadCueHeading(U"■2024年成绩单");
  REQUIRE(cue);
  CHECK(cue->year == 2024);
  CHECK(cue->kind == FactKind::kActual);
  cue = ReadCueHeading(U"■2025年经济社会发展的主要预期目标");
  REQUIRE(cue);
  CHECK(cue->kind == FactKind::kTarget);
  CHECK(ReadCueHeading(U"2013年政府工作回顾"));
  CHECK_FALSE(ReadCueHeading(U"2023年全市重点项目建设情况"));
  CHECK_FALSE(ReadCueHeading(U"●地区生产总值增长6%左右"));
  CHECK_FALSE(ReadCueHeading(U"2023年西安高新区GDP突破3300亿元"));
  auto lead = ReadTargetLead(U"报告提出，2024年全县经济社会发展的主要预期目标是：");
  REQUIRE(lead);
  CHECK(lead->year == 2024);
  CHECK(lead->kind == FactKind::kTarget);
  CHECK_FALSE(ReadTargetLead(U"主要经济指标预计完成情况如下："));
  // A short line of its own that ends in 目标 leads a list of targets too.
  lead = ReadTargetLead(U"建议全年经济社会发展预期目标");
  REQUIRE(lead);
  CHECK(lead->kind == FactKind::kTarget);
  CHECK_FALSE(ReadTargetLead(U"我们圆满完成了全年目标，经济稳中有进的目标"));
  CHECK(Read(R"(青石县两会报告速览
——2023年1月13日在青石县第十四届人民代表大会第一次会议上
建议全年经济社会发展预期目标
●地区生产总值增长5%以上
●一般公共预算收入增长5%以上
)") == std::vector<std::string>{"gdp growth 2023 target 5", "budget_revenue growth 2023 target 5"});
}

TEST_CASE("a bulletin's undated sentence states the year's actual") {
  CHECK(Read(R"(青石县2019年国民经济和社会发展统计公报
一、综合
全年规模以上工业增加值比上年增长6.3%。
)") == std::vector<std::string>{"industry_value_added growth 2019 actual 6.3"});
}

TEST_CASE("a report given in January states the year before as estimates") {
  CHECK(Read(R"(政府工作报告
——2019年1月15日在青石县第十六届人民代表大会第四次会议上
各位代表：
预计地区生产总值超过850亿元，增长6.2%左右。
)") == std::vector<std::string>{"gdp level 2018 actual 85000000000 prelim",
                                "gdp growth 2018 actual 6.2 prelim"});
}

TEST_CASE("meeting news: last year's results, this year's targets, a target list running on") {
  CHECK(Read(R"(青石县召开2024年经济工作会议
本报讯 2月18日，青石县召开经济工作会议。
去年，全县地区生产总值增长5.1%。
今年的主要预期目标是：地区生产总值增长6%左右；
固定资产投资增长8%。
社会消费品零售总额增长7%。
)") == std::vector<std::string>{
           "gdp growth 2023 actual 5.1",
           "gdp growth 2024 target 6",
           "fixed_asset_investment growth 2024 target 8",
           "retail_sales growth 2024 target 7",
       });
}

TEST_CASE("达到 states an outcome in a review; spans give no one-year fact") {
  CHECK(Read(R"(政府工作报告
——2025年1月10日在青石县第十届人民代表大会第五次会议上
2024年全县地区生产总值达到300亿元。
过去五年，全县地区生产总值增长40%。
五年来，全县地区生产总值年均增长8.6%，2021年达到268亿元。
)") == std::vector<std::string>{"gdp level 2024 actual 30000000000",
                                "gdp level 2021 actual 26800000000"});
}

TEST_CASE("headings without numbers, and second-level headings with a year, set the section") {
  CHECK(Read(R"(青石县政府工作报告解读
■2024年成绩单
●地区生产总值增长5%
■2025年主要预期目标
●地区生产总值增长6%左右
（二）2026年主要预期目标。地区生产总值增长7%。
)") == std::vector<std::string>{"gdp growth 2024 actual 5", "gdp growth 2025 target 6",
                                "gdp growth 2026 target 7"});
}

TEST_CASE("an outcome measured against its plan (完成年计划…的, 未达预期) stays an outcome") {
  // The plan it is measured against is that year's target.
  CHECK(Read(R"(关于青石县2022年国民经济和社会发展计划执行情况与2023年计划草案的报告
初步预计，全县地区生产总值635亿元，完成年计划710亿元的89.4%（主要是二产未达预期），增长2.0%。
)") == std::vector<std::string>{"gdp level 2022 actual 63500000000 prelim",
                                "gdp level 2022 target 71000000000",
                                "gdp growth 2022 actual 2 prelim"});
}

TEST_CASE("sections named by relative years: 过去一年 is the outcome year, 今年 the plan year") {
  CHECK(Read(R"(政府工作报告
——2024年1月10日在青石县第十届人民代表大会第三次会议上
一、过去一年工作回顾
全县地区生产总值增长5.2%。
二、今年工作安排
全县地区生产总值增长6%左右。
)") == std::vector<std::string>{"gdp growth 2023 actual 5.2", "gdp growth 2024 target 6"});
}

}  // namespace kaohe
