#include "src/report/junit_reporter.h"

#include <fmt/format.h>

#include <map>

#include "engine/units.h"

namespace kaohe {

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
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
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out += c;
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
                    e.key.entity, QualifiedText(FormatQuantity(e.value, e.unit), e.qualifier),
                    e.source.file, e.source.line, e.source.quote);
  }
  for (const std::string& m : f.missing) out += "缺少：" + m + "\n";
  return out;
}

}  // namespace

void JunitReporter::Write(const ReportInput& input, std::ostream& out) const {
  std::map<std::string, std::vector<const Finding*>> by_pack;
  std::vector<std::string> order;
  for (const Finding& f : input.findings) {
    if (!by_pack.count(f.pack)) order.push_back(f.pack);
    by_pack[f.pack].push_back(&f);
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  int id = 0;
  for (const std::string& pack : order) {
    int failures = 0, errors = 0, skipped = 0;
    for (const Finding* f : by_pack[pack]) {
      if (f->status == Status::kFail || f->status == Status::kConflict) ++failures;
      if (f->status == Status::kError) ++errors;
      if (f->status == Status::kNoData || f->status == Status::kWaived) ++skipped;
    }
    out << fmt::format(
        "  <testsuite name=\"{}\" package=\"kaohe\" id=\"{}\" timestamp=\"{}\" hostname=\"kaohe\" "
        "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\">\n    "
        "<properties/>\n",
        XmlEscape(pack.empty() ? "kaohe" : pack), id++, input.generated_at, by_pack[pack].size(),
        failures, errors, skipped);
    for (const Finding* f : by_pack[pack]) {
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
