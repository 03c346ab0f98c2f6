#include "src/extract/quantity.h"

#include <doctest/doctest.h>

#include "src/text/normalize.h"

namespace kaohe {

namespace {
std::vector<Quantity> Find(const char* text) { return FindQuantities(NormalizeLine(text).text); }
}  // namespace

TEST_CASE("numbers in every script") {
  struct Case {
    const char* text;
    double value;
  };
  const Case cases[] = {
      {"1,234.5", 1234.5},
      {"四千零五", 4005},
      {"一百零一万一千", 1011000},
      {"两百五", 250},
      {"九万四", 94000},
      {"壹仟贰佰叁拾肆", 1234},
      {"四亿五千六百四十二万零一十五", 456420015},
      {"五兆六十二亿四万五千二", 5006200045200},
      {"三万亿", 3e12},
      {"四万万", 4e8},
      {"一百二十点五", 120.5},
      {"二分之一", 0.5},
      {"三百五又三分之一", 350 + 1.0 / 3},
      {"负四十五", -45},
      {"-10000", -10000},
      {"5万4千6百", 54600},
      {"1.1万", 11000},
      {"3千万", 3e7},
      {"二〇二三", 2023},
      {"12.32e+14", 1.232e15},
      {"3/5", 0.6},
      {"萬", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto value = ParseNumber(NormalizeLine(c.text).text);
    if (c.value == 0) {
      CHECK_FALSE(value);
      continue;
    }
    REQUIRE(value);
    CHECK(*value == doctest::Approx(c.value));
  }
}

TEST_CASE("amounts, percentages, qualifiers and ranges as reports write them") {
  auto q = Find("地区生产总值达162亿元、增长5.5%");
  REQUIRE(q.size() == 2);
  CHECK(q[0].value == 162e8);
  CHECK(q[0].unit == "元");
  CHECK(q[1].value == 5.5);
  CHECK(q[1].unit == "%");

  auto more = Find("免罚金额610余万元，盘活低效工业土地1430余亩，十余万人");
  REQUIRE(more.size() == 3);
  CHECK(more[0].value == 610e4);
  CHECK(more[0].qualifier == Qualifier::kMoreThan);
  CHECK(more[1].value == 1430);
  CHECK(more[1].unit == "亩");
  CHECK(more[2].value == 1e5);
  CHECK(more[2].unit == "人");
  CHECK(more[2].qualifier == Qualifier::kMoreThan);

  auto mixed = Find("高标准农田建设规模1.1万亩，新增规上工业企业133户，外贸1.2亿美元");
  REQUIRE(mixed.size() == 3);
  CHECK(mixed[0].value == 11000);
  CHECK(mixed[1].unit == "家");  // 户 counts enterprises as 家
  CHECK(mixed[2].value == 1.2e8);
  CHECK(mixed[2].unit == "美元");

  auto qualified = Find("增长7%左右，10%以上，超2000亿元，近3年，不低于8%，3%以内");
  REQUIRE(qualified.size() == 6);
  CHECK(qualified[0].qualifier == Qualifier::kApprox);
  CHECK(qualified[1].qualifier == Qualifier::kAtLeast);
  CHECK(qualified[2].qualifier == Qualifier::kMoreThan);
  CHECK(qualified[2].begin == 13);  // 超 is part of the mention
  CHECK(qualified[3].qualifier == Qualifier::kApprox);
  CHECK(qualified[4].qualifier == Qualifier::kAtLeast);
  CHECK(qualified[5].qualifier == Qualifier::kAtMost);

  auto points = Find("提高2个百分点，百分之五，九成");
  REQUIRE(points.size() == 3);
  CHECK(points[0].unit == "pp");  // a percentage-point change is not a growth rate
  CHECK(points[1].value == 5);
  CHECK(points[2].value == 90);

  auto range = Find("引进2-5个10亿元以上项目");
  REQUIRE(range.size() == 2);
  CHECK(range[0].value == 2);
  CHECK(range[0].high == 5);
  CHECK(range[0].unit == "个");
  CHECK(range[1].value == 10e8);
  CHECK(range[1].qualifier == Qualifier::kAtLeast);
}

TEST_CASE("an amount in 亿 or 万 is the whole number it names, not a hair off it") {
  // 151.80 × 1e8 and 80.6 × 1e8 are not whole in binary floating point.
  CHECK(Find("151.80亿元")[0].value == 15180000000.0);
  CHECK(Find("80.6亿元")[0].value == 8060000000.0);
  CHECK(Find("137.8亿元")[0].value == 13780000000.0);
  CHECK(Find("0.21万吨")[0].value == 2100.0);
  CHECK(Find("3.14元")[0].value == 3.14);
}

TEST_CASE("a number too large to be finite is no quantity, and is reported by position") {
  const std::string huge = "1" + std::string(320, '0');
  std::vector<int> out_of_range;
  auto found = FindQuantities(NormalizeLine("完成" + huge + "亿元，增长5%").text, &out_of_range);
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == 5);
  CHECK(out_of_range == std::vector<int>{2});
  CHECK(Find(("增长" + huge + "%").c_str()).empty());
  CHECK_FALSE(ParseNumber(NormalizeLine(huge).text).has_value());
  // Just below the overflow stays a number.
  CHECK(Find(("完成" + std::string(300, '9') + "元").c_str()).size() == 1);
}

TEST_CASE("numeral characters inside words are not numbers") {
  for (const char* text : {"这是我的队伍", "陆地上有许多动物", "十分重要", "统一部署", "一切准备",
                           "九九", "https://example.com/a?q=30%25"}) {
    CAPTURE(text);
    CHECK(Find(text).empty());
  }
}

}  // namespace kaohe
