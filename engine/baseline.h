// Baselines: the findings of a previous run, so that a team adopting kaohe on data that already
// fails can fail only on what is new. Each failing finding is marked new or unchanged against
// the baseline; a finding that failed there and no longer does is marked resolved.
#pragma once

#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/finding_list.h"

namespace kaohe {

struct BaselineEntry {
  std::string fingerprint;  // Fingerprint() of the finding
  Status status = Status::kPass;
};

struct BaselineCounts {
  int new_failures = 0;        // failing now, not failing in the baseline
  int new_error_failures = 0;  // of those, at error severity
  int unchanged = 0;           // failing in both
  int resolved = 0;            // failing in the baseline, not now (or no longer evaluated)
};

// Sets Finding::baseline ("new", "unchanged", "resolved") and returns the counts.
BaselineCounts ApplyBaseline(FindingList& findings, const std::vector<BaselineEntry>& baseline);

}  // namespace kaohe
