#include "engine/rule_compiler.h"

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace kaohe {

using testing::AllMessages;
using testing::CompilePack;
using testing::FindCode;
using testing::MakeWorld;

namespace {
std::string Pack(const std::string& rule_body) {
  return "pack: p\nrules:\n  - id: r\n" + rule_body;
}
}  // namespace

TEST_CASE("a well-formed pack compiles with scope, indicators and periods resolved") {
  auto world = MakeWorld();
  REQUIRE(CompilePack(*world, R"(pack: zones
title: 开发区
tolerance: {growth: 0.3pp, level: 2%}
rules:
  - id: zones-meet
    scope: {kind: development_zone, parent: 甲市}
    indicator: [规上工业企业, gdp]
    measure: level
    period: 2023-2025
    check: meets_target
    severity: warning
)"));
  const CompiledRule& rule = world->rules->packs.at(0).rules.at(0);
  REQUIRE(rule.entities.size() == 2);
  CHECK(rule.entities[0]->name == "甲经济开发区");
  CHECK(rule.indicators.at(0)->id == "industry_enterprises");
  CHECK(rule.periods == std::vector<int>{2023, 2024, 2025});
  CHECK(rule.severity == Severity::kWarning);
  CHECK(rule.tolerance.growth_pp == 0.3);
  CHECK(rule.tolerance.level_percent == 2);
}

TEST_CASE("comparing a level with a growth is refused at load, at the operator's column") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, Pack(R"(    scope: 甲区
    indicator: gdp
    measure: level
    check: actual >= target(measure=growth)
)")));
  const Diagnostic* d = FindCode(world->diagnostics, "E007");
  REQUIRE(d);
  CHECK(d->message.find("元 (an amount)") != std::string::npos);
  CHECK(d->message.find("% (a growth rate or share)") != std::string::npos);
  CHECK(d->location.line == 7);
  CHECK(d->location.column == 12);  // where "actual" starts
}

TEST_CASE("comparing 元 with 家 is refused") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, Pack(R"(    scope: 甲区
    indicator: gdp
    measure: level
    check: actual >= target(indicator=industry_enterprises)
)")));
  const Diagnostic* d = FindCode(world->diagnostics, "E007");
  REQUIRE(d);
  CHECK(d->message.find("家") != std::string::npos);
}

TEST_CASE("a growth compared with percentage points is refused, with the hint") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, Pack(R"(    scope: 甲区
    indicator: gdp
    measure: growth
    check: actual >= 1pp
)")));
  CHECK(AllMessages(world->diagnostics).find("abs(actual - target) <= 1pp") != std::string::npos);
}

TEST_CASE("a difference of growth rates is in percentage points") {
  auto world = MakeWorld();
  CHECK(CompilePack(*world, Pack(R"(    scope: 甲区
    indicator: gdp
    measure: growth
    check: abs(actual - target) <= 1pp and within(actual, target, 1pp) and actual > 0
)")));
  CHECK(AllMessages(world->diagnostics).empty());
}

TEST_CASE("every problem of a pack is reported at once, with did-you-mean") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, R"(pack: p
rules:
  - id: a
    scope: {entity: 乙去}
    indicator: gpd
    measure: levle
    period: 2023
    check: actual >= target
    severity: eror
    message: "{entity} {acual}"
  - id: b
    scope: {kind: zone}
    indicator: 规上企业
    measure: level
    check: sum(target)
)"));
  const std::string all = AllMessages(world->diagnostics);
  CHECK(all.find("unknown entity '乙去' (did you mean 乙区?)") != std::string::npos);
  CHECK(all.find("unknown indicator 'gpd' (did you mean gdp?)") != std::string::npos);
  CHECK(all.find("measure must be level or growth, not 'levle' (did you mean level?)") !=
        std::string::npos);
  CHECK(all.find("not 'eror' (did you mean error?)") != std::string::npos);
  CHECK(all.find("unknown placeholder {acual} in message (did you mean actual?)") !=
        std::string::npos);
  CHECK(all.find("unknown entity kind 'zone'") != std::string::npos);
  CHECK(all.find("unknown indicator '规上企业' (did you mean 规上工业企业?)") != std::string::npos);
  CHECK(all.find("sum works over children") != std::string::npos);
  const Diagnostic* d = FindCode(world->diagnostics, "R004");
  REQUIRE(d);
  CHECK(d->location.file == "pack.yaml");
  CHECK(d->location.line == 5);
  CHECK(d->location.column == 16);
}

TEST_CASE("unknown and duplicate keys, missing keys and wrong types are shape errors") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, R"(pack: p
rules:
  - id: a
    scope: 甲区
    scope: 乙区
    indicater: gdp
    measure: level
    period: [2023, x]
    check: meets_target
)"));
  const std::string all = AllMessages(world->diagnostics);
  CHECK(FindCode(world->diagnostics, "Y004"));  // duplicate scope
  CHECK(all.find("unknown key 'indicater' in a rule (did you mean indicator?)") !=
        std::string::npos);
  CHECK(all.find("missing required key 'indicator'") != std::string::npos);
  CHECK(all.find("a period must be a whole number, found 'x'") != std::string::npos);
}

TEST_CASE("YAML syntax errors carry their position") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, "pack: p\nrules: [\n  - id: a\n"));
  const Diagnostic* d = FindCode(world->diagnostics, "Y001");
  REQUIRE(d);
  CHECK(d->location.line >= 2);
}

TEST_CASE("a scope that matches no entity is an error") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, Pack(R"(    scope: {kind: county, parent: 甲市}
    indicator: gdp
    measure: level
    check: meets_target
)")));
  CHECK(FindCode(world->diagnostics, "R009"));
}

TEST_CASE("a measure the indicator lacks is refused") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, Pack(R"(    scope: 甲区
    indicator: unemployment
    measure: growth
    check: meets_target
)")));
  CHECK(AllMessages(world->diagnostics).find("indicator unemployment has no growth") !=
        std::string::npos);
}

TEST_CASE("a check must be a truth value, and name known functions") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, Pack(R"(    scope: 甲区
    indicator: gdp
    measure: level
    check: actual - target
)")));
  CHECK(FindCode(world->diagnostics, "E003"));
  auto world2 = MakeWorld();
  CHECK_FALSE(CompilePack(*world2, Pack(R"(    scope: 甲区
    indicator: gdp
    measure: level
    check: meet_target
)")));
  CHECK(AllMessages(world2->diagnostics).find("did you mean meets_target?") != std::string::npos);
}

TEST_CASE("a check holds at most 8 aggregates; the one past them is refused where it stands") {
  auto check = [](int n) {
    std::string text = "actual <= sum(children, actual)";
    for (int i = 1; i < n; ++i) text += " + sum(children, actual)";
    return text;
  };
  auto pack = [&](int n) {
    return Pack("    scope: 甲市\n    indicator: gdp\n    measure: level\n    check: \"" +
                check(n) + "\"\n");
  };
  auto world = MakeWorld();
  CHECK_MESSAGE(CompilePack(*world, pack(kMaxAggregatesPerCheck)), AllMessages(world->diagnostics));
  auto world2 = MakeWorld();
  CHECK_FALSE(CompilePack(*world2, pack(kMaxAggregatesPerCheck + 1)));
  const Diagnostic* too_many = FindCode(world2->diagnostics, "E008");
  REQUIRE(too_many);
  const std::string text = check(kMaxAggregatesPerCheck + 1);
  const std::size_t last = text.rfind("sum(");
  CHECK(too_many->location.column == static_cast<int>(13 + last));  // the text starts at 13
}

TEST_CASE("a check that reads no figure of its own period needs period:") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, Pack(R"(    scope: 甲区
    indicator: gdp
    measure: level
    check: target(period=2024) > 0
)")));
  CHECK(FindCode(world->diagnostics, "R011"));
}

TEST_CASE("a pack without rules and repeated rule ids are errors") {
  auto world = MakeWorld();
  CHECK_FALSE(CompilePack(*world, "pack: empty\nrules: []\n"));
  CHECK(FindCode(world->diagnostics, "R001"));
  auto world2 = MakeWorld();
  CHECK_FALSE(CompilePack(*world2, R"(pack: p
rules:
  - {id: a, scope: 甲区, indicator: gdp, measure: level, check: meets_target}
  - {id: a, scope: 乙区, indicator: gdp, measure: level, check: meets_target}
)"));
  CHECK(FindCode(world2->diagnostics, "R002"));
}

}  // namespace kaohe
