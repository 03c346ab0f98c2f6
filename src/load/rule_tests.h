// Rule-pack tests: YAML cases, each with input facts (inline, from fact files, or extracted from
// document text) and the findings expected (rule, entity, period, status; optionally indicator
// and a message fragment). A case may be a known gap (expected to fail until fixed), and a case
// with `cases:` is table driven: each row's values replace the {placeholders} of the case.
//
//   tests:
//     - name: GDP below an at-least target fails
//       rules: [../packs/duji_plan.yaml]
//       facts:
//         - {entity: 杜集区, indicator: gdp, measure: growth, period: 2023, kind: actual, value: 5,
//         unit: "%"}
//       expect:
//         - {rule: duji-growth-meets-target, entity: 杜集区, period: 2023, status: fail}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/fact.h"
#include "engine/source.h"
#include "src/load/project_root.h"

namespace kaohe {

struct ExpectedFinding {
  std::string rule;
  std::string entity;
  std::optional<int> period;
  std::string indicator;  // empty: any
  std::string status;
  std::string message;  // a fragment the message must contain; empty: any
  SourceLocation where;
};

struct RuleTestCase {
  std::string name;
  std::string file;
  SourceLocation where;
  std::vector<std::string> rule_files;  // resolved beside the test file; empty: the default packs
  std::vector<std::string> fact_files;  // resolved beside the test file
  std::vector<Fact> facts;              // inline
  std::string text;                     // document text to extract facts from
  std::string entity;                   // the text's subject, when it does not name one
  std::vector<ExpectedFinding> expect;
  bool known_gap = false;
};

// Reads a test file; table-driven cases come out expanded, one case per row. The rule packs and
// fact files a case names must lie inside `project_root` (T011).
std::vector<RuleTestCase> LoadRuleTests(const SourceFile& file, Diagnostics& diagnostics,
                                        const ProjectRoot& project_root = ProjectRoot());

}  // namespace kaohe
