#include "src/report/json_reporter.h"

#include <nlohmann/json.hpp>

#include "src/report/fact_json.h"
#include "src/report/render_in_order.h"

namespace kaohe {

void JsonReporter::Write(const ReportInput& input, std::ostream& out) const {
  // One finding a line, written as it is made: no document of the whole report is built, and
  // reports diff line by line.
  out << "{\"findings\": [";
  RenderInOrder(
      input.findings,
      [](std::size_t i, const Finding& f, std::string& text) {
        text += i == 0 ? "\n" : ",\n";
        AppendFindingJson(text, f);
      },
      out);
  const Summary& s = input.summary;
  nlohmann::ordered_json summary = {
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
    summary["baseline"] = {
        {"new", s.new_failures}, {"unchanged", s.unchanged}, {"resolved", s.resolved}};
  }
  out << "\n],\n\"summary\": " << summary.dump() << "}\n";
}

}  // namespace kaohe
