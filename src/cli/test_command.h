// kaohe test [DIR|FILE…]: runs rule-pack tests (src/load/rule_tests.h), shows a diff for each
// mismatch and ends with "N passed, N failed". --coverage lists the rules no case exercises.
#pragma once

#include <string>
#include <vector>

#include "src/cli/app.h"
#include "src/load/project_root.h"

namespace kaohe {

struct TestCommand {
  std::vector<std::string> paths;  // test files or directories
  std::vector<std::string> dictionaries;
  std::vector<std::string> cues;           // rules/cues.yaml, then --cues
  std::vector<std::string> default_rules;  // packs for cases that name none
  std::string filter = "*";                // run the cases whose name matches
  bool coverage = false;
  double min_coverage = 0;  // percent of rules a case must exercise
  ProjectRoot root;         // the packs and fact files a case names must lie inside it
};

int RunTests(const TestCommand& command, Console& console);

}  // namespace kaohe
