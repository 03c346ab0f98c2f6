#include "src/report/markdown_reporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>

#include "engine/line_safe.h"
#include "engine/units.h"

namespace kaohe {
namespace {

// Input text in a GitHub-flavoured Markdown table cell or inline text: it shows as the text it is
// and forms no markup. Line breaks become <br> (a CR ends a line too, which would end the table
// row); other controls show as escapes (LineSafe); '<', '>' and '&' become entities (no raw HTML,
// no "<!--" hiding the rest of the page); backslash escapes keep '|' in its cell and '\\', '`',
// '[', ']', '!', '*', '_' and '~' from forming code spans, links, images or emphasis; '@' is
// followed by U+200B so that it mentions no one.
// The ASCII bytes Cell copies as they are: printable, and no Markdown or HTML special.
constexpr std::array<bool, 128> kPlainAscii = [] {
  std::array<bool, 128> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[c] = true;
  for (char c : std::string_view("<>&@|\\`[]!*_~")) plain[static_cast<unsigned char>(c)] = false;
  return plain;
}();

// Whether Cell(text) is text itself (UTF-8 beyond ASCII is LineSafe's to judge).
bool IsPlainCell(std::string_view text) {
  bool ascii = true;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      ascii = false;
    } else if (!kPlainAscii[byte]) {
      return false;
    }
  }
  return ascii || IsLineSafe(text);
}

void AppendCell(std::string& out, std::string_view text) {
  if (IsPlainCell(text)) {
    out.append(text);
    return;
  }
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    const std::size_t line_end = std::min(text.find_first_of("\r\n", line_start), text.size());
    for (char c : LineSafe(text.substr(line_start, line_end - line_start))) {
      switch (c) {
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '&':
          out += "&amp;";
          break;
        case '@':
          out += "@\u200b";
          break;
        case '|':
        case '\\':
        case '`':
        case '[':
        case ']':
        case '!':
        case '*':
        case '_':
        case '~':
          out += '\\';
          out += c;
          break;
        default:
          out += c;
      }
    }
    if (line_end == text.size()) break;
    out += "<br>";
    // CR LF is one line break.
    line_start = line_end + (text.compare(line_end, 2, "\r\n") == 0 ? 2 : 1);
  }
}

std::string Cell(std::string_view text) {
  std::string out;
  AppendCell(out, text);
  return out;
}

// Input text in a line of its own inside the <details> block (a heading, a list item): as a cell,
// and a leading '#', '>', '-' or '+', which could start another block there, escaped.
std::string Heading(std::string_view text) {
  std::string out = Cell(text);
  if (!out.empty() && std::string_view("#>-+").find(out.front()) != std::string::npos) {
    out.insert(0, 1, '\\');
  }
  return out;
}

// Input text as a code span in a table cell: a fence of one backtick more than the longest run of
// backticks inside, padded when the text starts or ends with one. Inside a code span nothing is
// markup, so only what ends the span, the cell or the line needs care: '|' is escaped (GitHub
// unescapes it inside code spans), controls and line breaks show as escapes (LineSafe).
std::string CodeSpan(std::string_view text);

// "`file:line`", a code span, appended.
void AppendSource(std::string& out, std::string_view file, int line) {
  if (file.find_first_of("|`") == std::string_view::npos && IsLineSafe(file)) {
    fmt::format_to(std::back_inserter(out), "`{}:{}`", file, line);
  } else {
    out += CodeSpan(fmt::format("{}:{}", file, line));
  }
}

std::string CodeSpan(std::string_view text) {
  if (text.find_first_of("|`") == std::string_view::npos && IsLineSafe(text)) {
    return fmt::format("`{}`", text);
  }
  std::string code;
  for (char c : LineSafe(text)) {
    if (c == '|') code += '\\';
    code += c;
  }
  std::size_t longest = 0, run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !code.empty() && (code.front() == '`' || code.back() == '`');
  return fence + (pad ? " " : "") + code + (pad ? " " : "") + fence;
}

std::string_view StatusIcon(Status status) {
  switch (status) {
    case Status::kPass:
      return "✅";
    case Status::kFail:
      return "❌";
    case Status::kNoData:
      return "⚪";
    case Status::kConflict:
      return "⚠️";
    case Status::kError:
      return "⛔";
    case Status::kWaived:
      return "🔕";
  }
  return "";
}

std::string Evidence(const Finding& f) {
  std::string out;
  for (const Fact& e : f.evidence) {
    if (!out.empty()) out += "<br>";
    out += e.key.kind == FactKind::kActual ? "实际" : "目标";
    if (e.key.entity != f.entity) {
      out += "（";
      AppendCell(out, e.key.entity);
      out += "）";
    }
    out += ' ';
    AppendCell(out, FormatFactValue(e));
    out += "：";
    AppendSource(out, e.source.file, e.source.line);
    out += " 「";
    AppendCell(out, e.source.quote);
    out += "」";
  }
  return out;
}

void FindingRow(const Finding& f, std::ostream& out) {
  std::string status = fmt::format("{} {}", StatusIcon(f.status), StatusWord(f.status));
  if (f.status == Status::kFail || f.status == Status::kConflict) {
    status += fmt::format(" ({})", SeverityId(f.severity));
  }
  std::string conclusion = Cell(f.message);
  if (!f.arithmetic.empty()) conclusion += "<br>计算：" + Cell(f.arithmetic);
  if (!f.waiver_reason.empty()) conclusion += "<br>豁免：" + Cell(f.waiver_reason);
  if (!f.baseline.empty()) conclusion += "<br>基线：" + Cell(f.baseline);
  out << "| " << status << " | " << (f.period ? std::to_string(f.period) : "") << " | "
      << CodeSpan(f.rule) << " | " << conclusion << " | " << Evidence(f) << " |\n";
}

}  // namespace

void MarkdownReporter::Write(const ReportInput& input, std::ostream& out) const {
  const Summary& s = input.summary;
  out << "# 考核结果\n\n";
  out << "| 达标 | 未达标 | 缺数据 | 数据冲突 | 错误 | 已豁免 |\n|---:|---:|---:|---:|---:|---:|\n";
  out << fmt::format("| {} | {} | {} | {} | {} | {} |\n\n", s.pass, s.fail, s.no_data, s.conflict,
                     s.error, s.waived);
  out << fmt::format("{} 个实体，{} 条规则，{} 条结论", s.entities, s.rules, s.total);
  if (s.baseline_given) {
    out << fmt::format("；对照基线：新增 {}，未变 {}，已解决 {}", s.new_failures, s.unchanged,
                       s.resolved);
  }
  out << "。\n\n";
  // Failures first, short enough for a pull-request comment: the source as file:line.
  bool any_failing = false;
  for (const Finding& f : input.findings) {
    if (f.status != Status::kFail && f.status != Status::kConflict && f.status != Status::kError) {
      continue;
    }
    if (!any_failing) {
      out << "## 需要关注\n\n| 状态 | 实体 | 年份 | 结论 | 来源 |\n|---|---|---|---|---|\n";
    }
    any_failing = true;
    std::string sources;
    for (const Fact& e : f.evidence) {
      std::string here;
      AppendSource(here, e.source.file, e.source.line);
      if (sources.find(here) == std::string::npos) sources += (sources.empty() ? "" : " ") + here;
    }
    std::string status = fmt::format("{} {} ({})", StatusIcon(f.status), StatusWord(f.status),
                                     SeverityId(f.severity));
    if (!f.baseline.empty()) status += " " + Cell(f.baseline);
    out << fmt::format(
        "| {} | {} | {} | {}<br>{} | {} |\n", status, Cell(f.entity.empty() ? "—" : f.entity),
        f.period ? std::to_string(f.period) : "", Cell(f.message), CodeSpan(f.rule), sources);
  }
  if (!any_failing) out << "没有未达标、冲突或错误的结论。\n";
  // Counts per entity.
  out << "\n## 各实体\n\n| 实体 | 达标 | 未达标 | 缺数据 | 数据冲突 | 错误 | 已豁免 |\n"
         "|---|---:|---:|---:|---:|---:|---:|\n";
  std::vector<std::string> order;
  std::map<std::string, std::array<int, 6>> counts;
  for (const Finding& f : input.findings) {
    if (!counts.count(f.entity)) order.push_back(f.entity);
    ++counts[f.entity][static_cast<std::size_t>(f.status)];
  }
  for (const std::string& entity : order) {
    const auto& c = counts[entity];
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n",
                       Cell(DescribeEntity(input.dictionary, entity)), c[0], c[1], c[2], c[3], c[4],
                       c[5]);
  }
  out << "\n规则包：\n\n";
  for (const CompiledPack& pack : input.rules.packs) {
    out << fmt::format(
        "- {} {}{}\n", CodeSpan(pack.id), Heading(pack.title),
        pack.document.empty() ? "" : fmt::format("（依据 {}）", CodeSpan(pack.document)));
  }
  // Every finding, with the quoted sources, folded away.
  out << "\n<details><summary>全部结论与原文</summary>\n";
  const char* kHeader = "| 状态 | 年份 | 规则 | 结论 | 依据 |\n|---|---|---|---|---|\n";
  std::string current = "\x01";
  for (const Finding& f : input.findings) {
    if (f.entity != current) {
      current = f.entity;
      out << "\n### " << Heading(DescribeEntity(input.dictionary, f.entity)) << "\n\n" << kHeader;
    }
    FindingRow(f, out);
  }
  out << "\n</details>\n";
}

}  // namespace kaohe
