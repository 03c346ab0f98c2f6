// Judging decides a status without writing any text; explaining runs the same evaluation with its
// trace on. They must never disagree, and judging on several threads must give what one gives.
#include <doctest/doctest.h>

#include "engine/evaluator.h"
#include "src/load/inputs.h"

namespace kaohe {

TEST_CASE("on the bundled data, every judged verdict is the status its explanation reaches") {
  std::string root = KAOHE_SOURCE_DIR;
  InputPaths paths;
  paths.dictionaries = {root + "/rules/dictionary"};
  paths.rules = {root + "/rules/packs"};
  paths.facts = {root + "/fixtures/targets", root + "/fixtures/facts"};
  Diagnostics diagnostics;
  auto inputs = LoadInputs(paths, diagnostics);
  REQUIRE(inputs.ok());
  REQUIRE(inputs.value().rules);
  const Inputs& in = inputs.value();
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

}  // namespace kaohe
