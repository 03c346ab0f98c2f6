// Judging decides a status without writing any text; explaining runs the same evaluation with its
// trace on. They must never disagree, and judging on several threads must give what one gives.
#include <doctest/doctest.h>

#include <set>

#include "engine/evaluator.h"
#include "src/load/inputs.h"

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

}  // namespace kaohe
