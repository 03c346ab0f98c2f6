#include "engine/period.h"

#include <doctest/doctest.h>

namespace kaohe {

TEST_CASE("year ranges expand; plain years and malformed ranges do not") {
  bool malformed = false;
  CHECK(ParseYearRange("2023-2025", malformed) == std::vector<int>{2023, 2024, 2025});
  CHECK_FALSE(malformed);
  CHECK_FALSE(ParseYearRange("2023", malformed));
  CHECK_FALSE(malformed);
  CHECK_FALSE(ParseYearRange("-2023", malformed));
  CHECK_FALSE(malformed);
  for (const char* bad : {"2025-2023", "2023-x", "2023-", "20x3-2024", "1900-2100"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseYearRange(bad, malformed));
    CHECK(malformed);
  }
}

}  // namespace kaohe
