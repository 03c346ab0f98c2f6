#include "engine/evaluator.h"

#include <doctest/doctest.h>

#include "tests/test_support.h"

namespace kaohe {

using testing::AllMessages;
using testing::CompilePack;
using testing::MakeFact;
using testing::MakeWorld;
using testing::World;

namespace {

// One rule over 甲区's gdp growth for 2023, with the given check and facts.
std::vector<Finding> RunGrowth(World& world, const std::string& check,
                               const std::vector<Fact>& facts, const std::string& extra = "") {
  std::string pack =
      "pack: p\ntolerance: {growth: 0.5pp, level: 1%}\nrules:\n  - id: r\n"
      "    scope: 甲区\n    indicator: gdp\n    measure: growth\n"
      "    period: 2023\n    check: " +
      check + "\n" + extra;
  REQUIRE_MESSAGE(CompilePack(world, pack), AllMessages(world.diagnostics));
  for (const Fact& f : facts) world.facts.Add(f);
  return Evaluate(*world.rules, world.facts, *world.dictionary);
}

Fact Growth(FactKind kind, double value, Qualifier q = Qualifier::kNone, bool strive = false) {
  return MakeFact("甲区", "gdp", Measure::kGrowth, 2023, kind, value, "%", q, strive);
}

Status MeetsTarget(double actual, double target, Qualifier q) {
  auto world = MakeWorld();
  auto findings =
      RunGrowth(*world, "meets_target",
                {Growth(FactKind::kActual, actual), Growth(FactKind::kTarget, target, q)});
  REQUIRE(findings.size() == 1);
  return findings[0].status;
}

}  // namespace

TEST_CASE("meets_target reads the target's qualifier") {
  using Q = Qualifier;
  struct Case {
    double actual, target;
    Q qualifier;
    Status expected;
  };
  const Case cases[] = {
      {7, 7, Q::kNone, Status::kPass},
      {6.9, 7, Q::kNone, Status::kFail},
      {7, 7, Q::kAtLeast, Status::kPass},
      {6.99, 7, Q::kAtLeast, Status::kFail},
      {7, 7, Q::kMoreThan, Status::kFail},
      {7.01, 7, Q::kMoreThan, Status::kPass},
      {7, 7, Q::kAtMost, Status::kPass},
      {7.01, 7, Q::kAtMost, Status::kFail},
      // 左右 with the pack's 0.5pp: a shortfall up to 0.5pp is met, more is not.
      {6.5, 7, Q::kApprox, Status::kPass},
      {6.49, 7, Q::kApprox, Status::kFail},
      {9, 7, Q::kApprox, Status::kPass},
  };
  for (const Case& c : cases) {
    CAPTURE(c.actual);
    CAPTURE(c.target);
    CAPTURE(QualifierId(c.qualifier));
    CHECK(MeetsTarget(c.actual, c.target, c.qualifier) == c.expected);
  }
}

TEST_CASE("for a lower-is-better indicator a plain target is a ceiling") {
  auto world = MakeWorld();
  CHECK(CompilePack(*world, R"(pack: p
tolerance: {level: 10%}
rules:
  - {id: r, scope: 甲区, indicator: unemployment, measure: level, period: 2023, check: meets_target}
)"));
  auto fact = [](FactKind kind, double v, Qualifier q = Qualifier::kNone) {
    return MakeFact("甲区", "unemployment", Measure::kLevel, 2023, kind, v, "个", q);
  };
  auto run = [&](double actual, double target, Qualifier q) {
    World& w = *world;
    w.facts = FactStore();
    w.facts.Add(fact(FactKind::kActual, actual));
    w.facts.Add(fact(FactKind::kTarget, target, q));
    return Evaluate(*w.rules, w.facts, *w.dictionary).at(0).status;
  };
  CHECK(run(5, 5.5, Qualifier::kNone) == Status::kPass);
  CHECK(run(6, 5.5, Qualifier::kNone) == Status::kFail);
  CHECK(run(6, 5.5, Qualifier::kApprox) == Status::kPass);  // 5.5 + 10% of 5.5 = 6.05
  CHECK(run(6.1, 5.5, Qualifier::kApprox) == Status::kFail);
  CHECK(run(6, 5.5, Qualifier::kAtLeast) == Status::kPass);  // the qualifier overrides
}

TEST_CASE("a missed 力争 target is one severity milder than a firm one") {
  auto firm = MakeWorld();
  auto f1 = RunGrowth(*firm, "meets_target",
                      {Growth(FactKind::kActual, 5), Growth(FactKind::kTarget, 7)});
  CHECK(f1.at(0).status == Status::kFail);
  CHECK(f1.at(0).severity == Severity::kError);
  auto strive = MakeWorld();
  auto f2 = RunGrowth(*strive, "meets_target",
                      {Growth(FactKind::kActual, 5),
                       Growth(FactKind::kTarget, 7, Qualifier::kNone, /*strive=*/true)});
  CHECK(f2.at(0).status == Status::kFail);
  CHECK(f2.at(0).severity == Severity::kWarning);
  auto met = MakeWorld();
  auto f3 = RunGrowth(*met, "meets_target",
                      {Growth(FactKind::kActual, 8),
                       Growth(FactKind::kTarget, 7, Qualifier::kNone, /*strive=*/true)});
  CHECK(f3.at(0).status == Status::kPass);
}

TEST_CASE("a firm target and a 力争 target of one figure are two targets, not a conflict") {
  // 增长6%左右、力争7%: meets_target judges the firm one; target(strive=true) reads the other.
  const std::vector<Fact> both = {Growth(FactKind::kActual, 6.5),
                                  Growth(FactKind::kTarget, 7, Qualifier::kNone, /*strive=*/true),
                                  Growth(FactKind::kTarget, 6, Qualifier::kApprox)};
  auto firm = MakeWorld();
  auto judged = RunGrowth(*firm, "meets_target", both);
  REQUIRE(judged.size() == 1);
  CHECK(judged[0].status == Status::kPass);
  REQUIRE(judged[0].target);
  CHECK(judged[0].target->value == 6);
  CHECK_FALSE(bool{judged[0].target->strive});

  // Missing only the strive target: a fail one severity milder (error → warning).
  auto strive = MakeWorld();
  auto missed = RunGrowth(*strive, "actual >= target(strive=true)", both);
  REQUIRE(missed.size() == 1);
  CHECK(missed[0].status == Status::kFail);
  CHECK(missed[0].severity == Severity::kWarning);

  // strive=false reads the firm target even where a strive one stands first in the input.
  auto explicit_firm = MakeWorld();
  auto read = RunGrowth(*explicit_firm, "actual >= target(strive=false)", both);
  REQUIRE(read.size() == 1);
  CHECK(read[0].status == Status::kPass);
  CHECK(read[0].severity == Severity::kError);

  // With only a strive target, meets_target judges it, milder when missed (as before).
  auto only = MakeWorld();
  auto alone = RunGrowth(*only, "meets_target", {both[0], both[1]});
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].status == Status::kFail);
  CHECK(alone[0].severity == Severity::kWarning);
}

TEST_CASE("a range target is reached at its low end, not a conflict") {
  // 增长4.5%—5%: at least 4.5% and at most 5%.
  const std::vector<Fact> range = {Growth(FactKind::kTarget, 5, Qualifier::kAtMost),
                                   Growth(FactKind::kTarget, 4.5, Qualifier::kAtLeast)};
  for (double actual : {4.4, 4.6, 5.5}) {
    auto world = MakeWorld();
    std::vector<Fact> facts = range;
    facts.push_back(Growth(FactKind::kActual, actual));
    auto judged = RunGrowth(*world, "meets_target", facts);
    REQUIRE(judged.size() == 1);
    CHECK(judged[0].status == (actual >= 4.5 ? Status::kPass : Status::kFail));
  }
}

TEST_CASE("strive= is for target() and takes true or false") {
  auto world = MakeWorld();
  std::string pack =
      "pack: p\nrules:\n  - id: r\n    scope: 甲区\n    indicator: gdp\n    measure: growth\n"
      "    period: 2023\n    check: actual(strive=true) >= target\n";
  CHECK_FALSE(CompilePack(*world, pack));
  CHECK(AllMessages(world->diagnostics).find("E005") != std::string::npos);
  auto other = MakeWorld();
  std::string bad =
      "pack: p\nrules:\n  - id: r\n    scope: 甲区\n    indicator: gdp\n    measure: growth\n"
      "    period: 2023\n    check: actual >= target(strive=yes)\n";
  CHECK_FALSE(CompilePack(*other, bad));
  CHECK(AllMessages(other->diagnostics).find("strive= takes true or false") != std::string::npos);
}

TEST_CASE("a missing figure is no_data, naming what is missing — never a pass") {
  auto world = MakeWorld();
  auto findings = RunGrowth(*world, "meets_target", {Growth(FactKind::kTarget, 7)});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::kNoData);
  CHECK(findings[0].message == "缺少数据：甲区 2023 地区生产总值增速实际值");
  REQUIRE(findings[0].target);
  CHECK(findings[0].target->value == 7);
  CHECK(findings[0].missing == std::vector<std::string>{"甲区 2023 地区生产总值增速实际值"});
}

TEST_CASE("two sources that disagree on one figure are a conflict") {
  auto world = MakeWorld();
  Fact other = Growth(FactKind::kActual, 5.5);
  other.source = {"other.txt", 9, "增长5.5%"};
  auto findings = RunGrowth(*world, "meets_target",
                            {Growth(FactKind::kActual, 5), other, Growth(FactKind::kTarget, 7)});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::kConflict);
  CHECK(findings[0].message.find("5%（doc.txt:1）与 5.5%（other.txt:9）不一致") !=
        std::string::npos);
  CHECK(findings[0].evidence.size() == 3);
}

TEST_CASE("two sources that agree are not a conflict") {
  auto world = MakeWorld();
  Fact same = Growth(FactKind::kActual, 7);
  same.source = {"other.txt", 9, "增长7%"};
  auto findings = RunGrowth(*world, "meets_target",
                            {Growth(FactKind::kActual, 7), same, Growth(FactKind::kTarget, 7)});
  CHECK(findings.at(0).status == Status::kPass);
}

TEST_CASE("a qualifier stated by one source only is not a conflict; two different ones are") {
  auto world = MakeWorld();
  Fact plain = Growth(FactKind::kTarget, 7);
  Fact qualified = Growth(FactKind::kTarget, 7, Qualifier::kAtLeast);
  qualified.source = {"text.txt", 80, "增长7%以上"};
  auto findings =
      RunGrowth(*world, "meets_target", {Growth(FactKind::kActual, 7), plain, qualified});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::kPass);
  CHECK(findings[0].target->qualifier == Qualifier::kAtLeast);
  auto world2 = MakeWorld();
  Fact approx = Growth(FactKind::kTarget, 7, Qualifier::kApprox);
  auto clash =
      RunGrowth(*world2, "meets_target", {Growth(FactKind::kActual, 7), approx, qualified});
  CHECK(clash.at(0).status == Status::kConflict);
}

TEST_CASE("within() is a two-sided band in percentage points") {
  auto run = [](double actual, double target) {
    auto world = MakeWorld();
    return RunGrowth(*world, "within(actual, target, 1pp)",
                     {Growth(FactKind::kActual, actual), Growth(FactKind::kTarget, target)})
        .at(0);
  };
  CHECK(run(7.1, 8).status == Status::kPass);
  CHECK(run(7, 8).status == Status::kPass);  // the edge is inside
  CHECK(run(6.9, 8).status == Status::kFail);
  CHECK(run(9, 8).status == Status::kPass);
  CHECK(run(9.2, 8).status == Status::kFail);
  CHECK(run(6.9, 8).arithmetic == "|6.9% − 8%| = 1.1个百分点 ≤ 1个百分点 → 否");
}

TEST_CASE("the message template is filled from the finding") {
  auto world = MakeWorld();
  auto findings =
      RunGrowth(*world, "meets_target",
                {Growth(FactKind::kActual, 5), Growth(FactKind::kTarget, 7, Qualifier::kAtLeast)});
  CHECK(findings.at(0).message == "甲区 2023 地区生产总值增速 5% 低于目标 7%以上");
  CHECK(findings.at(0).arithmetic == "目标 7%以上：5% ≥ 7% → 否");
  auto world2 = MakeWorld();
  auto f2 = RunGrowth(*world2, "meets_target",
                      {Growth(FactKind::kActual, 5), Growth(FactKind::kTarget, 7)},
                      "    message: \"{kind}{entity}{{{period}}} gap {gap} rule {rule}\"\n");
  CHECK(f2.at(0).message == "区甲区{2023} gap -2个百分点 rule r");
  auto world3 = MakeWorld();
  auto f3 = RunGrowth(*world3, "actual >= target",
                      {Growth(FactKind::kActual, 7.5), Growth(FactKind::kTarget, 7)},
                      "    message: \"{indicator_id}|{measure}|{actual}|{target}|{lhs}|{rhs}|"
                      "{gap}|{verdict}|{status}|}\"\n");
  CHECK(f3.at(0).message == "gdp|增速|7.5%|7%|7.5%|7%|+0.5个百分点|符合|pass|}");
}

TEST_CASE("growth() gives the growth implied by two levels") {
  auto world = MakeWorld();
  REQUIRE(CompilePack(*world, R"(pack: p
rules:
  - id: implied
    scope: 甲经济开发区
    indicator: industry_output
    measure: growth
    period: 2025
    check: actual >= growth(target(measure=level, period=period - 1), target(measure=level))
)"));
  auto level = [](int year, double v) {
    return MakeFact("甲经济开发区", "industry_output", Measure::kLevel, year, FactKind::kTarget,
                    v * 1e8, "元");
  };
  world->facts.Add(level(2024, 120));
  world->facts.Add(level(2025, 150));
  world->facts.Add(MakeFact("甲经济开发区", "industry_output", Measure::kGrowth, 2025,
                            FactKind::kActual, 14.2, "%"));
  auto findings = Evaluate(*world->rules, world->facts, *world->dictionary);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::kFail);
  CHECK(findings[0].arithmetic == "(150亿元 ÷ 120亿元 − 1) × 100% = 25%；14.2% ≥ 25% → 否");
  CHECK(findings[0].evidence.size() == 3);
}

TEST_CASE("sum over children adds the children's figures and reports each missing one") {
  auto world = MakeWorld();
  REQUIRE(CompilePack(*world, R"(pack: p
rules:
  - id: total
    scope: 甲市开发区
    indicator: industry_enterprises
    measure: level
    check: target == sum(children, target)
)"));
  auto target = [](const char* entity, int year, double v) {
    return MakeFact(entity, "industry_enterprises", Measure::kLevel, year, FactKind::kTarget, v,
                    "家");
  };
  world->facts.Add(target("甲市开发区", 2023, 497));
  world->facts.Add(target("甲经济开发区", 2023, 400));
  world->facts.Add(target("乙经济开发区", 2023, 93));
  world->facts.Add(target("甲市开发区", 2024, 10));
  world->facts.Add(target("甲经济开发区", 2024, 10));
  auto findings = Evaluate(*world->rules, world->facts, *world->dictionary);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].period == 2023);
  CHECK(findings[0].status == Status::kFail);
  CHECK(findings[0].arithmetic ==
        "sum(children, target)：400家 + 93家 = 493家；497家 = 493家 → 否");
  CHECK(findings[1].period == 2024);
  CHECK(findings[1].status == Status::kNoData);
  CHECK(findings[1].missing ==
        std::vector<std::string>{"乙经济开发区 2024 规模以上工业企业数目标值"});
}

TEST_CASE("without period:, a rule covers the periods its scope has data for") {
  auto world = MakeWorld();
  REQUIRE(CompilePack(*world, R"(pack: p
rules:
  - {id: r, scope: {kind: district}, indicator: gdp, measure: growth, check: meets_target}
)"));
  world->facts.Add(MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%"));
  world->facts.Add(MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual, 7, "%"));
  world->facts.Add(MakeFact("甲区", "gdp", Measure::kGrowth, 2024, FactKind::kTarget, 7, "%"));
  auto findings = Evaluate(*world->rules, world->facts, *world->dictionary);
  // 甲区 2023 pass, 甲区 2024 no actual, 乙区 2023 and 2024 nothing at all.
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].entity == "甲区");
  CHECK(findings[0].status == Status::kPass);
  CHECK(findings[1].status == Status::kNoData);
  CHECK(findings[2].entity == "乙区");
  CHECK(findings[2].status == Status::kNoData);
  CHECK(findings[3].status == Status::kNoData);
}

TEST_CASE("a rule that reads no figure at all is an error, not a clean run") {
  auto world = MakeWorld();
  REQUIRE(CompilePack(*world, R"(pack: p
rules:
  - {id: r, scope: 甲区, indicator: gdp, measure: growth, period: 2023, check: meets_target}
)"));
  auto findings = Evaluate(*world->rules, world->facts, *world->dictionary);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::kError);
  CHECK(findings[0].entity.empty());
  CHECK(findings[0].message == "规则 r 在其范围内没有读到任何数据");
  CHECK(findings[1].status == Status::kError);
  CHECK(findings[1].message == "规则包 p 没有评估任何内容");
}

TEST_CASE("amounts in different currencies are not compared without a rate") {
  auto world = MakeWorld();
  REQUIRE(CompilePack(*world, R"(pack: p
rules:
  - {id: r, scope: 甲区, indicator: foreign_trade, measure: level, period: 2023, check: meets_target}
)"));
  world->facts.Add(
      MakeFact("甲区", "foreign_trade", Measure::kLevel, 2023, FactKind::kActual, 1.2e8, "美元"));
  world->facts.Add(
      MakeFact("甲区", "foreign_trade", Measure::kLevel, 2023, FactKind::kTarget, 8e8, "元"));
  auto findings = Evaluate(*world->rules, world->facts, *world->dictionary);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::kError);
  CHECK(findings[0].message.find("需要换算") != std::string::npos);
}

TEST_CASE("division by zero is an error finding") {
  auto world = MakeWorld();
  auto findings = RunGrowth(*world, "actual / target > 1",
                            {Growth(FactKind::kActual, 5), Growth(FactKind::kTarget, 0)});
  CHECK(findings.at(0).status == Status::kError);
  CHECK(findings.at(0).message.find("除以零") != std::string::npos);
}

TEST_CASE("findings come out in dictionary order of entities, then rule, indicator, period") {
  auto world = MakeWorld();
  REQUIRE(CompilePack(*world, R"(pack: p
rules:
  - {id: b, scope: [乙区, 甲区], indicator: [gdp], measure: growth, period: [2024, 2023], check: meets_target}
  - {id: a, scope: 甲区, indicator: gdp, measure: growth, period: 2023, check: meets_target}
)"));
  world->facts.Add(MakeFact("乙区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%"));
  world->facts.Add(MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%"));
  auto findings = Evaluate(*world->rules, world->facts, *world->dictionary);
  std::vector<std::string> order;
  for (const Finding& f : findings)
    order.push_back(f.entity + "/" + f.rule + "/" + std::to_string(f.period));
  CHECK(order == std::vector<std::string>{"甲区/b/2023", "甲区/b/2024", "甲区/a/2023",
                                          "乙区/b/2023", "乙区/b/2024"});
}

TEST_CASE("RenderMessage fills placeholders and keeps braces") {
  CHECK(RenderMessage("{a}-{b} {{x}} {c}", {{"a", "1"}, {"b", "2"}}) == "1-2 {x} {c}");
  CHECK(RenderMessage("a}b{c", {{"c", "1"}}) == "a}b{c");
}

TEST_CASE("a message template is split once into text and placeholders") {
  auto parts = SplitMessage("{entity} {{年}} {gap}{nope}尾");
  REQUIRE(parts.size() == 5);
  CHECK(parts[0].known == Placeholder::kEntity);
  CHECK(parts[1].text == " {年} ");
  CHECK_FALSE(parts[1].is_placeholder);
  CHECK(parts[2].known == Placeholder::kGap);
  CHECK(parts[3].is_placeholder);
  CHECK(parts[3].text == "nope");
  CHECK_FALSE(parts[3].known);
  CHECK(parts[4].text == "尾");
  for (int i = 0; i < kPlaceholderCount; ++i) {
    auto p = static_cast<Placeholder>(i);
    CHECK(PlaceholderNamed(PlaceholderName(p)) == p);
  }
}

}  // namespace kaohe
