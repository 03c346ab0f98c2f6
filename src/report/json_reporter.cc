#include "src/report/json_reporter.h"

#include "src/report/fact_json.h"

namespace kaohe {

void JsonReporter::Write(const ReportInput& input, std::ostream& out) const {
  nlohmann::ordered_json report;
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& f : input.findings) findings.push_back(FindingToJson(f));
  report["findings"] = std::move(findings);
  const Summary& s = input.summary;
  report["summary"] = {
      {"total", s.total},
      {"pass", s.pass},
      {"fail", s.fail},
      {"no_data", s.no_data},
      {"conflict", s.conflict},
      {"error", s.error},
      {"waived", s.waived},
      {"failing_by_severity",
       {{"error", s.failing_error}, {"warning", s.failing_warning}, {"info", s.failing_info}}},
      {"entities", s.entities},
      {"rules", s.rules},
  };
  if (s.baseline_given) {
    report["summary"]["baseline"] = {
        {"new", s.new_failures}, {"unchanged", s.unchanged}, {"resolved", s.resolved}};
  }
  out << report.dump(2) << "\n";
}

}  // namespace kaohe
