#include "engine/units.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace kaohe {

TEST_CASE("surface units convert to canonical units") {
  struct Case {
    const char* text;
    const char* canonical;
    double scale;
  };
  const Case cases[] = {
      {"亿元", "元", 1e8},    {"万元", "元", 1e4},     {"元", "元", 1},
      {"万亿元", "元", 1e12}, {"亿美元", "美元", 1e8}, {"户", "家", 1},
      {"家", "家", 1},        {"万人", "人", 1e4},     {"万亩", "亩", 1e4},
      {"万吨", "吨", 1e4},    {"万千瓦", "千瓦", 1e4}, {"％", "%", 1},
      {"个百分点", "pp", 1},  {"万人次", "人次", 1e4},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto unit = ParseUnit(c.text);
    REQUIRE(unit);
    CHECK(unit->unit.name == c.canonical);
    CHECK(unit->scale == c.scale);
  }
  CHECK_FALSE(ParseUnit("担"));
  CHECK(ParseUnit("万斤")->scale == 5);  // 1 斤 is half a kilogram
  CHECK(ParseUnit("万斤")->unit.name == "吨");
  CHECK(ParseUnit("户")->unit.dimension == ParseUnit("家")->unit.dimension);
  CHECK(ParseUnit("元")->unit.dimension != ParseUnit("家")->unit.dimension);
  CHECK(ParseUnit("%")->unit.dimension != ParseUnit("pp")->unit.dimension);
}

TEST_CASE("quantities print as reports print them") {
  CHECK(FormatQuantity(16200000000, "元") == "162亿元");
  CHECK(FormatQuantity(675000000, "元") == "6.75亿元");
  CHECK(FormatQuantity(42450, "元") == "42450元");
  CHECK(FormatQuantity(5.5, "%") == "5.5%");
  CHECK(FormatQuantity(-15, "%") == "-15%");
  CHECK(FormatQuantity(18, "家") == "18家");
  CHECK(FormatQuantity(-0.9, "pp") == "-0.9个百分点");
  CHECK(FormatNumber(14.2 - 25) == "-10.8");
  CHECK(FormatNumber(25.0) == "25");
  CHECK(FormatNumber(-0.00001) == "0");
  // Appending keeps what was there; a number off the short path (1e300) still gets its unit.
  std::string text = "实际 ";
  AppendQuantity(text, 16200000000, "元");
  text += "，";
  AppendQuantity(text, 1e300, "元");
  CHECK(text == "实际 162亿元，" + FormatNumber(1e292) + "亿元");
}

TEST_CASE("FormatNumber writes the largest finite doubles as numbers, infinities as ∞") {
  const std::string max = FormatNumber(1.7976931348623157e308);
  CHECK(max.size() == 309);
  CHECK(max.rfind("17976931348623157", 0) == 0);
  CHECK(FormatNumber(-1e305).rfind("-9999999999999999", 0) == 0);
  CHECK(FormatNumber(-1e305).size() == 306);
  CHECK(FormatNumber(4503599627370497.0) == "4503599627370497");  // 2^52 + 1
  CHECK(FormatNumber(std::numeric_limits<double>::infinity()) == "∞");
  CHECK(FormatNumber(-std::numeric_limits<double>::infinity()) == "-∞");
}

// The fast integer path of FormatNumber must print what fixed-point formatting prints.
TEST_CASE("numbers format like fixed-point to four places, trailing zeros dropped") {
  auto reference = [](double v) {
    double rounded = std::round(v * 10000.0) / 10000.0;
    if (rounded == 0) rounded = 0;
    std::string text = fmt::format("{:.4f}", rounded);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
  };
  std::mt19937_64 random(20261122);
  std::vector<double> values = {0.00005,      -0.00005,      0.00004999, 1e-9,
                                0.1,          0.3,           2.675,      1.00005,
                                -1.00005,     99999.99995,   544.825,    54482500000.0,
                                8.9e15 / 1e4, -8.9e15 / 1e4, 1e12 + 0.5, 123456789.0001};
  for (int exponent = -6; exponent <= 14; ++exponent) {
    std::uniform_real_distribution<double> digits(-1.0, 1.0);
    for (int i = 0; i < 2000; ++i) values.push_back(digits(random) * std::pow(10.0, exponent));
  }
  for (double v : values) {
    CAPTURE(v);
    CHECK(FormatNumber(v) == reference(v));
  }
  CHECK(FormatNumber(1e300) == reference(1e300));  // beyond the integer path
}

TEST_CASE("the longest surface unit is tried first") {
  const auto& names = SurfaceUnitNames();
  auto position = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) - names.begin();
  };
  CHECK(position("亿美元") < position("美元"));
  CHECK(position("万亿元") < position("亿元"));
  CHECK(position("亿元") < position("元"));
}

}  // namespace kaohe
