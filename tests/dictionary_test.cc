#include "engine/dictionary.h"

#include <doctest/doctest.h>

#include <map>

#include "tests/test_support.h"

namespace kaohe {

using testing::FindCode;
using testing::MakeWorld;

TEST_CASE("the dictionary resolves ids, names and aliases") {
  auto world = MakeWorld();
  REQUIRE_FALSE(world->diagnostics.has_errors());
  const Dictionary& d = *world->dictionary;
  CHECK(d.FindIndicator("gdp")->name == "地区生产总值");
  CHECK(d.FindIndicator("生产总值")->id == "gdp");
  CHECK(d.FindIndicator("规上工业企业")->id == "industry_enterprises");
  CHECK(d.FindIndicator("人口") == nullptr);
  CHECK(d.FindEntity("甲经开区")->name == "甲经济开发区");
  CHECK(d.FindEntity("甲经开区")->kind == EntityKind::kDevelopmentZone);
  CHECK(d.FindIndicator("unemployment")->direction == Direction::kLowerIsBetter);
  CHECK(d.FindIndicator("foreign_trade")->AcceptsUnit(Measure::kLevel, "美元"));
  CHECK_FALSE(d.FindIndicator("gdp")->AcceptsUnit(Measure::kLevel, "家"));
  CHECK(d.FindIndicator("gdp")->AcceptsUnit(Measure::kGrowth, "%"));
}

TEST_CASE("children are direct children and group members; within follows parents and groups") {
  auto world = MakeWorld();
  const Dictionary& d = *world->dictionary;
  auto children = d.Children("甲市开发区");
  REQUIRE(children.size() == 2);
  CHECK(children[0]->name == "甲经济开发区");
  CHECK(children[1]->name == "乙经济开发区");
  CHECK(d.Children("甲市").size() == 3);  // 甲区, 乙区, 甲市开发区
  const Entity& zone = *d.FindEntity("甲经济开发区");
  CHECK(d.IsWithin(zone, "甲区"));
  CHECK(d.IsWithin(zone, "甲市"));
  CHECK(d.IsWithin(zone, "甲市开发区"));
  CHECK_FALSE(d.IsWithin(zone, "乙区"));
}

TEST_CASE("the children index of a finished dictionary is what scanning every entity gives") {
  Dictionary d;
  Diagnostics diagnostics;
  auto add = [&](const char* name, const char* parent, std::vector<std::string> groups) {
    Entity e;
    e.name = name;
    e.kind = EntityKind::kDistrict;
    e.parent = parent;
    e.groups = std::move(groups);
    d.AddEntity(e, diagnostics);
  };
  add("市", "", {});
  add("组", "市", {});
  add("甲", "市", {"组"});
  add("乙", "组", {"组", "组"});  // its parent is also its group, twice: listed once
  add("丙", "市", {"组"});
  std::map<std::string, std::vector<const Entity*>> scanned;
  for (const Entity& e : d.entities()) scanned[e.name] = d.Children(e.name.view());
  d.Finish(diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  for (const Entity& e : d.entities()) CHECK(d.Children(e.name.view()) == scanned[e.name]);
  REQUIRE(d.Children("组").size() == 3);
  CHECK(d.Children("组")[1]->name == "乙");
  CHECK(d.Children("无").empty());
}

TEST_CASE("dictionary mistakes are reported with positions") {
  auto world = MakeWorld(R"(indicators:
  - {id: gdp, name: 地区生产总值, unit: 元}
  - {id: gdp2, name: 生产总值, aliases: [地区生产总值], unit: 元}
  - {id: jobs, name: 就业, unit: 人口}
  - {id: x, name: 某, unit: 元, direction: up}
entities:
  - {name: 甲市, kind: cty}
  - {name: 乙区, kind: district, parent: 丙市}
  - {name: 丁区, kind: district, nmae: x}
)");
  const Diagnostics& diags = world->diagnostics;
  const Diagnostic* clash = FindCode(diags, "D001");
  REQUIRE(clash);
  CHECK(clash->location.line == 3);
  CHECK(clash->message.find("地区生产总值") != std::string::npos);
  const Diagnostic* unit = FindCode(diags, "D005");
  REQUIRE(unit);
  CHECK(unit->location.line == 4);
  CHECK(FindCode(diags, "D006"));
  const Diagnostic* kind = FindCode(diags, "D007");
  REQUIRE(kind);
  CHECK(kind->message.find("did you mean city?") != std::string::npos);
  CHECK(kind->location.line == 7);
  const Diagnostic* parent = FindCode(diags, "D002");
  REQUIRE(parent);
  CHECK(parent->message.find("丙市") != std::string::npos);
  const Diagnostic* key = FindCode(diags, "Y003");
  REQUIRE(key);
  CHECK(key->message.find("did you mean name?") != std::string::npos);
  CHECK(key->location.line == 9);
  CHECK(key->location.column == 32);  // code points, not bytes
}

TEST_CASE("names every finding repeats are at most 200 characters") {
  auto world = MakeWorld(
      "indicators:\n  - {id: gdp, name: 地区生产总值, unit: 元}\nentities:\n"
      "  - {name: " +
      std::string(200, 'x') + ", kind: city}\n  - {name: " + std::string(201, 'y') +
      ", kind: city}\n");
  const Diagnostic* name = FindCode(world->diagnostics, "Y010");
  REQUIRE(name);
  CHECK(name->location.line == 5);
  CHECK(name->message == "name is longer than 200 characters");
}

TEST_CASE("a parent cycle is reported") {
  auto world = MakeWorld(R"(entities:
  - {name: 甲, kind: city, parent: 乙}
  - {name: 乙, kind: city, parent: 甲}
)");
  CHECK(FindCode(world->diagnostics, "D003"));
}

}  // namespace kaohe
