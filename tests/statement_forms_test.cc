// How a figure is stated: 分别 and 均 lists, firm and strive targets, ranges, the statement
// forms of the genre, traditional script, and the figures that are not a year's value of a
// canonical indicator. Every report here is written for the test.
#include <doctest/doctest.h>

#include <sstream>

#include "engine/units.h"
#include "src/extract/extractor.h"
#include "src/load/inputs.h"
#include "tests/bundled_inputs.h"

// Facts print one a line when a check fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& facts) {
    std::string out = "\n";
    for (const std::string& f : facts) out += "  " + f + "\n";
    return out.c_str();
  }
};

namespace kaohe {

namespace {

// The facts of `body` under a 2025 review heading (outcomes) of a county report, as
// "indicator measure kind value qualifier[ strive]".
std::vector<std::string> Read(const std::string& body,
                              const std::string& heading = "一、2025年工作回顾") {
  Extractor extractor(*testing::Bundled().dictionary, *testing::Bundled().cues);
  std::vector<std::string> lines = {"关于青石县2025年国民经济和社会发展计划执行情况的报告",
                                    heading};
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  Extraction e = extractor.ExtractLines("forms.txt", lines);
  std::vector<std::string> out;
  for (const Fact& f : e.facts) {
    std::ostringstream s;
    s << f.key.indicator << " " << MeasureId(f.key.measure) << " " << FactKindId(f.key.kind) << " "
      << FormatNumber(f.value) << " " << QualifierId(f.qualifier) << (f.strive ? " strive" : "");
    out.push_back(s.str());
  }
  return out;
}

using Facts = std::vector<std::string>;

constexpr const char* kTargets = "二、2026年主要预期目标";

}  // namespace

TEST_CASE("分别 pairs a list's indicators with its figures in order") {
  CHECK(Read("城乡居民人均可支配收入分别增长5.5%和6.5%。") ==
        Facts{"urban_income growth actual 5.5 none", "rural_income growth actual 6.5 none"});
  CHECK(Read("城镇、农村常住居民人均可支配收入分别为78000元和52000元，分别增长5.5%和6.5%。") ==
        Facts{"urban_income level actual 78000 none", "rural_income level actual 52000 none",
              "urban_income growth actual 5.5 none", "rural_income growth actual 6.5 none"});
  CHECK(Read("城镇居民、农村居民人均可支配收入分别为4.1万元、2.2万元，增长4%、6%。") ==
        Facts{"urban_income level actual 41000 none", "rural_income level actual 22000 none",
              "urban_income growth actual 4 none", "rural_income growth actual 6 none"});
  // A trailing 以上 qualifies the last figure only (the corpus's annotation rule).
  CHECK(Read("固定资产投资、社会消费品零售总额和进出口总额分别增长7%、9%和3%以上。") ==
        Facts{"fixed_asset_investment growth actual 7 none", "retail_sales growth actual 9 none",
              "foreign_trade growth actual 3 at_least"});
  CHECK(
      Read(
          "第一、二、三产业增加值分别为41亿元、38.6亿元和170.4亿元，同比分别增长3%、-1.5%和6%。") ==
      Facts{"primary_value_added level actual 4100000000 none",
            "secondary_value_added level actual 3860000000 none",
            "tertiary_value_added level actual 17040000000 none",
            "primary_value_added growth actual 3 none",
            "secondary_value_added growth actual -1.5 none",
            "tertiary_value_added growth actual 6 none"});
  CHECK(Read("一产、二产、三产增加值分别下降1%、增长4%、增长5%。") ==
        Facts{"primary_value_added growth actual -1 none",
              "secondary_value_added growth actual 4 none",
              "tertiary_value_added growth actual 5 none"});
}

TEST_CASE("分别 after separate clauses goes back to the indicators named before it") {
  CHECK(Read("规上工业总产值预计1060亿元，规上工业增加值315亿元，分别同比增长23.2%和16.8%。") ==
        Facts{"industry_output level actual 106000000000 none",
              "industry_value_added level actual 31500000000 none",
              "industry_output growth actual 23.2 none",
              "industry_value_added growth actual 16.8 none"});
}

TEST_CASE(
    "an item outside the dictionary takes its figure; a count that does not match gives none") {
  CHECK(Read("城市居民人均可支配收入、农民人均纯收入分别增长9%、11%。") ==
        Facts{"urban_income growth actual 9 none"});
  CHECK(Read("城乡居民人均可支配收入分别增长5%、6%和7%。").empty());
  // The list may end a clause before 分别 (…，预计分别增长).
  CHECK(Read("地区生产总值、地方税收收入和一般公共预算收入，预计分别增长5%、6%和7%。") ==
        Facts{"gdp growth actual 5 none", "budget_revenue growth actual 7 none"});
  // Shares and contributions listed with 分别 are no one's growth.
  CHECK(Read("三次产业对经济增长的贡献率分别为25%、35%和40%。").empty());
}

TEST_CASE("均 gives each item of a list the one figure") {
  CHECK(Read("固定资产投资、规上工业增加值均增长12%左右。") ==
        Facts{"fixed_asset_investment growth actual 12 approx",
              "industry_value_added growth actual 12 approx"});
  CHECK(Read("城镇居民人均可支配收入年均增长6%。").empty());  // 年均 is not 均
}

TEST_CASE("a firm and a strive figure for one indicator are two targets") {
  CHECK(Read("地区生产总值增长6%左右、力争7%。", kTargets) ==
        Facts{"gdp growth target 6 approx", "gdp growth target 7 none strive"});
  CHECK(Read("规上工业增加值增长不低于5%、力争6%。", kTargets) ==
        Facts{"industry_value_added growth target 5 at_least",
              "industry_value_added growth target 6 none strive"});
  // Without a strive or plan word a second growth is not the indicator's.
  CHECK(Read("地区生产总值增长5.2%，高于全省0.3个百分点，拉动增长2%。") ==
        Facts{"gdp growth actual 5.2 none"});
}

TEST_CASE("a range target is at least its low end and at most its high end") {
  CHECK(Read("地区生产总值增长4.5%—5%。", kTargets) ==
        Facts{"gdp growth target 4.5 at_least", "gdp growth target 5 at_most"});
  CHECK(Read("固定资产投资增长6-8%。", kTargets) ==
        Facts{"fixed_asset_investment growth target 6 at_least",
              "fixed_asset_investment growth target 8 at_most"});
}

TEST_CASE("a plan figure stated with its outcome is a target") {
  CHECK(Read("地区生产总值增长4.2%，比年初目标（6.5%）低2.3个百分点。") ==
        Facts{"gdp growth actual 4.2 none", "gdp growth target 6.5 none"});
  CHECK(Read("地区生产总值完成635亿元，完成年计划710亿元的89.4%。") ==
        Facts{"gdp level actual 63500000000 none", "gdp level target 71000000000 none"});
}

TEST_CASE("the statement forms of the genre") {
  CHECK(Read("地区生产总值增长目标：6.5%。", kTargets) == Facts{"gdp growth target 6.5 none"});
  CHECK(Read("全年地区生产总值512亿元，按可比价格计算，比上年增长5.1%。") ==
        Facts{"gdp level actual 51200000000 none", "gdp growth actual 5.1 none"});
  CHECK(Read("规上工业增加值比上年上升3.3%，社会消费品零售总额同比增长7%，进出口总额增幅15.8%。") ==
        Facts{"industry_value_added growth actual 3.3 none", "retail_sales growth actual 7 none",
              "foreign_trade growth actual 15.8 none"});
  CHECK(Read("固定资产投资降幅收窄至3.2%。") ==
        Facts{"fixed_asset_investment growth actual -3.2 none"});
  CHECK(Read("其中，规模以上工业增加值（以下口径相同）增长8%[3]。") ==
        Facts{"industry_value_added growth actual 8 none"});
  CHECK(Read("全年实现一般公共预算收入20.5亿元，完成固定资产投资88亿元，高新技术企业总数120家，"
             "规上工业总产值突破300亿元。") ==
        Facts{"budget_revenue level actual 2050000000 none",
              "fixed_asset_investment level actual 8800000000 none",
              "high_tech_enterprises level actual 120 none",
              "industry_output level actual 30000000000 more_than"});
  CHECK(Read("主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%"
             "；城乡居民人均可支配收入分别增"
             "长6%和7%。",
             kTargets) == Facts{"gdp growth target 6 approx", "budget_revenue growth target 5 none",
                                "urban_income growth target 6 none",
                                "rural_income growth target 7 none"});
}

TEST_CASE("old and local names count as the canonical indicator") {
  CHECK(Read("公共财政预算收入增长12%，地方级收入26.5亿元，城市居民人均可支配收入增长9%。") ==
        Facts{"budget_revenue growth actual 12 none", "budget_revenue level actual 2650000000 none",
              "urban_income growth actual 9 none"});
  CHECK(Read("城镇、农村牧区常住居民人均可支配收入分别为43120元和23650元。") ==
        Facts{"urban_income level actual 43120 none", "rural_income level actual 23650 none"});
}

TEST_CASE("traditional script reads as simplified") {
  CHECK(Read("地區生產總值146.82億元，增長3.5%。") ==
        Facts{"gdp level actual 14682000000 none", "gdp growth actual 3.5 none"});
}

TEST_CASE("figures of part of a year are not the year's") {
  CHECK(Read("1—9月，地区生产总值增长5.2%。同期，固定资产投资增长3%。全年地区生产总值增长5%。") ==
        Facts{"gdp growth actual 5 none"});
  CHECK(Read("前三季度，规上工业增加值增长6%，全年规上工业增加值增长7%。") ==
        Facts{"industry_value_added growth actual 7 none"});
  CHECK(Read("上半年社会消费品零售总额增长4%。").empty());
  // 同期 after a whole-year sentence is the whole year; 1—12月 is the whole year.
  CHECK(Read("地区生产总值增长5%。同期，固定资产投资增长3%。1—12月，进出口总额增长2%。") ==
        Facts{"gdp growth actual 5 none", "fixed_asset_investment growth actual 3 none",
              "foreign_trade growth actual 2 none"});
  // A comparison with part of the year leaves the figure the year's.
  CHECK(Read("地区生产总值增长5%，比上半年提高0.5个百分点。") == Facts{"gdp growth actual 5 none"});
}

TEST_CASE("totals and means over years, derived measures and changes are not facts") {
  CHECK(Read("五年累计完成固定资产投资2400亿元。").empty());
  CHECK(Read("地区生产总值288.7亿元，五年年均增长5.1%。") ==
        Facts{"gdp level actual 28870000000 none"});
  CHECK(Read("人均地区生产总值9.1万元，单位地区生产总值能耗下降3%，海洋生产总值突破2万亿元。")
            .empty());
  CHECK(Read("社会消费品零售总额比上年增加12亿元。").empty());
  CHECK(Read("规上工业企业实现利润总额增长8.3%。").empty());
  CHECK(Read("规上工业企业实现入库税收1.11亿元，同比增长38.5%。").empty());
}

TEST_CASE("规上工业企业 followed by their output or value added names that indicator") {
  CHECK(Read("全县规模以上工业企业实现总产值434013万元，比上年增长12.5%。") ==
        Facts{"industry_output level actual 4340130000 none",
              "industry_output growth actual 12.5 none"});
  CHECK(Read("规上工业企业760家、增加值增长3%。") ==
        Facts{"industry_enterprises level actual 760 none",
              "industry_value_added growth actual 3 none"});
}

TEST_CASE("more statement forms: 总数 after 新增, 经济增长, thresholds, bullets, remarks") {
  CHECK(Read("全年新增规上工业企业36家，总数为512家；净增高新技术企业20家，总数突破300家。") ==
        Facts{"new_industry_enterprises level actual 36 none",
              "industry_enterprises level actual 512 none",
              "high_tech_enterprises level actual 300 more_than"});
  CHECK(Read("今年经济增长预期目标为6.5%以上。", kTargets) ==
        Facts{"gdp growth target 6.5 at_least"});
  CHECK(Read("社会消费品零售总额实现405.3亿元，首次突破400亿元，同比增长15.2%。") ==
        Facts{"retail_sales level actual 40530000000 none",
              "retail_sales level actual 40000000000 more_than",
              "retail_sales growth actual 15.2 none"});
  CHECK(Read("●地区生产总值增长6%左右●粮食产量稳定在50万吨") ==
        Facts{"gdp growth actual 6 approx", "grain_output level actual 500000 none"});
  CHECK(Read("第二产业增加值323亿元（规模以上工业产值减少所致），下降2.0%。") ==
        Facts{"secondary_value_added level actual 32300000000 none",
              "secondary_value_added growth actual -2 none"});
  CHECK(Read("第三产业中，批发和零售业增加值增长9.6%。").empty());
  CHECK(Read("地区生产总值增长5%；民营经济增加值345亿元。") == Facts{"gdp growth actual 5 none"});
  CHECK(Read("粮食总产量同比增加5亿斤，超过国家下达任务19亿斤。").empty());
  CHECK(Read("上述三地经济总量合计不足800亿元。").empty());
  CHECK(Read("全市工业经济总量突破2000亿元，地区生产总值增速与全国持平。").empty());
  CHECK(Read("服务业增加值与上年基本持平。") == Facts{"services_value_added growth actual 0 none"});
  CHECK(Read("七台河市第一、二、三产业分别实现增加值43.4亿元、109.9亿元、109.6亿元。") ==
        Facts{"primary_value_added level actual 4340000000 none",
              "secondary_value_added level actual 10990000000 none",
              "tertiary_value_added level actual 10960000000 none"});
  CHECK(Read("前三季度，地区生产总值增长3.6%。其中，第一产业增加值增长2.2%。").empty());
}

TEST_CASE("a clause naming another subject keeps its figures from the indicator before it") {
  CHECK(Read("规模以上工业企业总数突破2万家，规模工业增长7.2%。") ==
        Facts{"industry_enterprises level actual 20000 more_than"});
  CHECK(Read("规上工业总产值迈过4000亿元大关，工业开票销售突破5500亿元。") ==
        Facts{"industry_output level actual 400000000000 more_than"});
  CHECK(Read("居民收入增长与经济增长同步，居民消费价格上涨3%。").empty());
  CHECK(Read("城镇居民人均可支配收入45000元，扣除价格因素实际增长4.5%。") ==
        Facts{"urban_income level actual 45000 none", "urban_income growth actual 4.5 none"});
  CHECK(Read("地区生产总值1000亿元，按现价计算比2024年增长速度为6%。") ==
        Facts{"gdp level actual 100000000000 none", "gdp growth actual 6 none"});
  CHECK(Read("一般公共预算收入15.8亿元，同口径增长1.2%；按自然口径计算下降6.3%。") ==
        Facts{"budget_revenue level actual 1580000000 none",
              "budget_revenue growth actual 1.2 none"});
}

TEST_CASE("分别 across places gives each place its figure") {
  Extractor extractor(*testing::Bundled().dictionary, *testing::Bundled().cues);
  Extraction e = extractor.ExtractLines(
      "places.txt", {"关于淮北市2025年国民经济和社会发展计划执行情况的报告", "一、2025年工作回顾",
                     "杜集区、相山区和烈山区分别实现地区生产总值100亿元、200亿元和300亿元，分别增长"
                     "5%、6%和7%。"});
  std::vector<std::string> facts;
  for (const Fact& f : e.facts) {
    facts.push_back(f.key.entity + " " + f.key.indicator.str() + " " +
                    std::string(MeasureId(f.key.measure)) + " " + FormatNumber(f.value));
  }
  CHECK(facts == std::vector<std::string>{"杜集区 gdp level 10000000000",
                                          "相山区 gdp level 20000000000",
                                          "烈山区 gdp level 30000000000", "杜集区 gdp growth 5",
                                          "相山区 gdp growth 6", "烈山区 gdp growth 7"});
}

TEST_CASE("a threshold then the figure, another basis, and 万亿 alone") {
  CHECK(Read("地区生产总值总量跨过2万亿元大关，为2.259万亿元。") ==
        Facts{"gdp level actual 2000000000000 more_than", "gdp level actual 2259000000000 none"});
  CHECK(Read("一般公共预算收入按自然口径下降6.3%，扣除留抵退税因素后增长5.5%。") ==
        Facts{"budget_revenue growth actual -6.3 none", "budget_revenue growth actual 5.5 none"});
  CHECK(Read("规模以上工业总产值突破万亿元。") ==
        Facts{"industry_output level actual 1000000000000 more_than"});
}

TEST_CASE("达到 introduces a level: its kind is the sentence's or the section's") {
  CHECK(Read("全区地区生产总值达到468亿元，比上年增长4.1%。") ==
        Facts{"gdp level actual 46800000000 none", "gdp growth actual 4.1 none"});
  CHECK(Read("地区生产总值达到500亿元。", kTargets) == Facts{"gdp level target 50000000000 none"});
  CHECK(Read("力争地区生产总值达到500亿元。") == Facts{"gdp level target 50000000000 none strive"});
}

}  // namespace kaohe
