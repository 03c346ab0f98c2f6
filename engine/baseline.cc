#include "engine/baseline.h"

#include <map>
#include <set>

#include "engine/fingerprint.h"

namespace kaohe {
namespace {
bool Failing(Status s) { return s == Status::kFail || s == Status::kConflict; }
}  // namespace

BaselineCounts ApplyBaseline(FindingList& findings, const std::vector<BaselineEntry>& baseline) {
  std::map<std::string, Status> before;
  for (const BaselineEntry& e : baseline) before[e.fingerprint] = e.status;
  BaselineCounts counts;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding f = findings.Heading(i);
    std::string fp = Fingerprint(f);
    seen.insert(fp);
    auto it = before.find(fp);
    bool failed_before =
        it != before.end() && (Failing(it->second) || it->second == Status::kWaived);
    if (Failing(f.status)) {
      findings.SetBaseline(i, failed_before ? "unchanged" : "new");
      if (failed_before) {
        ++counts.unchanged;
      } else {
        ++counts.new_failures;
        if (f.severity == Severity::kError) ++counts.new_error_failures;
      }
    } else if (failed_before && f.status != Status::kWaived) {
      findings.SetBaseline(i, "resolved");
      ++counts.resolved;
    }
  }
  for (const auto& [fp, status] : before) {
    if (!seen.count(fp) && Failing(status)) ++counts.resolved;  // no longer evaluated at all
  }
  return counts;
}

}  // namespace kaohe
