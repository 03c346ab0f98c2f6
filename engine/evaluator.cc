#include "engine/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "engine/units.h"

namespace kaohe {

std::string RenderMessage(const std::string& message_template,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  const std::string& t = message_template;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 1 < t.size() && t[i + 1] == '{') {
      out += '{';
      ++i;
    } else if (t[i] == '}' && i + 1 < t.size() && t[i + 1] == '}') {
      out += '}';
      ++i;
    } else if (t[i] == '{') {
      std::size_t close = t.find('}', i);
      if (close == std::string::npos) {
        out += t.substr(i);
        break;
      }
      std::string name = t.substr(i + 1, close - i - 1);
      auto it = std::find_if(values.begin(), values.end(),
                             [&](const auto& kv) { return kv.first == name; });
      out += it != values.end() ? it->second : t.substr(i, close - i + 1);
      i = close;
    } else {
      out += t[i];
    }
  }
  return out;
}

namespace {

struct Value {
  bool boolean = false;
  bool truth = false;
  double number = 0;
  std::string unit;  // canonical unit; "" for a plain number
};

bool NearlyEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

std::string_view KindWord(FactKind kind) { return kind == FactKind::kActual ? "实际值" : "目标值"; }
std::string_view MeasureWord(Measure m) { return m == Measure::kGrowth ? "增速" : ""; }

std::string FormatFact(const Fact& f) {
  return QualifiedText(FormatQuantity(f.value, f.unit), f.qualifier);
}

std::string FormatValue(const Value& v) {
  if (v.boolean) return v.truth ? "是" : "否";
  return FormatQuantity(v.number, v.unit);
}

// One evaluation: a rule for one entity, indicator and period.
class Evaluation {
 public:
  Evaluation(const CompiledRule& rule, const FactStore& store, const Dictionary& dictionary,
             const std::string& entity, const Indicator& indicator, int period)
      : rule_(rule),
        store_(store),
        dictionary_(dictionary),
        entity_(entity),
        indicator_(indicator),
        period_(period) {}

  // Runs once: the evidence moves into the finding.
  Finding Run() {
    auto result = Eval(*rule_.check, entity_, /*top=*/true);
    Finding f;
    f.pack = rule_.pack;
    f.rule = rule_.id;
    f.rule_title = rule_.title;
    f.rule_location = rule_.where;
    f.entity = entity_;
    f.indicator = indicator_.id;
    f.measure = rule_.measure;
    f.period = period_;
    f.severity = rule_.severity;
    f.actual = own_actual_;
    f.target = own_target_;
    f.evidence = std::move(evidence_);
    f.missing = missing_;
    f.arithmetic = Join(trace_, "；");
    if (!errors_.empty()) {
      f.status = Status::kError;
      f.message = "无法评估：" + Join(errors_, "；");
    } else if (!conflicts_.empty()) {
      f.status = Status::kConflict;
      f.message = "数据冲突：" + Join(conflicts_, "；");
    } else if (!missing_.empty() || !result) {
      f.status = Status::kNoData;
      f.message = "缺少数据：" + Join(missing_, "；");
    } else {
      f.status = result->truth ? Status::kPass : Status::kFail;
      if (f.status == Status::kFail && own_target_ && own_target_->strive) {
        f.severity = Milder(f.severity);  // a 力争 target missed weighs less than a firm one
      }
      f.message = RenderMessage(rule_.message, Placeholders(f));
    }
    return f;
  }

 private:
  static std::string Join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += sep;
      out += items[i];
    }
    return out;
  }

  std::vector<std::pair<std::string, std::string>> Placeholders(const Finding& f) const {
    std::string gap;
    if (own_actual_ && own_target_ && own_actual_->unit == own_target_->unit) {
      double d = own_actual_->value - own_target_->value;
      std::string unit = own_actual_->unit == "%" ? "pp" : own_actual_->unit;
      gap = (d > 0 ? "+" : "") + FormatQuantity(d, unit);
    }
    const Entity* entity = dictionary_.FindEntity(entity_);
    return {
        {"entity", entity_},
        {"kind", entity ? std::string(EntityKindName(entity->kind)) : ""},
        {"period", std::to_string(period_)},
        {"indicator", indicator_.name},
        {"indicator_id", indicator_.id},
        {"measure", std::string(MeasureWord(rule_.measure))},
        {"actual", own_actual_ ? FormatFact(*own_actual_) : "—"},
        {"target", own_target_ ? FormatFact(*own_target_) : "—"},
        {"lhs", lhs_ ? FormatValue(*lhs_) : "—"},
        {"rhs", rhs_ ? FormatValue(*rhs_) : "—"},
        {"gap", gap},
        {"verdict", Verdict(f.status)},
        {"rule", rule_.id},
        {"status", std::string(StatusId(f.status))},
    };
  }

  std::string Verdict(Status status) const {
    if (!meets_target_used_) return status == Status::kPass ? "符合" : "不符合";
    if (status == Status::kPass) return "达到目标";
    return indicator_.direction == Direction::kHigherIsBetter ? "低于目标" : "高于目标";
  }

  void Error(std::string message) {
    if (std::find(errors_.begin(), errors_.end(), message) == errors_.end()) {
      errors_.push_back(std::move(message));
    }
  }

  void AddEvidence(const Fact& fact) {
    for (const Fact& f : evidence_) {
      if (f.key == fact.key && f.source == fact.source && f.value == fact.value) return;
    }
    evidence_.push_back(fact);
  }

  std::optional<Value> Lookup(const CompiledExpr& e, const std::string& entity, int period,
                              bool own) {
    const Indicator& indicator = e.indicator ? *e.indicator : indicator_;
    Measure measure = e.measure.value_or(rule_.measure);
    FactKey key{entity, indicator.id, measure, period, e.kind};
    std::span<const Fact> facts = store_.Find(key);
    std::string what = fmt::format("{} {} {}{}{}", entity, period, indicator.name,
                                   MeasureWord(measure), KindWord(e.kind));
    if (facts.empty()) {
      if (std::find(missing_.begin(), missing_.end(), what) == missing_.end()) {
        missing_.push_back(what);
      }
      return std::nullopt;
    }
    for (const Fact& f : facts) AddEvidence(f);
    // Sources agree when they give one value in one unit; where only some state a qualifier
    // (2000 in a table, 突破2000亿元 in the text), the qualified one is used.
    const Fact* chosen = &facts.front();
    for (const Fact& f : facts) {
      if (chosen->qualifier == Qualifier::kNone && f.qualifier != Qualifier::kNone) chosen = &f;
    }
    const Fact& first = *chosen;
    for (const Fact& other : facts) {
      bool qualifiers_clash = other.qualifier != Qualifier::kNone &&
                              first.qualifier != Qualifier::kNone &&
                              other.qualifier != first.qualifier;
      if (!NearlyEqual(other.value, first.value) || other.unit != first.unit || qualifiers_clash) {
        conflicts_.push_back(fmt::format("{}：{}（{}:{}）与 {}（{}:{}）不一致", what,
                                         FormatFact(first), first.source.file, first.source.line,
                                         FormatFact(other), other.source.file, other.source.line));
        return std::nullopt;
      }
    }
    if (own) {
      if (e.kind == FactKind::kActual && !own_actual_) own_actual_ = first;
      if (e.kind == FactKind::kTarget && !own_target_) own_target_ = first;
    }
    return Value{false, false, first.value, first.unit};
  }

  // Units of two operands of +, -, comparisons, min and max. nullopt after an error.
  std::optional<std::string> CommonUnit(const Value& a, const Value& b, const CompiledExpr& e) {
    if (a.unit.empty()) return b.unit;
    if (b.unit.empty() || a.unit == b.unit) return a.unit;
    if ((a.unit == "%" && b.unit == "pp") || (a.unit == "pp" && b.unit == "%")) return "%";
    Error(fmt::format("“{}”把{}与{}相比，需要换算", e.text, a.unit, b.unit));
    return std::nullopt;
  }

  std::optional<Value> Eval(const CompiledExpr& e, const std::string& entity, bool top) {
    switch (e.op) {
      case ExprOp::kNumber:
        return Value{false, false, e.number, e.unit};
      case ExprOp::kPeriod:
        return Value{false, false, static_cast<double>(period_), ""};
      case ExprOp::kRef: {
        int period = period_;
        if (e.period) {
          auto p = Eval(*e.period, entity, false);
          if (!p) return std::nullopt;
          if (p->number != std::floor(p->number)) {
            Error(fmt::format("“{}”的年份 {} 不是整数", e.text, FormatNumber(p->number)));
            return std::nullopt;
          }
          period = static_cast<int>(p->number);
        }
        bool own = top_level_entity(entity) && !e.indicator && !e.measure && !e.period;
        return Lookup(e, entity, period, own);
      }
      case ExprOp::kNegate: {
        auto v = Eval(*e.args[0], entity, false);
        if (v) v->number = -v->number;
        return v;
      }
      case ExprOp::kAbs: {
        auto v = Eval(*e.args[0], entity, false);
        if (v) v->number = std::fabs(v->number);
        return v;
      }
      case ExprOp::kNot: {
        auto v = Eval(*e.args[0], entity, false);
        if (v) v->truth = !v->truth;
        return v;
      }
      case ExprOp::kAnd:
      case ExprOp::kOr: {
        // Both sides are evaluated so that every missing figure is reported at once.
        auto a = Eval(*e.args[0], entity, top);
        auto b = Eval(*e.args[1], entity, top);
        if (!a || !b) return std::nullopt;
        bool truth = e.op == ExprOp::kAnd ? (a->truth && b->truth) : (a->truth || b->truth);
        return Value{true, truth, 0, ""};
      }
      case ExprOp::kAdd:
      case ExprOp::kSubtract: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        if (!a || !b) return std::nullopt;
        auto unit = CommonUnit(*a, *b, e);
        if (!unit) return std::nullopt;
        double n = e.op == ExprOp::kAdd ? a->number + b->number : a->number - b->number;
        std::string u = *unit;
        if (e.op == ExprOp::kSubtract && a->unit == "%" && b->unit == "%") u = "pp";
        return Value{false, false, n, u};
      }
      case ExprOp::kMultiply: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        if (!a || !b) return std::nullopt;
        if (a->unit == "%" && !b->unit.empty() && b->unit != "%") {
          return Value{false, false, a->number / 100.0 * b->number, b->unit};
        }
        if (b->unit == "%" && !a->unit.empty() && a->unit != "%") {
          return Value{false, false, a->number * b->number / 100.0, a->unit};
        }
        return Value{false, false, a->number * b->number, a->unit.empty() ? b->unit : a->unit};
      }
      case ExprOp::kDivide: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        if (!a || !b) return std::nullopt;
        if (b->number == 0) {
          Error(fmt::format("“{}”除以零", e.text));
          return std::nullopt;
        }
        if (!b->unit.empty() && a->unit != b->unit) {
          Error(fmt::format("“{}”把{}除以{}，需要换算", e.text, a->unit, b->unit));
          return std::nullopt;
        }
        return Value{false, false, a->number / b->number, b->unit.empty() ? a->unit : ""};
      }
      case ExprOp::kLess:
      case ExprOp::kLessEqual:
      case ExprOp::kGreater:
      case ExprOp::kGreaterEqual:
      case ExprOp::kEqual:
      case ExprOp::kNotEqual: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        if (!a || !b) return std::nullopt;
        if (!CommonUnit(*a, *b, e)) return std::nullopt;
        double x = a->number, y = b->number;
        bool eq = NearlyEqual(x, y);
        bool truth = false;
        std::string_view sign;
        switch (e.op) {
          case ExprOp::kLess:
            truth = x < y && !eq;
            sign = "<";
            break;
          case ExprOp::kLessEqual:
            truth = x < y || eq;
            sign = "≤";
            break;
          case ExprOp::kGreater:
            truth = x > y && !eq;
            sign = ">";
            break;
          case ExprOp::kGreaterEqual:
            truth = x > y || eq;
            sign = "≥";
            break;
          case ExprOp::kEqual:
            truth = eq;
            sign = "=";
            break;
          default:
            truth = !eq;
            sign = "≠";
            break;
        }
        if (top_level_entity(entity)) {
          if (!lhs_) {
            lhs_ = *a;
            rhs_ = *b;
          }
          trace_.push_back(fmt::format("{} {} {} → {}", FormatValue(*a), sign, FormatValue(*b),
                                       truth ? "是" : "否"));
        }
        return Value{true, truth, 0, ""};
      }
      case ExprOp::kMin:
      case ExprOp::kMax: {
        std::optional<Value> best;
        bool complete = true;
        for (const auto& arg : e.args) {
          auto v = Eval(*arg, entity, false);
          if (!v) {
            complete = false;
            continue;
          }
          if (!best) {
            best = v;
            continue;
          }
          auto unit = CommonUnit(*best, *v, e);
          if (!unit) return std::nullopt;
          bool better = e.op == ExprOp::kMin ? v->number < best->number : v->number > best->number;
          if (better) best = v;
          best->unit = *unit;
        }
        if (!complete) return std::nullopt;
        return best;
      }
      case ExprOp::kGrowth: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        if (!a || !b) return std::nullopt;
        if (a->unit != b->unit) {
          Error(fmt::format("“{}”的两个值单位不同（{}、{}）", e.text, a->unit, b->unit));
          return std::nullopt;
        }
        if (a->number == 0) {
          Error(fmt::format("“{}”的基数为零，无法计算增速", e.text));
          return std::nullopt;
        }
        double g = (b->number / a->number - 1.0) * 100.0;
        if (top_level_entity(entity)) {
          trace_.push_back(fmt::format("({} ÷ {} − 1) × 100% = {}", FormatValue(*b),
                                       FormatValue(*a), FormatQuantity(g, "%")));
        }
        return Value{false, false, g, "%"};
      }
      case ExprOp::kWithin: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        auto tol = Eval(*e.args[2], entity, false);
        if (!a || !b || !tol) return std::nullopt;
        if (!CommonUnit(*a, *b, e)) return std::nullopt;
        double allowed = tol->number;
        std::string allowed_text = FormatValue(*tol);
        if (tol->unit == "%") {
          // 2% means two percent of the second value, whatever its unit.
          allowed = std::fabs(b->number) * tol->number / 100.0;
          allowed_text = fmt::format("{} × {} = {}", FormatValue(*b), FormatValue(*tol),
                                     FormatQuantity(allowed, b->unit == "%" ? "pp" : b->unit));
        }
        double diff = std::fabs(a->number - b->number);
        bool truth = diff <= allowed || NearlyEqual(diff, allowed);
        std::string diff_unit = a->unit == "%" ? "pp" : a->unit;
        if (top_level_entity(entity)) {
          if (!lhs_) {
            lhs_ = *a;
            rhs_ = *b;
          }
          trace_.push_back(fmt::format("|{} − {}| = {} ≤ {} → {}", FormatValue(*a), FormatValue(*b),
                                       FormatQuantity(diff, diff_unit), allowed_text,
                                       truth ? "是" : "否"));
        }
        return Value{true, truth, 0, ""};
      }
      case ExprOp::kMeetsTarget:
        return MeetsTarget(e, entity);
      case ExprOp::kChildrenSum:
      case ExprOp::kChildrenMin:
      case ExprOp::kChildrenMax:
      case ExprOp::kChildrenCount:
        return Aggregate(e, entity);
    }
    return std::nullopt;
  }

  bool top_level_entity(const std::string& entity) const { return entity == entity_; }

  std::optional<Value> MeetsTarget(const CompiledExpr& e, const std::string& entity) {
    meets_target_used_ = true;
    CompiledExpr actual_ref;
    actual_ref.op = ExprOp::kRef;
    actual_ref.kind = FactKind::kActual;
    actual_ref.text = "actual";
    CompiledExpr target_ref;
    target_ref.op = ExprOp::kRef;
    target_ref.kind = FactKind::kTarget;
    target_ref.text = "target";
    auto a = Lookup(actual_ref, entity, period_, true);
    auto t = Lookup(target_ref, entity, period_, true);
    std::optional<Value> tolerance;
    if (e.tolerance) tolerance = Eval(*e.tolerance, entity, false);
    if (!a || !t) return std::nullopt;
    if (!CommonUnit(*a, *t, e)) return std::nullopt;
    const Fact& target = *own_target_;
    const bool growth = rule_.measure == Measure::kGrowth;
    double tol = growth ? rule_.tolerance.growth_pp : rule_.tolerance.level_percent;
    if (tolerance) tol = tolerance->number;
    double slack = growth ? tol : std::fabs(t->number) * tol / 100.0;
    std::string slack_text = FormatQuantity(slack, growth ? "pp" : t->unit);

    const bool higher = indicator_.direction == Direction::kHigherIsBetter;
    double x = a->number, y = t->number;
    bool truth = false;
    std::string rule_text;
    std::string as = FormatValue(*a), ts = FormatFact(target);
    switch (target.qualifier) {
      case Qualifier::kAtLeast:
        truth = x > y || NearlyEqual(x, y);
        rule_text = fmt::format("{} ≥ {}", as, FormatValue(*t));
        break;
      case Qualifier::kMoreThan:
        truth = x > y && !NearlyEqual(x, y);
        rule_text = fmt::format("{} > {}", as, FormatValue(*t));
        break;
      case Qualifier::kAtMost:
        truth = x < y || NearlyEqual(x, y);
        rule_text = fmt::format("{} ≤ {}", as, FormatValue(*t));
        break;
      case Qualifier::kApprox: {
        // 左右 accepts a shortfall of up to the tolerance; doing better is never a miss.
        double bound = higher ? y - slack : y + slack;
        truth =
            higher ? (x > bound || NearlyEqual(x, bound)) : (x < bound || NearlyEqual(x, bound));
        rule_text = fmt::format("{} {} {} {} {} = {}", as, higher ? "≥" : "≤", FormatValue(*t),
                                higher ? "−" : "+", slack_text, FormatQuantity(bound, t->unit));
        break;
      }
      case Qualifier::kNone:
        truth = higher ? (x > y || NearlyEqual(x, y)) : (x < y || NearlyEqual(x, y));
        rule_text = fmt::format("{} {} {}", as, higher ? "≥" : "≤", FormatValue(*t));
        break;
    }
    lhs_ = *a;
    rhs_ = *t;
    trace_.push_back(fmt::format("目标 {}：{} → {}", ts, rule_text, truth ? "是" : "否"));
    return Value{true, truth, 0, ""};
  }

  std::optional<Value> Aggregate(const CompiledExpr& e, const std::string& entity) {
    std::vector<const Entity*> children = dictionary_.Children(entity);
    if (children.empty()) {
      Error(fmt::format("{}在实体词典中没有下级", entity));
      return std::nullopt;
    }
    if (e.op == ExprOp::kChildrenCount) {
      return Value{false, false, static_cast<double>(children.size()), ""};
    }
    std::optional<Value> total;
    bool complete = true;
    std::vector<std::string> parts;
    for (const Entity* child : children) {
      auto v = Eval(*e.args[0], child->name, false);
      if (!v) {
        complete = false;
        continue;
      }
      parts.push_back(FormatQuantity(v->number, v->unit));
      if (!total) {
        total = v;
        continue;
      }
      auto unit = CommonUnit(*total, *v, e);
      if (!unit) return std::nullopt;
      if (e.op == ExprOp::kChildrenSum) total->number += v->number;
      if (e.op == ExprOp::kChildrenMin) total->number = std::min(total->number, v->number);
      if (e.op == ExprOp::kChildrenMax) total->number = std::max(total->number, v->number);
    }
    if (!complete || !total) return std::nullopt;
    if (e.op == ExprOp::kChildrenSum) {
      std::string joined;
      for (std::size_t i = 0; i < parts.size(); ++i) joined += (i ? " + " : "") + parts[i];
      trace_.push_back(fmt::format("{}：{} = {}", e.text, joined, FormatValue(*total)));
    }
    return total;
  }

  const CompiledRule& rule_;
  const FactStore& store_;
  const Dictionary& dictionary_;
  const std::string& entity_;
  const Indicator& indicator_;
  const int period_;
  std::vector<Fact> evidence_;
  std::vector<std::string> missing_;
  std::vector<std::string> conflicts_;
  std::vector<std::string> errors_;
  std::vector<std::string> trace_;
  std::optional<Fact> own_actual_;
  std::optional<Fact> own_target_;
  std::optional<Value> lhs_;
  std::optional<Value> rhs_;
  bool meets_target_used_ = false;
};

// The (indicator, measure, kind, through-children) figures a check reads for the period being
// evaluated; the periods a rule without period: covers are those these figures have.
struct CurrentRef {
  const Indicator* indicator;  // null: the rule's
  std::optional<Measure> measure;
  FactKind kind;
  bool through_children;
};

void CollectCurrentRefs(const CompiledExpr& e, bool in_aggregate, std::vector<CurrentRef>& out) {
  if (e.op == ExprOp::kRef && !e.period) {
    out.push_back({e.indicator, e.measure, e.kind, in_aggregate});
  }
  if (e.op == ExprOp::kMeetsTarget) {
    out.push_back({nullptr, std::nullopt, FactKind::kActual, false});
    out.push_back({nullptr, std::nullopt, FactKind::kTarget, false});
  }
  bool aggregate =
      e.op == ExprOp::kChildrenSum || e.op == ExprOp::kChildrenMin || e.op == ExprOp::kChildrenMax;
  for (const auto& arg : e.args) CollectCurrentRefs(*arg, in_aggregate || aggregate, out);
}

std::set<int> ImplicitPeriods(const CompiledRule& rule, const Indicator& indicator,
                              const FactStore& store, const Dictionary& dictionary) {
  std::vector<CurrentRef> refs;
  CollectCurrentRefs(*rule.check, false, refs);
  std::set<int> periods;
  for (const Entity* entity : rule.entities) {
    for (const CurrentRef& ref : refs) {
      const Indicator& ind = ref.indicator ? *ref.indicator : indicator;
      Measure m = ref.measure.value_or(rule.measure);
      std::vector<const Entity*> owners = {entity};
      if (ref.through_children) owners = dictionary.Children(entity->name);
      for (const Entity* owner : owners) {
        std::set<int> p = store.Periods(owner->name, ind.id, m, ref.kind);
        periods.insert(p.begin(), p.end());
      }
    }
  }
  return periods;
}

Finding RuleLevelFinding(const CompiledRule& rule, std::string message) {
  Finding f;
  f.pack = rule.pack;
  f.rule = rule.id;
  f.rule_title = rule.title;
  f.rule_location = rule.where;
  f.measure = rule.measure;
  f.status = Status::kError;
  f.severity = Severity::kError;
  f.message = std::move(message);
  return f;
}

}  // namespace

std::vector<Finding> Evaluate(const CompiledRuleSet& rules, const FactStore& facts,
                              const Dictionary& dictionary) {
  // Findings are large; they are sorted through their keys and moved once, into place.
  using SortKey = std::tuple<int, std::string_view, int, int, int, int, int>;
  std::vector<SortKey> keys;
  std::vector<Finding> out;
  std::map<std::string, int, std::less<>> entity_order;
  for (std::size_t i = 0; i < dictionary.entities().size(); ++i) {
    entity_order[dictionary.entities()[i].name] = static_cast<int>(i);
  }
  int rule_index = 0;
  for (std::size_t pack_index = 0; pack_index < rules.packs.size(); ++pack_index) {
    const CompiledPack& pack = rules.packs[pack_index];
    bool pack_read_anything = false;
    for (const CompiledRule& rule : pack.rules) {
      ++rule_index;
      bool read_anything = false;
      std::size_t first = out.size();
      for (std::size_t ii = 0; ii < rule.indicators.size(); ++ii) {
        const Indicator& indicator = *rule.indicators[ii];
        std::vector<int> periods = rule.periods;
        if (periods.empty()) {
          std::set<int> implicit = ImplicitPeriods(rule, indicator, facts, dictionary);
          periods.assign(implicit.begin(), implicit.end());
        }
        for (const Entity* entity : rule.entities) {
          for (int period : periods) {
            Evaluation evaluation(rule, facts, dictionary, entity->name, indicator, period);
            Finding f = evaluation.Run();
            if (!f.evidence.empty()) read_anything = true;
            keys.emplace_back(entity_order[entity->name], entity->name, rule_index,
                              static_cast<int>(ii), static_cast<int>(rule.measure), period, 0);
            out.push_back(std::move(f));
          }
        }
      }
      if (!read_anything) {
        // A misspelt scope or an indicator nobody reports must never look like a clean run.
        out.resize(first);
        keys.resize(first);
        keys.emplace_back(-1, "", rule_index, 0, 0, 0, 0);
        out.push_back(
            RuleLevelFinding(rule, fmt::format("规则 {} 在其范围内没有读到任何数据", rule.id)));
      } else {
        pack_read_anything = true;
      }
    }
    if (!pack_read_anything && !pack.rules.empty()) {
      Finding f =
          RuleLevelFinding(pack.rules.front(), fmt::format("规则包 {} 没有评估任何内容", pack.id));
      f.rule = pack.id;
      f.rule_title = pack.title;
      keys.emplace_back(-1, "", rule_index, 1, 0, 0, 0);
      out.push_back(std::move(f));
    }
  }
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&keys](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::vector<Finding> findings;
  findings.reserve(out.size());
  for (std::size_t i : order) findings.push_back(std::move(out[i]));
  return findings;
}

}  // namespace kaohe
