// Judging decides a status without writing any text; explaining runs the same evaluation with its
// trace on. They must never disagree, and judging on several threads must give what one gives.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "engine/evaluator.h"
#include "src/load/inputs.h"
#include "src/report/fact_json.h"
#include "tests/test_support.h"

namespace kaohe {

namespace {

// The bundled dictionary, rule packs, target tables and facts.
Inputs LoadBundled() {
  std::string root = KAOHE_SOURCE_DIR;
  InputPaths paths;
  paths.dictionaries = {root + "/rules/dictionary"};
  paths.rules = {root + "/rules/packs"};
  paths.facts = {root + "/fixtures/targets", root + "/fixtures/facts"};
  Diagnostics diagnostics;
  auto inputs = LoadInputs(paths, diagnostics);
  REQUIRE(inputs.ok());
  REQUIRE(inputs.value().rules);
  return std::move(inputs).value();
}

}  // namespace

TEST_CASE("on the bundled data, every judged verdict is the status its explanation reaches") {
  const Inputs in = LoadBundled();
  FindingList one = Judge(*in.rules, in.facts, *in.dictionary, 1);
  FindingList two = Judge(*in.rules, in.facts, *in.dictionary, 2);
  REQUIRE(one.size() == 76);
  REQUIRE(two.size() == one.size());
  int explained = 0;
  for (std::size_t i = 0; i < one.size(); ++i) {
    CHECK(one.status(i) == two.status(i));
    CHECK(one.severity(i) == two.severity(i));
    CHECK(one.Heading(i).rule == two.Heading(i).rule);
    const Verdict& v = one.verdict(i);
    if (v.whole != Verdict::kNotWhole) continue;
    Finding f = Explain(v, in.facts, *in.dictionary);
    CHECK(f.status == v.status);
    CHECK(f.severity == v.severity);
    CHECK(f.evidence.empty() == !v.read_anything);
    ++explained;
  }
  CHECK(explained == 76);
}

TEST_CASE("a finding read into again and again is each time what a fresh one would be") {
  const Inputs in = LoadBundled();
  FindingList list = Judge(*in.rules, in.facts, *in.dictionary, 1);
  // Forwards and backwards, so that every kind of finding follows every other: no_data after
  // pass, pass after conflict, one with more evidence after one with less.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < list.size(); ++i) order.push_back(i);
  for (std::size_t i = list.size(); i-- > 0;) order.push_back(i);
  Finding reused;
  std::set<Status> seen;
  for (std::size_t i : order) {
    list.Read(i, reused);
    Finding fresh = list[i];
    seen.insert(fresh.status);
    CHECK(reused.rule == fresh.rule);
    CHECK(reused.entity == fresh.entity);
    CHECK(reused.status == fresh.status);
    CHECK(reused.message == fresh.message);
    CHECK(reused.arithmetic == fresh.arithmetic);
    CHECK(reused.missing == fresh.missing);
    CHECK(reused.baseline == fresh.baseline);
    CHECK(reused.actual.has_value() == fresh.actual.has_value());
    CHECK(reused.target.has_value() == fresh.target.has_value());
    REQUIRE(reused.evidence.size() == fresh.evidence.size());
    for (std::size_t e = 0; e < fresh.evidence.size(); ++e) {
      CHECK(reused.evidence[e].key == fresh.evidence[e].key);
      CHECK(reused.evidence[e].value == fresh.evidence[e].value);
      CHECK(reused.evidence[e].source == fresh.evidence[e].source);
    }
  }
  CHECK(seen.size() >= 3);  // pass, fail and no_data at least
}

TEST_CASE("checks judged and explained from their figures agree with the expression tree") {
  auto world = testing::MakeWorld();
  const std::string kEveryPlaceholder =
      "{entity} {kind} {period} {indicator} {indicator_id} {measure}: {actual} / {target}; "
      "{lhs} vs {rhs}, gap {gap}: {verdict} ({rule}, {status})";
  // Every comparison, both operand orders, growth within a tolerance either way round, and
  // shapes that must not be judged directly (a level bounded in points, a scaled target).
  const char* checks[] = {"actual >= target",
                          "target < actual",
                          "actual == target",
                          "actual != target",
                          "target >= actual",
                          "actual > target",
                          "abs(actual - target) <= 1pp",
                          "abs(target - actual) > 0.5pp",
                          "abs(actual - target) < 0.5pp",
                          "actual >= target * 1.1"};
  std::string pack = "pack: p\nrules:\n";
  int id = 0;
  for (const char* check : checks) {
    for (const char* measure : {"growth", "level"}) {
      if (std::string(check).find("pp") != std::string::npos && std::string(measure) == "level") {
        continue;  // points against 元: refused when the rule is compiled
      }
      // Every placeholder, so that the message shows every part of the explanation.
      pack += "  - {id: r" + std::to_string(id++) + ", scope: {kind: district}, indicator: gdp, " +
              "measure: " + measure + ", check: \"" + check + "\", message: \"" +
              kEveryPlaceholder + "\"}\n";
    }
  }
  REQUIRE_MESSAGE(testing::CompilePack(*world, pack), testing::AllMessages(world->diagnostics));
  int direct = 0;
  for (const CompiledRule& rule : world->rules->packs[0].rules) direct += JudgedDirectly(rule);
  CHECK(direct == id - 2);  // all but the scaled target's two rules
  // Random figures: missing, one, or two sources that agree or not; values equal, nearly
  // equal and apart; units that fit and that do not; qualifiers and 力争 targets.
  std::mt19937 random(20261122);
  const double values[] = {5, 5.0000000001, 6, 4.5, 4, 5.5, 7, -1, 0};
  for (const char* entity : {"甲区", "乙区"}) {
    for (Measure measure : {Measure::kGrowth, Measure::kLevel}) {
      for (int period = 2015; period <= 2024; ++period) {
        for (FactKind kind : {FactKind::kActual, FactKind::kTarget}) {
          int sources = static_cast<int>(random() % 10);
          sources = sources < 2 ? 0 : sources < 8 ? 1 : 2;
          for (int k = 0; k < sources; ++k) {
            std::string unit = measure == Measure::kGrowth ? "%" : "元";
            if (random() % 12 == 0) unit = measure == Measure::kGrowth ? "元" : "%";
            world->facts.Add(testing::MakeFact(
                entity, "gdp", measure, period, kind, values[random() % std::size(values)], unit,
                random() % 5 == 0 ? Qualifier::kAtLeast : Qualifier::kNone, random() % 3 == 0));
          }
        }
      }
    }
  }
  FindingList list = Judge(*world->rules, world->facts, *world->dictionary, 1);
  REQUIRE(list.size() > 300);
  std::set<Status> seen;
  int explained_from_figures = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Verdict& v = list.verdict(i);
    if (v.whole != Verdict::kNotWhole) continue;
    Finding tree = Explain(v, world->facts, *world->dictionary);
    INFO(v.rule->check_text, " ", v.entity->name, " ", v.period);
    CHECK(v.status == tree.status);
    CHECK(v.severity == tree.severity);
    CHECK(v.read_anything == !tree.evidence.empty());
    seen.insert(v.status);
    // The explanation a reporter gets (straight from the figures where the check allows) is the
    // tree's, to the byte.
    Finding explained;
    ExplainInto(v, world->facts, *world->dictionary, explained);
    Finding by_tree = ExplainByTree(v, world->facts, *world->dictionary);
    std::string a, b;
    AppendFindingJson(a, explained);
    AppendFindingJson(b, by_tree);
    CHECK(a == b);
    if (v.status == Status::kPass || v.status == Status::kFail) {
      explained_from_figures += JudgedDirectly(*v.rule);
    }
  }
  CHECK(explained_from_figures > 50);
  // Pass, fail, no data, conflict (two sources apart) and error (units that do not fit).
  CHECK(seen.size() == 5);
}

}  // namespace kaohe
