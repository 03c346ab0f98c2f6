// Waivers: a team's recorded decision that a failing finding is accepted for now — which rule,
// entity, indicator and period (each may be a pattern with * and ?), why, who decided, and
// until when. A waived failure is reported as waived with its reason; an expired waiver stops
// waiving and the finding says so; a rule marked `waivable: false` cannot be waived.
#pragma once

#include <string>
#include <vector>

#include "engine/compiled_rule.h"
#include "engine/diagnostic.h"
#include "engine/finding.h"
#include "engine/finding_list.h"
#include "engine/source.h"

namespace kaohe {

struct Waiver {
  std::string rule = "*";
  std::string entity = "*";
  std::string indicator = "*";
  std::string period = "*";
  std::string reason;
  std::string owner;
  std::string expires;  // YYYY-MM-DD
  SourceLocation where;
};

// Reads a waiver file: `waivers:` a list of waivers. Every waiver needs rule, reason, owner and
// expires. Rule ids that match no rule are reported with did-you-mean when `rules` is given.
std::vector<Waiver> LoadWaivers(const SourceFile& file, const CompiledRuleSet* rules,
                                Diagnostics& diagnostics);

// Glob matching: * any run of characters, ? one character (code points).
bool GlobMatch(std::string_view pattern, std::string_view text);

// Waives the fail and conflict findings the waivers cover, as of `today` (YYYY-MM-DD). Reports
// waivers that matched nothing (W001), that expired (W002, once per waiver) and that tried to
// waive an unwaivable rule (W003) as warnings.
void ApplyWaivers(FindingList& findings, const std::vector<Waiver>& waivers,
                  const CompiledRuleSet& rules, const std::string& today, Diagnostics& diagnostics);

}  // namespace kaohe
