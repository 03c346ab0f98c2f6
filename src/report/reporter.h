// Reporters: one per output format, all behind one interface. A reporter writes findings; it
// decides nothing about them.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/compiled_rule.h"
#include "engine/dictionary.h"
#include "engine/finding.h"
#include "engine/finding_list.h"

namespace kaohe {

struct Summary {
  int total = 0;
  int pass = 0;
  int fail = 0;
  int no_data = 0;
  int conflict = 0;
  int error = 0;
  int waived = 0;  // counted apart from fail: a waiver covers them
  // Failing findings (fail or conflict) by severity.
  int failing_error = 0;
  int failing_warning = 0;
  int failing_info = 0;
  int entities = 0;
  int rules = 0;
  // Against a baseline (when one was given).
  bool baseline_given = false;
  int new_failures = 0;
  int unchanged = 0;
  int resolved = 0;
};

Summary Summarize(const FindingList& findings);

struct ReportInput {
  const FindingList& findings;
  const Dictionary& dictionary;
  const CompiledRuleSet& rules;
  Summary summary;
  // When the report was made, ISO 8601 without a zone (2026-11-22T08:30:00): SOURCE_DATE_EPOCH
  // when set, so that reports can be reproduced.
  std::string generated_at = "1970-01-01T00:00:00";
};

// The figure a finding judges, for locating it: its actual, else its target, else the first
// fact it read; nullptr for a finding that read none.
const Fact* JudgedFact(const Finding& finding);

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Write(const ReportInput& input, std::ostream& out) const = 0;
};

// "console", "json", "markdown", "junit", "sarif" or "github"; nullptr for an unknown format.
// `color` asks the console reporter for ANSI colours (the caller knows whether the output is a
// terminal).
std::unique_ptr<Reporter> MakeReporter(std::string_view format, bool color);
const std::vector<std::string>& ReportFormats();

// Shared wording.
std::string_view StatusWord(Status status);  // 达标, 未达标, 缺数据, 数据冲突, 错误
std::string DescribeEntity(const Dictionary& dictionary, const std::string& entity);

}  // namespace kaohe
