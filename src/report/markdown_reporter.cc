#include "src/report/markdown_reporter.h"

#include <fmt/format.h>

#include <array>
#include <map>

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
                       FormatFactValue(e), e.source.file, e.source.line, e.source.quote);
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
      std::string here = fmt::format("`{}:{}`", e.source.file, e.source.line);
      if (sources.find(here) == std::string::npos) sources += (sources.empty() ? "" : " ") + here;
    }
    std::string status = fmt::format("{} {} ({})", StatusIcon(f.status), StatusWord(f.status),
                                     SeverityId(f.severity));
    if (!f.baseline.empty()) status += " " + f.baseline;
    out << fmt::format(
        "| {} | {} | {} | {}<br>`{}` | {} |\n", status, Cell(f.entity.empty() ? "—" : f.entity),
        f.period ? std::to_string(f.period) : "", Cell(f.message), Cell(f.rule), Cell(sources));
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
    out << fmt::format("- `{}` {}{}\n", pack.id, pack.title,
                       pack.document.empty() ? "" : fmt::format("（依据 `{}`）", pack.document));
  }
  // Every finding, with the quoted sources, folded away.
  out << "\n<details><summary>全部结论与原文</summary>\n";
  const char* kHeader = "| 状态 | 年份 | 规则 | 结论 | 依据 |\n|---|---|---|---|---|\n";
  std::string current = "\x01";
  for (const Finding& f : input.findings) {
    if (f.entity != current) {
      current = f.entity;
      out << "\n### " << DescribeEntity(input.dictionary, f.entity) << "\n\n" << kHeader;
    }
    FindingRow(f, out);
  }
  out << "\n</details>\n";
}

}  // namespace kaohe
