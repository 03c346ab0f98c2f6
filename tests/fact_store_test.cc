#include "engine/fact_store.h"

#include <doctest/doctest.h>

#include <map>
#include <new>
#include <random>
#include <tuple>

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

TEST_CASE("a fact's qualifier and flags survive assigning its source, and the source them") {
  // Fact is laid out for size: whatever shares a word with the source, assigning or copying a
  // source must not write over it, nor it over the source.
  Fact f = MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%",
                    Qualifier::kMoreThan, true);
  f.preliminary = true;
  FactSource other("其他.txt", 42, "另一句。");
  f.source = other;
  CHECK(f.qualifier == Qualifier::kMoreThan);
  CHECK(bool(f.strive));
  CHECK(bool(f.preliminary));
  CHECK(f.source == other);
  f.source = FactSource();
  f.qualifier = Qualifier::kAtMost;
  f.strive = false;
  CHECK(f.source == FactSource());
  CHECK(f.source.line == 0);
  Fact copy = f;
  CHECK(copy.qualifier == Qualifier::kAtMost);
  CHECK_FALSE(bool(copy.strive));
  CHECK(bool(copy.preliminary));
  // Keys and sources order as people read them, whatever their layout.
  CHECK(FactKey("甲", "gdp", Measure::kGrowth, 2020, FactKind::kTarget) <
        FactKey("甲", "gdp", Measure::kGrowth, 2021, FactKind::kActual));
  CHECK(FactKey("甲", "gdp", Measure::kLevel, 2025, FactKind::kTarget) <
        FactKey("甲", "gdp", Measure::kGrowth, 2020, FactKind::kActual));
  CHECK(FactSource("a.txt", 9, "乙") < FactSource("a.txt", 10, "甲"));
}

TEST_CASE("the hashed store agrees with an ordered map over many keys, repeats and moves") {
  // Keys repeat out of order, so groups move to stay contiguous, and the tables rehash.
  std::mt19937 random(20261122);
  FactStore store;
  SUBCASE("growing as the facts come") {}
  // Room reserved for part of what comes changes nothing but the room (the rest grows).
  SUBCASE("with room reserved for part of them") { store.Reserve(5000); }
  std::map<FactKey, std::vector<double>> expected;
  const char* entities[] = {"甲区", "乙区", "丙县", "丁市", "戊开发区"};
  const char* indicators[] = {"gdp", "industrial_output", "fixed_asset_investment"};
  for (int i = 0; i < 20000; ++i) {
    Measure measure = random() % 2 ? Measure::kGrowth : Measure::kLevel;
    FactKind kind = random() % 2 ? FactKind::kTarget : FactKind::kActual;
    int period = 2000 + static_cast<int>(random() % 30);
    Fact f = MakeFact(entities[random() % 5], indicators[random() % 3], measure, period, kind, i,
                      measure == Measure::kGrowth ? "%" : "元");
    expected[f.key].push_back(i);
    store.Add(f);
  }
  CHECK(store.size() == 20000);
  std::size_t keys = 0;
  FactKey previous;
  store.ForEach([&](const FactKey& key, std::span<const Fact> facts) {
    if (keys++) CHECK(previous < key);  // key order
    previous = key;
    std::vector<double> values;
    for (const Fact& f : facts) values.push_back(f.value);
    CHECK(values == expected.at(key));  // every fact, in the order added
  });
  CHECK(keys == expected.size());
  for (const auto& [key, values] : expected) {
    CHECK(store.Find(key).size() == values.size());
    std::set<int> periods;
    for (const auto& [k, v] : expected) {
      if (k.entity == key.entity && k.indicator == key.indicator && k.measure == key.measure &&
          k.kind == key.kind) {
        periods.insert(k.period);
      }
    }
    CHECK(store.Periods(key.entity, key.indicator, key.measure, key.kind) == periods);
  }
  CHECK(store.Find({"己区", "gdp", Measure::kLevel, 2001, FactKind::kActual}).empty());
}

TEST_CASE("facts in runs of one entity, over more series than a reader remembers, all found") {
  // A file lists an entity's facts together, each entity coming back once, over 120 indicators
  // × 2 × 2 series: more than a reader's remembered slots.
  std::mt19937 random(20261202);
  FactStore store;
  std::map<FactKey, std::vector<double>> expected;
  int value = 0;
  for (int e = 0; e < 6; ++e) {
    const std::string entity = "区" + std::to_string(e % 3);  // each entity comes back once
    for (int i = 0; i < 3000; ++i) {
      const std::string indicator = "i" + std::to_string(random() % 120);
      Measure measure = random() % 2 ? Measure::kGrowth : Measure::kLevel;
      FactKind kind = random() % 2 ? FactKind::kTarget : FactKind::kActual;
      Fact f = MakeFact(entity, indicator, measure, 2020 + static_cast<int>(random() % 6), kind,
                        ++value, measure == Measure::kGrowth ? "%" : "元");
      expected[f.key].push_back(value);
      store.Add(f);
    }
  }
  for (const auto& [key, values] : expected) {
    std::vector<double> found;
    for (const Fact& f : store.Find(key)) found.push_back(f.value);
    REQUIRE(found == values);
  }
  std::size_t keys = 0;
  store.ForEach([&](const FactKey&, std::span<const Fact>) { ++keys; });
  CHECK(keys == expected.size());
}

TEST_CASE("a reader that remembers series finds what the store finds") {
  // 200 indicators, so that many share a remembered slot; entities visited in runs and
  // interleaved; keys present and absent.
  std::mt19937 random(7);
  FactStore store;
  const char* entities[] = {"甲区", "乙区", "丙县"};
  std::vector<std::string> indicators;
  for (int i = 0; i < 200; ++i) indicators.push_back("i" + std::to_string(i));
  for (int i = 0; i < 5000; ++i) {
    Measure measure = random() % 2 ? Measure::kGrowth : Measure::kLevel;
    FactKind kind = random() % 2 ? FactKind::kTarget : FactKind::kActual;
    store.Add(MakeFact(entities[random() % 3], indicators[random() % 200], measure,
                       2020 + static_cast<int>(random() % 4), kind, i, "%"));
  }
  FactStore::Reader reader(store);
  int found = 0;
  for (int i = 0; i < 50000; ++i) {
    // Mostly one entity at a time, as judging reads them; sometimes another in between.
    const char* entity = entities[(i / 5000 + (random() % 10 == 0 ? 1 : 0)) % 3];
    FactKey key{entity, indicators[random() % 200],
                random() % 2 ? Measure::kGrowth : Measure::kLevel,
                2019 + static_cast<int>(random() % 6),
                random() % 2 ? FactKind::kTarget : FactKind::kActual};
    std::span<const Fact> expected = store.Find(key);
    std::span<const Fact> got = reader.Find(key);
    REQUIRE(got.size() == expected.size());
    if (!got.empty()) {
      CHECK(got.data() == expected.data());
      ++found;
    }
  }
  CHECK(found > 5000);
  CHECK(found < 45000);
}

TEST_CASE("a reader starting on an entity remembers all its series, added between others") {
  // Few series per entity, so that all are remembered when the reader reaches it; the entities'
  // facts alternate in the store, so each one's series are chained across the others'.
  FactStore store;
  const char* entities[] = {"甲区", "乙区", "丙县", "丁县"};
  for (int i = 0; i < 20; ++i) {
    for (int e = 0; e < 4; ++e) {
      store.Add(MakeFact(entities[e], "i" + std::to_string(i), Measure::kLevel, 2023,
                         FactKind::kActual, e * 100 + i, "元"));
    }
  }
  FactStore::Reader reader(store);
  for (int pass = 0; pass < 2; ++pass) {
    for (int e = 3; e >= 0; --e) {
      for (int i = 19; i >= 0; --i) {
        FactKey key{entities[e], "i" + std::to_string(i), Measure::kLevel, 2023, FactKind::kActual};
        REQUIRE(reader.Find(key).size() == 1);
        CHECK(reader.Find(key)[0].value == e * 100 + i);
        key.kind = FactKind::kTarget;
        CHECK(reader.Find(key).empty());
      }
    }
  }
}

TEST_CASE("a reader kept across stores, and across additions to one, never answers stale") {
  FactKey gdp{"甲区", "gdp", Measure::kLevel, 2023, FactKind::kActual};
  FactStore::Reader reader;
  // Stores made in the same place, so that only their identity tells them apart.
  alignas(FactStore) unsigned char place[sizeof(FactStore)];
  auto* store = new (place) FactStore;
  reader.Use(*store);
  CHECK(reader.Find(gdp).empty());  // remembered: 甲区 has no gdp series
  store->Add(MakeFact("甲区", "gdp", Measure::kLevel, 2023, FactKind::kActual, 1, "元"));
  store->Add(MakeFact("乙区", "gdp", Measure::kLevel, 2023, FactKind::kActual, 8, "元"));
  reader.Use(*store);  // the store has grown
  REQUIRE(reader.Find(gdp).size() == 1);
  CHECK(reader.Find(gdp)[0].value == 1);  // remembered: 甲区's series is the store's first
  // Another store at the same address with as many facts, whose first series is 乙区's: a
  // reader that kept 甲区's series number would answer with 乙区's figure.
  store->~FactStore();
  store = new (place) FactStore;
  store->Add(MakeFact("乙区", "gdp", Measure::kLevel, 2024, FactKind::kActual, 9, "元"));
  store->Add(MakeFact("甲区", "gdp", Measure::kLevel, 2024, FactKind::kActual, 2, "元"));
  reader.Use(*store);
  CHECK(reader.Find(gdp).empty());
  gdp.period = 2024;
  REQUIRE(reader.Find(gdp).size() == 1);
  CHECK(reader.Find(gdp)[0].value == 2);
  store->~FactStore();
}

TEST_CASE("one key repeated beyond a block keeps all its facts, in order, between others") {
  FactStore store;
  const int repeats = 150000;  // more than one block of facts
  for (int i = 0; i < repeats; ++i) {
    store.Add(MakeFact("甲区", "gdp", Measure::kLevel, 2023, FactKind::kActual, i, "元"));
    if (i % 1000 == 0) {
      store.Add(
          MakeFact("乙区", "gdp", Measure::kLevel, 2000 + i / 1000, FactKind::kActual, i, "元"));
    }
  }
  auto facts = store.Find({"甲区", "gdp", Measure::kLevel, 2023, FactKind::kActual});
  REQUIRE(facts.size() == repeats);
  bool in_order = true;
  for (int i = 0; i < repeats; ++i) in_order &= facts[static_cast<std::size_t>(i)].value == i;
  CHECK(in_order);
  CHECK(store.Periods("乙区", "gdp", Measure::kLevel, FactKind::kActual).size() == 150);
  CHECK(store.size() == repeats + 150);
}

TEST_CASE("keys repeated between one another cost room in proportion to their facts") {
  // 36 keys, each repeated 5,000 times, interleaved: every key's group grows between others.
  // Moving a group on every repeat would copy n² facts (gigabytes here).
  FactStore store;
  for (int i = 0; i < 180000; ++i) {
    store.Add(MakeFact("甲区", "gdp", Measure::kLevel, 1990 + i % 36, FactKind::kActual, i, "元"));
  }
  CHECK(store.size() == 180000);
  CHECK(store.slots() <= 4 * store.size() + 65536);
  auto facts = store.Find({"甲区", "gdp", Measure::kLevel, 1995, FactKind::kActual});
  REQUIRE(facts.size() == 5000);
  CHECK(facts.front().value == 5);
  CHECK(facts.back().value == 5 + 36 * 4999);
}

}  // namespace kaohe
