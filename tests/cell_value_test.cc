#include "src/text/cell_value.h"

#include <doctest/doctest.h>

namespace kaohe {

TEST_CASE("table cells as reports print them") {
  struct Case {
    const char* cell;
    double value;
    Qualifier qualifier;
    const char* unit;
  };
  const Case cases[] = {
      {"7 以上", 7, Qualifier::kAtLeast, ""},
      {"7 左右", 7, Qualifier::kApprox, ""},
      {"持平", 0, Qualifier::kNone, "%"},
      {"基本持平", 0, Qualifier::kNone, "%"},
      {"- 15", -15, Qualifier::kNone, ""},
      {"下降15%", -15, Qualifier::kNone, "%"},
      {"10 以上", 10, Qualifier::kAtLeast, ""},
      {"7.1", 7.1, Qualifier::kNone, ""},
      {"超2000亿元", 2000, Qualifier::kMoreThan, "亿元"},
      {"突破 2000 亿元", 2000, Qualifier::kMoreThan, "亿元"},
      {"不低于8%", 8, Qualifier::kAtLeast, "%"},
      {"3%以内", 3, Qualifier::kAtMost, "%"},
      {"1,234.5", 1234.5, Qualifier::kNone, ""},
      {"900余万元", 0, Qualifier::kNone, ""},
      {"１２", 0, Qualifier::kNone, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.cell);
    std::string error;
    auto v = ParseCellValue(c.cell, error);
    if (std::string(c.cell) == "900余万元" || std::string(c.cell) == "１２") {
      // 余 inside a number and full-width digits are the extractor's business, not a cell's.
      CHECK_FALSE(v);
      CHECK_FALSE(error.empty());
      continue;
    }
    REQUIRE(v);
    CHECK(v->value == doctest::Approx(c.value));
    CHECK(v->qualifier == c.qualifier);
    CHECK(v->unit == c.unit);
  }
}

TEST_CASE("cells that are not a number are refused with a reason") {
  for (const char* cell : {"", "—x", "七", "1e5", "abc", "7 以上 8"}) {
    CAPTURE(cell);
    std::string error;
    CHECK_FALSE(ParseCellValue(cell, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("a number too large for a double is refused, not read as infinity") {
  std::string error;
  CHECK_FALSE(ParseCellValue("1" + std::string(320, '0'), error));
  CHECK(error == "the number in the cell is too large (321 digits)");
  CHECK_FALSE(ParseCellValue("-" + std::string(309, '9') + "%", error));
  auto largest = ParseCellValue(std::string(308, '9'), error);  // 1e308: still a double
  REQUIRE(largest);
  CHECK(largest->value > 9e307);
}

}  // namespace kaohe
