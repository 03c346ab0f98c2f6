// A finding's identity across runs: the same rule, entity, indicator, measure and period give
// the same fingerprint whatever the figures, so baselines and code hosts can follow a finding
// from one run to the next.
#pragma once

#include <string>

#include "engine/finding.h"

namespace kaohe {

// 16 hex digits (FNV-1a, 64 bits).
std::string Fingerprint(const Finding& finding);

}  // namespace kaohe
