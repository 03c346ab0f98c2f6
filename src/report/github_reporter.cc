#include "src/report/github_reporter.h"

#include <fmt/format.h>

#include "engine/line_safe.h"

namespace kaohe {
namespace {

// Workflow command escaping: data escapes %, CR and LF; properties also : and ,.
std::string EscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void GithubReporter::Write(const ReportInput& input, std::ostream& out) const {
  for (const Finding& f : input.findings) {
    if (f.status != Status::kFail && f.status != Status::kConflict && f.status != Status::kError) {
      continue;
    }
    std::string_view command = f.status == Status::kError || f.severity == Severity::kError
                                   ? "error"
                               : f.severity == Severity::kWarning ? "warning"
                                                                  : "notice";
    const Fact* judged = JudgedFact(f);
    std::string file = judged ? judged->source.file.str() : f.rule_location.file.str();
    int line = judged ? judged->source.line : f.rule_location.line;
    // A finding with no known place is annotated on the run itself: "file=,line=0" annotates
    // nothing.
    std::string properties;
    if (!file.empty()) {
      properties += "file=" + EscapeProperty(LineSafe(file)) + ",";
      if (line > 0) properties += fmt::format("line={},", line);
    }
    // The annotation's text and properties are shown in the log too: no terminal escapes from
    // input in them.
    std::string message = LineSafe(f.message);
    if (!f.arithmetic.empty()) message += "\n" + LineSafe(f.arithmetic);
    out << fmt::format("::{} {}title={}::{}\n", command, properties,
                       EscapeProperty(LineSafe("kaohe " + f.rule)), EscapeData(message));
  }
  const Summary& s = input.summary;
  out << fmt::format(
      "kaohe: {} findings: {} pass, {} fail, {} no_data, {} conflict, {} error, {} "
      "waived\n",
      s.total, s.pass, s.fail, s.no_data, s.conflict, s.error, s.waived);
}

}  // namespace kaohe
