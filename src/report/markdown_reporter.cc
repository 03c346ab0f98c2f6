#include "src/report/markdown_reporter.h"

#include <fmt/format.h>

#include "engine/units.h"

namespace kaohe {
namespace {

std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
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
    out += fmt::format("{}{} {}：`{}:{}` 「{}」", e.key.kind == FactKind::kActual ? "实际" : "目标",
                       e.key.entity == f.entity ? "" : "（" + e.key.entity + "）",
                       QualifiedText(FormatQuantity(e.value, e.unit), e.qualifier), e.source.file,
                       e.source.line, e.source.quote);
  }
  return Cell(out);
}

void FindingRow(const Finding& f, std::ostream& out) {
  std::string status = fmt::format("{} {}", StatusIcon(f.status), StatusWord(f.status));
  if (f.status == Status::kFail || f.status == Status::kConflict) {
    status += fmt::format(" ({})", SeverityId(f.severity));
  }
  std::string conclusion = f.message;
  if (!f.arithmetic.empty()) conclusion += "<br>计算：" + f.arithmetic;
  if (!f.waiver_reason.empty()) conclusion += "<br>豁免：" + f.waiver_reason;
  if (!f.baseline.empty()) conclusion += "<br>基线：" + f.baseline;
  out << "| " << status << " | " << (f.period ? std::to_string(f.period) : "") << " | `" << f.rule
      << "` | " << Cell(conclusion) << " | " << Evidence(f) << " |\n";
}

}  // namespace

void MarkdownReporter::Write(const ReportInput& input, std::ostream& out) const {
  const Summary& s = input.summary;
  out << "# 考核结果\n\n";
  out << fmt::format("{} 个实体，{} 条规则，{} 条结论。\n\n", s.entities, s.rules, s.total);
  out << "| 达标 | 未达标 | 缺数据 | 数据冲突 | 错误 |\n|---:|---:|---:|---:|---:|\n";
  out << fmt::format("| {} | {} | {} | {} | {} |\n\n", s.pass, s.fail, s.no_data, s.conflict,
                     s.error);
  out << "规则包：\n\n";
  for (const CompiledPack& pack : input.rules.packs) {
    out << fmt::format("- `{}` {}{}\n", pack.id, pack.title,
                       pack.document.empty() ? "" : fmt::format("（依据 `{}`）", pack.document));
  }
  out << "\n";
  const char* kHeader = "| 状态 | 年份 | 规则 | 结论 | 依据 |\n|---|---|---|---|---|\n";
  bool any_failing = false;
  for (const Finding& f : input.findings) {
    if (f.status == Status::kFail || f.status == Status::kConflict || f.status == Status::kError) {
      if (!any_failing) {
        out << "## 需要关注\n\n| 实体 | 状态 | 年份 | 规则 | 结论 | 依据 |\n"
               "|---|---|---|---|---|---|\n";
      }
      any_failing = true;
      out << "| " << Cell(f.entity.empty() ? "—" : f.entity) << " ";
      FindingRow(f, out);
    }
  }
  if (any_failing) out << "\n";
  std::string current = "\x01";
  for (const Finding& f : input.findings) {
    if (f.entity != current) {
      current = f.entity;
      out << "\n## " << DescribeEntity(input.dictionary, f.entity) << "\n\n" << kHeader;
    }
    FindingRow(f, out);
  }
}

}  // namespace kaohe
