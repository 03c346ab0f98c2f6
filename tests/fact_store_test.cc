#include "engine/fact_store.h"

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace kaohe {

using testing::MakeFact;

TEST_CASE("the store finds facts by key and keeps every source of one key") {
  FactStore store;
  store.Add(MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual, 5, "%"));
  Fact again = MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual, 5.5, "%");
  again.source.line = 9;
  store.Add(again);
  store.Add(MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%"));
  store.Add(MakeFact("甲区", "gdp", Measure::kLevel, 2024, FactKind::kActual, 1e10, "元"));
  store.Add(MakeFact("乙区", "gdp", Measure::kGrowth, 2022, FactKind::kActual, 3, "%"));
  CHECK(store.size() == 5);
  auto both = store.Find({"甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual});
  REQUIRE(both.size() == 2);
  CHECK(both[0].value == 5);  // in the order added
  CHECK(both[1].source.line == 9);
  CHECK(store.Find({"甲区", "gdp", Measure::kGrowth, 2024, FactKind::kActual}).empty());
  CHECK(store.Periods("甲区", "gdp", Measure::kGrowth, FactKind::kActual) == std::set<int>{2023});
  CHECK(store.Periods("甲区", "gdp", Measure::kLevel, FactKind::kActual) == std::set<int>{2024});
  CHECK(store.Periods("丙区", "gdp", Measure::kLevel, FactKind::kActual).empty());
  CHECK(store.Entities() == std::set<std::string>{"乙区", "甲区"});
}

TEST_CASE("a fact's debug string names every field") {
  Fact f = MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%",
                    Qualifier::kAtLeast, true);
  CHECK(DebugString(f) == "甲区 gdp growth 2023 target = 7 % (at_least, strive) @ doc.txt:1");
}

}  // namespace kaohe
