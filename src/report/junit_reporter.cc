#include "src/report/junit_reporter.h"

#include <fmt/format.h>

#include <map>

#include "engine/units.h"

namespace kaohe {

// XML 1.0 allows TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF. Text that
// passed the input checks is valid UTF-8 (no surrogates), so what remains to replace is the
// other C0 controls and the noncharacters U+FFFE and U+FFFF (EF BF BE, EF BF BF): each becomes
// U+FFFD, so that the file stays well-formed and shows where something was.
std::string XmlEscape(std::string_view text) {
  constexpr std::string_view kReplacement = "\xef\xbf\xbd";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += kReplacement;
        } else if (c == '\xef' && text.compare(i + 1, 1, "\xbf") == 0 && i + 2 < text.size() &&
                   (text[i + 2] == '\xbe' || text[i + 2] == '\xbf')) {
          out += kReplacement;
          i += 2;
        } else {
          out += c;
        }
    }
  }
  return out;
}

namespace {

std::string Evidence(const Finding& f) {
  std::string out;
  if (!f.arithmetic.empty()) out += "计算：" + f.arithmetic + "\n";
  for (const Fact& e : f.evidence) {
    out +=
        fmt::format("{} {} {}：{}:{} 「{}」\n", e.key.kind == FactKind::kActual ? "实际" : "目标",
                    e.key.entity, FormatFactValue(e), e.source.file, e.source.line, e.source.quote);
  }
  for (const std::string& m : f.missing) out += "缺少：" + m + "\n";
  return out;
}

}  // namespace

void JunitReporter::Write(const ReportInput& input, std::ostream& out) const {
  // Grouped by pack through indices and headings; each finding is explained once, when written.
  std::map<std::string, std::vector<std::size_t>> by_pack;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < input.findings.size(); ++i) {
    Finding heading = input.findings.Heading(i);
    if (!by_pack.count(heading.pack)) order.push_back(heading.pack);
    by_pack[heading.pack].push_back(i);
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  int id = 0;
  for (const std::string& pack : order) {
    int failures = 0, errors = 0, skipped = 0;
    for (std::size_t i : by_pack[pack]) {
      Status status = input.findings.status(i);
      if (status == Status::kFail || status == Status::kConflict) ++failures;
      if (status == Status::kError) ++errors;
      if (status == Status::kNoData || status == Status::kWaived) ++skipped;
    }
    out << fmt::format(
        "  <testsuite name=\"{}\" package=\"kaohe\" id=\"{}\" timestamp=\"{}\" hostname=\"kaohe\" "
        "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\">\n    "
        "<properties/>\n",
        XmlEscape(pack.empty() ? "kaohe" : pack), id++, input.generated_at, by_pack[pack].size(),
        failures, errors, skipped);
    for (std::size_t i : by_pack[pack]) {
      const Finding whole = input.findings[i];
      const Finding* f = &whole;
      std::string name = f->entity.empty() ? std::string("(rule)")
                                           : fmt::format("{} {} {} {}", f->entity, f->period,
                                                         f->indicator, MeasureId(f->measure));
      out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
                         XmlEscape(f->rule), XmlEscape(name));
      std::string body = XmlEscape(Evidence(*f));
      switch (f->status) {
        case Status::kPass:
          out << "/>\n";
          continue;
        case Status::kFail:
        case Status::kConflict:
          out << fmt::format(
              ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n", XmlEscape(f->message),
              fmt::format("{}.{}", StatusId(f->status), SeverityId(f->severity)), body);
          break;
        case Status::kError:
          out << fmt::format(">\n      <error message=\"{}\" type=\"error\">{}</error>\n",
                             XmlEscape(f->message), body);
          break;
        case Status::kNoData:
        case Status::kWaived:
          out << fmt::format(">\n      <skipped message=\"{}\"/>\n", XmlEscape(f->message));
          break;
      }
      out << "    </testcase>\n";
    }
    out << "    <system-out/>\n    <system-err/>\n  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace kaohe
