// Findings: the verdict of one rule for one entity, indicator, measure and period, with the
// facts it used. A missing figure is a finding (no_data), never a silent pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/fact.h"
#include "engine/source.h"

namespace kaohe {

// kWaived: a fail or conflict that a waiver covers (see waiver.h).
enum class Status : std::uint8_t { kPass, kFail, kNoData, kConflict, kError, kWaived };
enum class Severity : std::uint8_t { kError, kWarning, kInfo };

std::string_view StatusId(Status status);        // "pass", "fail", "no_data", "conflict", "error"
std::string_view SeverityId(Severity severity);  // "error", "warning", "info"
std::optional<Severity> SeverityFromId(std::string_view id);
// One step milder: error → warning → info → info.
Severity Milder(Severity severity);

struct Finding {
  Name pack;
  Name rule;
  Name rule_title;
  SourceLocation rule_location;
  Name entity;  // empty for a finding about the rule itself
  Name indicator;
  Measure measure = Measure::kLevel;
  int period = 0;
  Status status = Status::kError;
  Severity severity = Severity::kError;
  std::string message;
  std::optional<Fact> actual;        // the rule's own actual figure, when it used one
  std::optional<Fact> target;        // the rule's own target figure, when it used one
  std::vector<Fact> evidence;        // every fact the check read, in the order read
  std::vector<std::string> missing;  // the figures it needed and did not find
  std::string arithmetic;            // the comparison as evaluated: "5% ≥ 7% → 否"
  std::string waiver_reason;         // for a waived finding: why, who, until when
  std::string baseline;              // against a baseline: "new", "unchanged", "resolved", or ""
};

}  // namespace kaohe
