#include "src/report/console_reporter.h"

#include <fmt/format.h>

#include "engine/line_safe.h"
#include "engine/units.h"

namespace kaohe {

std::string Truncate(std::string_view text, int max_code_points) {
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (count == max_code_points) return std::string(text.substr(0, i)) + "…";
      ++count;
    }
  }
  return std::string(text);
}

namespace {

std::string_view StatusColor(Status status) {
  switch (status) {
    case Status::kPass:
      return "\033[32m";
    case Status::kFail:
      return "\033[31m";
    case Status::kNoData:
      return "\033[33m";
    case Status::kConflict:
      return "\033[35m";
    case Status::kError:
      return "\033[1;31m";
    case Status::kWaived:
      return "\033[36m";
  }
  return "";
}

std::string_view StatusMark(Status status) {
  switch (status) {
    case Status::kPass:
      return "✓";
    case Status::kFail:
      return "✗";
    case Status::kNoData:
      return "?";
    case Status::kConflict:
      return "≠";
    case Status::kError:
      return "!";
    case Status::kWaived:
      return "~";
  }
  return "!";
}

// LineSafe text without a copy when it needs no escape (most do not: the console writes every
// finding). Lives as a temporary within one expression.
class Safe {
 public:
  explicit Safe(std::string_view text) : view_(text) {
    if (!IsLineSafe(text)) {
      owned_ = LineSafe(text);
      view_ = owned_;
    }
  }
  Safe(const Safe&) = delete;
  Safe& operator=(const Safe&) = delete;
  std::string_view view() const { return view_; }

 private:
  std::string owned_;
  std::string_view view_;
};

std::ostream& operator<<(std::ostream& out, const Safe& text) { return out << text.view(); }

}  // namespace

// Every text below that comes from input data (names, titles, messages, quotes, file names)
// goes through LineSafe: the console report is read in terminals and CI logs.
void ConsoleReporter::Write(const ReportInput& input, std::ostream& out) const {
  auto paint = [&](std::string_view color, const std::string& text) {
    return color_ ? std::string(color) + text + "\033[0m" : text;
  };
  std::string current_entity = "\x01";
  for (const Finding& f : input.findings) {
    if (f.entity != current_entity) {
      current_entity = f.entity;
      out << "\n"
          << paint("\033[1m",
                   LineSafe(DescribeEntity(input.dictionary, f.entity), LinePosition::kStart))
          << "\n";
    }
    std::string status = fmt::format("{} {}", StatusMark(f.status), StatusWord(f.status));
    out << "  " << paint(StatusColor(f.status), status) << "  " << Safe(f.message);
    if (f.status == Status::kFail || f.status == Status::kConflict || f.status == Status::kError) {
      out << "  [" << SeverityId(f.severity) << "]";
    }
    out << "\n";
    out << "      规则 " << Safe(f.rule);
    if (!f.rule_title.empty()) out << "（" << Safe(f.rule_title) << "）";
    out << "\n";
    if (!f.arithmetic.empty()) out << "      计算 " << Safe(f.arithmetic) << "\n";
    if (!f.waiver_reason.empty()) out << "      豁免 " << Safe(f.waiver_reason) << "\n";
    if (!f.baseline.empty()) out << "      基线 " << Safe(f.baseline) << "\n";
    for (const Fact& e : f.evidence) {
      out << fmt::format(
          "      {}{} {} {}:{}  「{}」\n", FactKindId(e.key.kind) == "actual" ? "实际" : "目标",
          e.key.entity == f.entity ? "" : "（" + LineSafe(e.key.entity) + "）", FormatFactValue(e),
          Safe(e.source.file).view(), e.source.line, Safe(Truncate(e.source.quote, 60)).view());
    }
  }
  const Summary& s = input.summary;
  out << "\n"
      << fmt::format(
             "{} 条结论：达标 {}，未达标 {}，缺数据 {}，数据冲突 {}，错误 {}，已豁免 {}（{} "
             "个实体，"
             "{} 条规则）\n",
             s.total, s.pass, s.fail, s.no_data, s.conflict, s.error, s.waived, s.entities,
             s.rules);
}

}  // namespace kaohe
