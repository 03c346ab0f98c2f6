#include "src/cli/catalog_commands.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/evaluator.h"
#include "engine/line_safe.h"
#include "engine/suggest.h"
#include "engine/units.h"
#include "src/report/reporter.h"

namespace kaohe {
namespace {

const CompiledRule* FindRule(const CompiledRuleSet& rules, const std::string& id,
                             const CompiledPack** pack_out) {
  for (const CompiledPack& pack : rules.packs) {
    for (const CompiledRule& rule : pack.rules) {
      if (rule.id == id) {
        *pack_out = &pack;
        return &rule;
      }
    }
  }
  return nullptr;
}

std::string Scope(const CompiledRule& rule) {
  std::string out;
  for (std::size_t i = 0; i < rule.entities.size(); ++i) {
    if (i == 6) return out + fmt::format(" 等 {} 个", rule.entities.size());
    out += (i ? "、" : "") + rule.entities[i]->name;
  }
  return out;
}

std::string Indicators(const CompiledRule& rule) {
  std::string out;
  for (std::size_t i = 0; i < rule.indicators.size(); ++i) {
    out +=
        fmt::format("{}{}（{}）", i ? "、" : "", rule.indicators[i]->name, rule.indicators[i]->id);
  }
  return out;
}

std::string Periods(const CompiledRule& rule) {
  if (rule.periods.empty()) return "数据所有的年份";
  std::string out;
  for (int p : rule.periods) out += (out.empty() ? "" : "、") + std::to_string(p);
  return out;
}

std::string ToleranceText(const CompiledRule& rule) {
  return fmt::format("左右：增速差 {} 个百分点以内，总量差目标的 {}% 以内",
                     FormatNumber(rule.tolerance.growth_pp),
                     FormatNumber(rule.tolerance.level_percent));
}

}  // namespace

int RunExplain(const CompiledRuleSet& rules, const FactStore& facts, const Dictionary& dictionary,
               const std::string& rule_id, const std::string& entity_name,
               std::optional<int> period, Console& console) {
  const CompiledPack* pack = nullptr;
  const CompiledRule* rule = FindRule(rules, rule_id, &pack);
  if (!rule) {
    std::vector<std::string> ids;
    for (const CompiledPack& p : rules.packs) {
      for (const CompiledRule& r : p.rules) ids.push_back(r.id);
    }
    console.err << ErrorLine(
        fmt::format("no rule '{}'{}", Shorten(rule_id, 240), DidYouMeanSuffix(rule_id, ids)));
    return kExitUsage;
  }
  const Entity* entity = dictionary.FindEntity(entity_name);
  if (!entity) {
    console.err << ErrorLine(fmt::format("no entity '{}'{}", Shorten(entity_name, 240),
                                         DidYouMeanSuffix(entity_name, dictionary.EntityWords())));
    return kExitUsage;
  }
  auto& out = console.out;
  out << fmt::format("规则 {}（{}）\n", LineSafe(rule->id), LineSafe(rule->title));
  out << fmt::format("  规则包 {}  {}:{}\n", LineSafe(pack->id), LineSafe(rule->where.file),
                     rule->where.line);
  out << fmt::format("  范围   {}\n", LineSafe(Scope(*rule)));
  out << fmt::format("  指标   {}；{}\n", LineSafe(Indicators(*rule)),
                     rule->measure == Measure::kGrowth ? "增速" : "总量");
  out << fmt::format("  年份   {}\n", Periods(*rule));
  out << fmt::format("  检查   {}\n", LineSafe(rule->check_text));
  out << fmt::format("  严重性 {}{}\n", SeverityId(rule->severity),
                     rule->waivable ? "" : "（不可豁免）");
  out << fmt::format("  容差   {}\n", ToleranceText(*rule));
  if (std::find(rule->entities.begin(), rule->entities.end(), entity) == rule->entities.end()) {
    out << fmt::format("\n{} 不在此规则的范围内。\n", LineSafe(entity->name, LinePosition::kStart));
    return kExitOk;
  }
  // Evaluating the whole set keeps the explanation identical to what check reports.
  std::vector<Finding> findings = Evaluate(rules, facts, dictionary);
  int shown = 0;
  for (const Finding& f : findings) {
    if (f.rule != rule->id || f.entity != entity->name || (period && f.period != *period)) continue;
    ++shown;
    const Indicator* indicator = dictionary.FindIndicator(f.indicator);
    out << fmt::format("\n{} {} {}{}：\n", LineSafe(f.entity, LinePosition::kStart), f.period,
                       LineSafe(indicator ? indicator->name : f.indicator.str()),
                       f.measure == Measure::kGrowth ? "增速" : "");
    for (const Fact& e : f.evidence) {
      out << fmt::format(
          "  读取 {}{} {}{} ← {}:{} 「{}」\n", e.key.kind == FactKind::kActual ? "实际" : "目标",
          e.key.entity == f.entity ? "" : "（" + LineSafe(e.key.entity) + "）", FormatFactValue(e),
          e.preliminary ? "（预计）"
          : e.strive    ? "（力争）"
                        : "",
          LineSafe(e.source.file.str()), e.source.line, LineSafe(e.source.quote));
    }
    for (const std::string& m : f.missing) out << "  缺少 " << LineSafe(m) << "\n";
    if (!f.arithmetic.empty()) out << "  计算 " << LineSafe(f.arithmetic) << "\n";
    out << fmt::format("  结果 {} ({})：{}\n", StatusWord(f.status), SeverityId(f.severity),
                       LineSafe(f.message));
    if (f.target && f.target->strive && f.status == Status::kFail) {
      out << "  目标为力争目标，严重性降低一级\n";
    }
  }
  if (shown == 0)
    out << fmt::format("\n{} 没有此规则的结论{}。\n", LineSafe(entity->name, LinePosition::kStart),
                       period ? fmt::format("（{} 年）", *period) : "");
  return kExitOk;
}

std::string RuleCatalogue(const CompiledRuleSet& rules, const Dictionary& dictionary) {
  (void)dictionary;
  std::string out = "# 规则目录\n\n";
  out += fmt::format("{} 个规则包，{} 条规则。\n", rules.packs.size(), rules.rule_count());
  for (const CompiledPack& pack : rules.packs) {
    out += fmt::format("\n## {}（`{}`）\n\n", pack.title.empty() ? pack.id : pack.title, pack.id);
    out += fmt::format("- 文件：`{}`\n", pack.file);
    if (!pack.document.empty()) out += fmt::format("- 依据：`{}`\n", pack.document);
    out += fmt::format("- 容差：增速 {} 个百分点，总量 {}%\n\n",
                       FormatNumber(pack.tolerance.growth_pp),
                       FormatNumber(pack.tolerance.level_percent));
    for (const CompiledRule& rule : pack.rules) {
      out += fmt::format("### `{}` {}\n\n", rule.id, rule.title);
      if (!rule.description.empty()) out += rule.description + "\n\n";
      out += "| | |\n|---|---|\n";
      out += fmt::format("| 范围 | {} |\n", Scope(rule));
      out += fmt::format("| 指标 | {} |\n", Indicators(rule));
      out += fmt::format("| 度量 | {} |\n", rule.measure == Measure::kGrowth ? "增速" : "总量");
      out += fmt::format("| 年份 | {} |\n", Periods(rule));
      std::string check = rule.check_text;
      for (std::size_t at = check.find('|'); at != std::string::npos;
           at = check.find('|', at + 2)) {
        check.replace(at, 1, "\\|");
      }
      out += fmt::format("| 检查 | `{}` |\n", check);
      out += fmt::format("| 严重性 | {}{} |\n", SeverityId(rule.severity),
                         rule.waivable ? "" : "，不可豁免");
      out += fmt::format("| 定义 | `{}:{}` |\n\n", rule.where.file, rule.where.line);
    }
  }
  return out;
}

}  // namespace kaohe
