#include "engine/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <span>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "engine/message_template.h"
#include "engine/units.h"

namespace kaohe {

std::string RenderMessage(std::string_view message_template, const PlaceholderValue& value) {
  std::string out;
  AppendMessage(SplitMessage(message_template), out,
                [&](const MessagePart& part, std::string& text) {
                  std::optional<std::string> v = value(part.text);
                  if (v) text += *v;
                  return v.has_value();
                });
  return out;
}

std::string RenderMessage(const std::string& message_template,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  return RenderMessage(std::string_view(message_template),
                       [&](std::string_view name) -> std::optional<std::string> {
                         for (const auto& [key, v] : values) {
                           if (key == name) return v;
                         }
                         return std::nullopt;
                       });
}

namespace {

struct Value {
  bool boolean = false;
  bool truth = false;
  double number = 0;
  Name unit;  // canonical unit; empty for a plain number
};

// Units the evaluator names itself, interned once.
const Name& PercentUnit() {
  static const Name unit("%");
  return unit;
}
const Name& PointsUnit() {
  static const Name unit("pp");
  return unit;
}

inline bool NearlyEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// A comparison of figures: equal within rounding counts as equal. Inline: judging decides
// nearly every verdict with it.
inline bool ComparisonHolds(ExprOp op, double x, double y) {
  bool eq = NearlyEqual(x, y);
  switch (op) {
    case ExprOp::kLess:
      return x < y && !eq;
    case ExprOp::kLessEqual:
      return x < y || eq;
    case ExprOp::kGreater:
      return x > y && !eq;
    case ExprOp::kGreaterEqual:
      return x > y || eq;
    case ExprOp::kEqual:
      return eq;
    default:
      return !eq;
  }
}

std::string_view ComparisonSign(ExprOp op) {
  switch (op) {
    case ExprOp::kLess:
      return "<";
    case ExprOp::kLessEqual:
      return "≤";
    case ExprOp::kGreater:
      return ">";
    case ExprOp::kGreaterEqual:
      return "≥";
    case ExprOp::kEqual:
      return "=";
    default:
      return "≠";
  }
}

bool IsComparison(ExprOp op) {
  return op == ExprOp::kLess || op == ExprOp::kLessEqual || op == ExprOp::kGreater ||
         op == ExprOp::kGreaterEqual || op == ExprOp::kEqual || op == ExprOp::kNotEqual;
}

std::string_view KindWord(FactKind kind) { return kind == FactKind::kActual ? "实际值" : "目标值"; }
std::string_view MeasureWord(Measure m) { return m == Measure::kGrowth ? "增速" : ""; }

void AppendValue(std::string& out, const Value& v) {
  if (v.boolean) {
    out += v.truth ? "是" : "否";
  } else {
    AppendQuantity(out, v.number, v.unit);
  }
}

std::string FormatValue(const Value& v) {
  std::string out;
  AppendValue(out, v);
  return out;
}

// A figure (a pointer or an optional) as `append` writes it, or a dash where there is none.
template <typename Figure, typename Append>
void AppendOrDash(std::string& out, const Figure& figure, Append append) {
  if (figure) {
    append(out, *figure);
  } else {
    out += "—";
  }
}

// The two checks most rules are — the rule's own actual against its own target
// (`actual >= target`) and growth within a tolerance of it (`abs(actual - target) <= 1pp`) —
// judged and explained straight from the two figures instead of by walking the expression tree.
// Anything off the plain path (several facts under one key, units that differ) goes to the
// tree; tests hold the two to the same verdicts and the same explanations over random figures.
struct FastCheck {
  enum class Shape { kNone, kCompare, kWithin };
  Shape shape = Shape::kNone;
  ExprOp op = ExprOp::kEqual;    // the comparison
  bool actual_first = true;      // whether the actual is the left operand (of the subtraction)
  double tolerance = 0;          // kWithin: in percentage points
  Name percent = PercentUnit();  // kWithin: the unit both figures must have, found once
};

bool IsOwnRef(const CompiledExpr& e) {
  return e.op == ExprOp::kRef && !e.indicator && !e.measure && !e.period && !e.strive;
}

// Two references to the rule's own figures, one actual and one target.
bool OwnPair(const CompiledExpr& a, const CompiledExpr& b) {
  return IsOwnRef(a) && IsOwnRef(b) && a.kind != b.kind;
}

FastCheck FastCheckOf(const CompiledExpr& check) {
  FastCheck fast;
  if (!IsComparison(check.op) || check.args.size() != 2) return fast;
  const CompiledExpr& left = *check.args[0];
  const CompiledExpr& right = *check.args[1];
  fast.op = check.op;
  if (OwnPair(left, right)) {
    fast.shape = FastCheck::Shape::kCompare;
    fast.actual_first = left.kind == FactKind::kActual;
  } else if (left.op == ExprOp::kAbs && left.args.size() == 1 &&
             left.args[0]->op == ExprOp::kSubtract && left.args[0]->args.size() == 2 &&
             OwnPair(*left.args[0]->args[0], *left.args[0]->args[1]) &&
             right.op == ExprOp::kNumber && right.unit == PointsUnit()) {
    fast.shape = FastCheck::Shape::kWithin;
    fast.actual_first = left.args[0]->args[0]->kind == FactKind::kActual;
    fast.tolerance = right.number;
  }
  return fast;
}

// The rule's own actual and target for a FastCheck (each empty when missing), or nullopt where
// they are off the plain path: several sources to reconcile, or units that do not fit. Always
// inlined, as the two lookups were before they were shared: judging calls it for nearly every
// evaluation (out of line it cost a third more instructions per evaluation).
// A key's targets to judge by: the firm ones (stated plainly, 确保) where there are any, else
// the strive ones (力争); `strive` asks for one kind. The store keeps each kind in one run.
std::span<const Fact> TargetsOf(std::span<const Fact> facts, std::optional<bool> strive) {
  auto split =
      std::partition_point(facts.begin(), facts.end(), [](const Fact& f) { return !f.strive; });
  std::span<const Fact> firm(facts.begin(), split), striving(split, facts.end());
  std::span<const Fact> chosen =
      strive ? (*strive ? striving : firm) : (firm.empty() ? striving : firm);
  // A range target (增长4.5%—5%) is two facts, the low end at_least and the high end at_most:
  // the target to reach is the low end.
  if (chosen.size() == 2) {
    const Fact& a = chosen[0];
    const Fact& b = chosen[1];
    if (a.qualifier == Qualifier::kAtLeast && b.qualifier == Qualifier::kAtMost &&
        a.value <= b.value && a.unit == b.unit) {
      return chosen.first(1);
    }
    if (b.qualifier == Qualifier::kAtLeast && a.qualifier == Qualifier::kAtMost &&
        b.value <= a.value && a.unit == b.unit) {
      return chosen.last(1);
    }
  }
  return chosen;
}

struct PlainFigures {
  std::span<const Fact> actual;
  std::span<const Fact> target;
};
[[gnu::always_inline]] inline std::optional<PlainFigures> FindPlainFigures(
    const FastCheck& fast, FactStore::Reader& reader, FactKey key) {
  key.kind = FactKind::kActual;
  PlainFigures figures{reader.Find(key), {}};
  key.kind = FactKind::kTarget;
  figures.target = TargetsOf(reader.Find(key), std::nullopt);
  if (figures.actual.size() > 1 || figures.target.size() > 1) return std::nullopt;
  if (!figures.actual.empty() && !figures.target.empty()) {
    const Name& a = figures.actual.front().unit;
    const Name& t = figures.target.front().unit;
    if (fast.shape == FastCheck::Shape::kCompare ? (a != t || a.empty())
                                                 : (a != fast.percent || t != fast.percent)) {
      return std::nullopt;
    }
  }
  return figures;
}

// The two numbers a FastCheck compares, `first` being the figure the check names first: the
// figures themselves, or their distance (in points) and the tolerance.
inline std::pair<double, double> PlainOperands(const FastCheck& fast, const Fact& first,
                                               const Fact& second) {
  if (fast.shape == FastCheck::Shape::kWithin) {
    return {std::fabs(first.value - second.value), fast.tolerance};
  }
  return {first.value, second.value};
}

// One evaluation: a rule for one entity, indicator and period. Judging (explain = false) decides
// only the status; explaining runs the same steps again and also writes the message, the
// arithmetic, the missing figures and the evidence. Both take every branch alike, so an
// explained finding always has the status it was judged to have.
class Evaluation {
 public:
  // `facts` reads the store; one reader serves a thread's evaluations one after another.
  Evaluation(const CompiledRule& rule, FactStore::Reader& facts, const Dictionary& dictionary,
             const Entity& entity, const Indicator& indicator, int period, bool explain)
      : rule_(rule),
        reader_(facts),
        dictionary_(dictionary),
        entity_(entity),
        indicator_(indicator),
        period_(period),
        explain_(explain) {}

  Verdict Judge() {
    Run();
    Verdict v;
    v.rule = &rule_;
    v.entity = &entity_;
    v.indicator = &indicator_;
    v.period = period_;
    v.status = status_;
    v.severity = severity_;
    v.read_anything = read_anything_;
    return v;
  }

  // Runs once, into `f`, whose strings and lists keep their room: the evidence, the missing
  // figures and the arithmetic are gathered in them directly. `fast`: the rule's check, when it
  // is one that can be explained straight from its two figures (see FastCheck).
  void Explain(Finding& f, const FastCheck* fast = nullptr) {
    evidence_.swap(f.evidence);
    evidence_.clear();
    missing_.swap(f.missing);
    missing_.clear();
    trace_.swap(f.arithmetic);
    trace_.clear();
    if (!fast || !RunPlain(*fast)) Run();
    f.pack = rule_.pack;
    f.rule = rule_.id;
    f.rule_title = rule_.title;
    f.rule_location = rule_.where;
    f.entity = entity_.name;
    f.indicator = indicator_.id;
    f.measure = rule_.measure;
    f.period = period_;
    f.status = status_;
    f.severity = severity_;
    f.actual.reset();
    f.target.reset();
    if (own_actual_) f.actual = *own_actual_;
    if (own_target_) f.target = *own_target_;
    f.evidence.swap(evidence_);
    f.missing.swap(missing_);
    f.arithmetic.swap(trace_);
    f.waiver_reason.clear();
    f.baseline.clear();
    f.message.clear();
    switch (status_) {
      case Status::kError:
        f.message = "无法评估：" + Join(errors_, "；");
        break;
      case Status::kConflict:
        f.message = "数据冲突：" + Join(conflicts_, "；");
        break;
      case Status::kNoData:
        f.message = "缺少数据：" + Join(f.missing, "；");
        break;
      default:
        AppendMessage(rule_.message_parts, f.message,
                      [&](const MessagePart& part, std::string& text) {
                        if (part.known) AppendPlaceholder(text, *part.known, f.status);
                        return part.known.has_value();
                      });
        break;
    }
  }

 private:
  void Run() {
    auto result = Eval(*rule_.check, entity_.name, /*top=*/true);
    severity_ = rule_.severity;
    if (has_error_) {
      status_ = Status::kError;
    } else if (has_conflict_) {
      status_ = Status::kConflict;
    } else if (has_missing_ || !result) {
      status_ = Status::kNoData;
    } else {
      status_ = result->truth ? Status::kPass : Status::kFail;
      if (status_ == Status::kFail && own_target_ && own_target_->strive) {
        severity_ = Milder(severity_);  // a 力争 target missed weighs less than a firm one
      }
    }
  }

  // What Run reaches for a FastCheck's shape, found from the two figures alone: the same
  // evidence and missing figures in the order the tree reads them, the same arithmetic, the same
  // operands for {lhs} and {rhs}. False, having changed nothing, where the figures are off the
  // plain path (several sources to reconcile, units that do not fit): the tree then runs.
  bool RunPlain(const FastCheck& fast) {
    auto figures = FindPlainFigures(
        fast, reader_, {entity_.name, indicator_.id, rule_.measure, period_, FactKind::kActual});
    if (!figures) return false;
    severity_ = rule_.severity;
    // The operands in the order the check names them: each found is evidence, each missing is
    // named.
    auto read = [&](std::span<const Fact> facts, FactKind kind) -> const Fact* {
      if (facts.empty()) {
        has_missing_ = true;
        missing_.push_back(fmt::format("{} {} {}{}{}", entity_.name, period_, indicator_.name,
                                       MeasureWord(rule_.measure), KindWord(kind)));
        return nullptr;
      }
      AddEvidence(facts.front());
      return &facts.front();
    };
    const Fact* first = fast.actual_first ? read(figures->actual, FactKind::kActual)
                                          : read(figures->target, FactKind::kTarget);
    const Fact* second = fast.actual_first ? read(figures->target, FactKind::kTarget)
                                           : read(figures->actual, FactKind::kActual);
    own_actual_ = figures->actual.empty() ? nullptr : &figures->actual.front();
    own_target_ = figures->target.empty() ? nullptr : &figures->target.front();
    if (!first || !second) {
      status_ = Status::kNoData;
      return true;
    }
    const auto [x, y] = PlainOperands(fast, *first, *second);
    const bool within = fast.shape == FastCheck::Shape::kWithin;
    lhs_ = Value{false, false, x, within ? PointsUnit() : first->unit};
    rhs_ = Value{false, false, y, within ? PointsUnit() : second->unit};
    const bool truth = ComparisonHolds(fast.op, x, y);
    StartStep();
    AppendValue(trace_, *lhs_);
    trace_ += ' ';
    trace_ += ComparisonSign(fast.op);
    trace_ += ' ';
    AppendValue(trace_, *rhs_);
    trace_ += truth ? " → 是" : " → 否";
    status_ = truth ? Status::kPass : Status::kFail;
    if (status_ == Status::kFail && own_target_->strive) severity_ = Milder(severity_);
    return true;
  }

  void StartStep() {
    if (!trace_.empty()) trace_ += "；";
  }
  void AddStep(std::string_view step) {
    StartStep();
    trace_ += step;
  }

  static std::string Join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += sep;
      out += items[i];
    }
    return out;
  }

  // The value of one message placeholder; only those a template names are ever formatted.
  void AppendPlaceholder(std::string& out, Placeholder placeholder, Status status) const {
    switch (placeholder) {
      case Placeholder::kEntity:
        out += entity_.name.view();
        return;
      case Placeholder::kKind:
        out += EntityKindName(entity_.kind);
        return;
      case Placeholder::kPeriod: {
        char digits[16];
        out.append(digits, std::to_chars(digits, digits + sizeof digits, period_).ptr);
        return;
      }
      case Placeholder::kIndicator:
        out += indicator_.name;
        return;
      case Placeholder::kIndicatorId:
        out += indicator_.id.view();
        return;
      case Placeholder::kMeasure:
        out += MeasureWord(rule_.measure);
        return;
      case Placeholder::kActual:
        AppendOrDash(out, own_actual_, AppendFactValue);
        return;
      case Placeholder::kTarget:
        AppendOrDash(out, own_target_, AppendFactValue);
        return;
      case Placeholder::kLhs:
        AppendOrDash(out, lhs_, AppendValue);
        return;
      case Placeholder::kRhs:
        AppendOrDash(out, rhs_, AppendValue);
        return;
      case Placeholder::kGap: {
        if (!own_actual_ || !own_target_ || own_actual_->unit != own_target_->unit) return;
        double d = own_actual_->value - own_target_->value;
        std::string_view unit =
            own_actual_->unit == PercentUnit() ? "pp" : own_actual_->unit.view();
        if (d > 0) out += '+';
        AppendQuantity(out, d, unit);
        return;
      }
      case Placeholder::kVerdict:
        out += VerdictWord(status);
        return;
      case Placeholder::kRule:
        out += rule_.id.view();
        return;
      case Placeholder::kStatus:
        out += StatusId(status);
        return;
    }
  }

  std::string_view VerdictWord(Status status) const {
    if (!meets_target_used_) return status == Status::kPass ? "符合" : "不符合";
    if (status == Status::kPass) return "达到目标";
    return indicator_.direction == Direction::kHigherIsBetter ? "低于目标" : "高于目标";
  }

  // Errors are rare (a rule that cannot be evaluated), so their text is always written.
  void Error(std::string message) {
    has_error_ = true;
    if (std::find(errors_.begin(), errors_.end(), message) == errors_.end()) {
      errors_.push_back(std::move(message));
    }
  }

  void AddEvidence(const Fact& fact) {
    read_anything_ = true;
    if (!explain_) return;
    for (const Fact& f : evidence_) {
      if (f.key == fact.key && f.source == fact.source && f.value == fact.value) return;
    }
    evidence_.push_back(fact);
  }

  std::optional<Value> Lookup(const CompiledExpr& e, const Name& entity, int period, bool own) {
    const Indicator& indicator = e.indicator ? *e.indicator : indicator_;
    Measure measure = e.measure.value_or(rule_.measure);
    FactKey key{entity, indicator.id, measure, period, e.kind};
    std::span<const Fact> facts = reader_.Find(key);
    if (e.kind == FactKind::kTarget) facts = TargetsOf(facts, e.strive);
    auto what = [&] {
      return fmt::format("{} {} {}{}{}", entity, period, indicator.name, MeasureWord(measure),
                         KindWord(e.kind));
    };
    if (facts.empty()) {
      has_missing_ = true;
      if (explain_) {
        std::string missing = what();
        if (std::find(missing_.begin(), missing_.end(), missing) == missing_.end()) {
          missing_.push_back(std::move(missing));
        }
      }
      return std::nullopt;
    }
    for (const Fact& f : facts) AddEvidence(f);
    if (facts.size() == 1) return Chosen(e, facts.front(), own);  // nothing to agree with
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
        has_conflict_ = true;
        if (explain_) {
          conflicts_.push_back(fmt::format("{}：{}（{}:{}）与 {}（{}:{}）不一致", what(),
                                           FormatFactValue(first), first.source.file,
                                           first.source.line, FormatFactValue(other),
                                           other.source.file, other.source.line));
        }
        return std::nullopt;
      }
    }
    return Chosen(e, first, own);
  }

  Value Chosen(const CompiledExpr& e, const Fact& fact, bool own) {
    if (own) {
      if (e.kind == FactKind::kActual && !own_actual_) own_actual_ = &fact;
      if (e.kind == FactKind::kTarget && !own_target_) own_target_ = &fact;
    }
    return Value{false, false, fact.value, fact.unit};
  }

  // Units of two operands of +, -, comparisons, min and max. nullopt after an error.
  std::optional<Name> CommonUnit(const Value& a, const Value& b, const CompiledExpr& e) {
    if (a.unit.empty()) return b.unit;
    if (b.unit.empty() || a.unit == b.unit) return a.unit;
    if ((a.unit == PercentUnit() && b.unit == PointsUnit()) ||
        (a.unit == PointsUnit() && b.unit == PercentUnit())) {
      return PercentUnit();
    }
    Error(fmt::format("“{}”把{}与{}相比，需要换算", e.text, a.unit, b.unit));
    return std::nullopt;
  }

  std::optional<Value> Eval(const CompiledExpr& e, const Name& entity, bool top) {
    switch (e.op) {
      case ExprOp::kNumber:
        return Value{false, false, e.number, e.unit};
      case ExprOp::kPeriod:
        return Value{false, false, static_cast<double>(period_), Name()};
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
        return Value{true, truth, 0, Name()};
      }
      case ExprOp::kAdd:
      case ExprOp::kSubtract: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        if (!a || !b) return std::nullopt;
        auto unit = CommonUnit(*a, *b, e);
        if (!unit) return std::nullopt;
        double n = e.op == ExprOp::kAdd ? a->number + b->number : a->number - b->number;
        Name u = *unit;
        if (e.op == ExprOp::kSubtract && a->unit == PercentUnit() && b->unit == PercentUnit()) {
          u = PointsUnit();
        }
        return Value{false, false, n, u};
      }
      case ExprOp::kMultiply: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        if (!a || !b) return std::nullopt;
        if (a->unit == PercentUnit() && !b->unit.empty() && b->unit != PercentUnit()) {
          return Value{false, false, a->number / 100.0 * b->number, b->unit};
        }
        if (b->unit == PercentUnit() && !a->unit.empty() && a->unit != PercentUnit()) {
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
        return Value{false, false, a->number / b->number, b->unit.empty() ? a->unit : Name()};
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
        bool truth = ComparisonHolds(e.op, x, y);
        std::string_view sign = ComparisonSign(e.op);
        if (explain_ && top_level_entity(entity)) {
          if (!lhs_) {
            lhs_ = *a;
            rhs_ = *b;
          }
          // Appended, not formatted: this is written for nearly every finding of a report.
          StartStep();
          trace_ += FormatValue(*a);
          trace_ += ' ';
          trace_ += sign;
          trace_ += ' ';
          trace_ += FormatValue(*b);
          trace_ += truth ? " → 是" : " → 否";
        }
        return Value{true, truth, 0, Name()};
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
        if (explain_ && top_level_entity(entity)) {
          AddStep(fmt::format("({} ÷ {} − 1) × 100% = {}", FormatValue(*b), FormatValue(*a),
                              FormatQuantity(g, "%")));
        }
        return Value{false, false, g, PercentUnit()};
      }
      case ExprOp::kWithin: {
        auto a = Eval(*e.args[0], entity, false);
        auto b = Eval(*e.args[1], entity, false);
        auto tol = Eval(*e.args[2], entity, false);
        if (!a || !b || !tol) return std::nullopt;
        if (!CommonUnit(*a, *b, e)) return std::nullopt;
        double allowed = tol->number;
        if (tol->unit == PercentUnit()) {
          // 2% means two percent of the second value, whatever its unit.
          allowed = std::fabs(b->number) * tol->number / 100.0;
        }
        double diff = std::fabs(a->number - b->number);
        bool truth = diff <= allowed || NearlyEqual(diff, allowed);
        if (explain_ && top_level_entity(entity)) {
          std::string allowed_text = FormatValue(*tol);
          if (tol->unit == PercentUnit()) {
            allowed_text =
                fmt::format("{} × {} = {}", FormatValue(*b), FormatValue(*tol),
                            FormatQuantity(allowed, b->unit == PercentUnit() ? "pp" : b->unit));
          }
          std::string_view diff_unit = a->unit == PercentUnit() ? "pp" : a->unit.view();
          if (!lhs_) {
            lhs_ = *a;
            rhs_ = *b;
          }
          AddStep(fmt::format("|{} − {}| = {} ≤ {} → {}", FormatValue(*a), FormatValue(*b),
                              FormatQuantity(diff, diff_unit), allowed_text, truth ? "是" : "否"));
        }
        return Value{true, truth, 0, Name()};
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

  bool top_level_entity(const Name& entity) const { return entity == entity_.name; }

  static const CompiledExpr& OwnRef(FactKind kind) {
    static const CompiledExpr* const refs[2] = {MakeOwnRef(FactKind::kActual, "actual"),
                                                MakeOwnRef(FactKind::kTarget, "target")};
    return *refs[kind == FactKind::kActual ? 0 : 1];
  }
  static const CompiledExpr* MakeOwnRef(FactKind kind, const char* text) {
    auto* ref = new CompiledExpr();
    ref->op = ExprOp::kRef;
    ref->kind = kind;
    ref->text = text;
    return ref;
  }

  std::optional<Value> MeetsTarget(const CompiledExpr& e, const Name& entity) {
    meets_target_used_ = true;
    auto a = Lookup(OwnRef(FactKind::kActual), entity, period_, true);
    auto t = Lookup(OwnRef(FactKind::kTarget), entity, period_, true);
    std::optional<Value> tolerance;
    if (e.tolerance) tolerance = Eval(*e.tolerance, entity, false);
    if (!a || !t) return std::nullopt;
    if (!CommonUnit(*a, *t, e)) return std::nullopt;
    const Fact& target = *own_target_;
    const bool growth = rule_.measure == Measure::kGrowth;
    double tol = growth ? rule_.tolerance.growth_pp : rule_.tolerance.level_percent;
    if (tolerance) tol = tolerance->number;
    double slack = growth ? tol : std::fabs(t->number) * tol / 100.0;

    const bool higher = indicator_.direction == Direction::kHigherIsBetter;
    double x = a->number, y = t->number;
    double bound = higher ? y - slack : y + slack;
    bool truth = false;
    switch (target.qualifier) {
      case Qualifier::kAtLeast:
        truth = x > y || NearlyEqual(x, y);
        break;
      case Qualifier::kMoreThan:
        truth = x > y && !NearlyEqual(x, y);
        break;
      case Qualifier::kAtMost:
        truth = x < y || NearlyEqual(x, y);
        break;
      case Qualifier::kApprox:
        // 左右 accepts a shortfall of up to the tolerance; doing better is never a miss.
        truth =
            higher ? (x > bound || NearlyEqual(x, bound)) : (x < bound || NearlyEqual(x, bound));
        break;
      case Qualifier::kNone:
        truth = higher ? (x > y || NearlyEqual(x, y)) : (x < y || NearlyEqual(x, y));
        break;
    }
    if (explain_) {
      std::string as = FormatValue(*a), ts = FormatValue(*t);
      std::string rule_text;
      switch (target.qualifier) {
        case Qualifier::kAtLeast:
          rule_text = fmt::format("{} ≥ {}", as, ts);
          break;
        case Qualifier::kMoreThan:
          rule_text = fmt::format("{} > {}", as, ts);
          break;
        case Qualifier::kAtMost:
          rule_text = fmt::format("{} ≤ {}", as, ts);
          break;
        case Qualifier::kApprox:
          rule_text =
              fmt::format("{} {} {} {} {} = {}", as, higher ? "≥" : "≤", ts, higher ? "−" : "+",
                          FormatQuantity(slack, growth ? "pp" : t->unit.view()),
                          FormatQuantity(bound, t->unit));
          break;
        case Qualifier::kNone:
          rule_text = fmt::format("{} {} {}", as, higher ? "≥" : "≤", ts);
          break;
      }
      lhs_ = *a;
      rhs_ = *t;
      AddStep(
          fmt::format("目标 {}：{} → {}", FormatFactValue(target), rule_text, truth ? "是" : "否"));
    }
    return Value{true, truth, 0, Name()};
  }

  std::optional<Value> Aggregate(const CompiledExpr& e, const Name& entity) {
    std::vector<const Entity*> children = dictionary_.Children(entity);
    if (children.empty()) {
      Error(fmt::format("{}在实体词典中没有下级", entity));
      return std::nullopt;
    }
    if (e.op == ExprOp::kChildrenCount) {
      return Value{false, false, static_cast<double>(children.size()), Name()};
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
      if (explain_) parts.push_back(FormatQuantity(v->number, v->unit));
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
    if (explain_ && e.op == ExprOp::kChildrenSum) {
      std::string joined;
      for (std::size_t i = 0; i < parts.size(); ++i) joined += (i ? " + " : "") + parts[i];
      AddStep(fmt::format("{}：{} = {}", e.text, joined, FormatValue(*total)));
    }
    return total;
  }

  const CompiledRule& rule_;
  FactStore::Reader& reader_;
  const Dictionary& dictionary_;
  const Entity& entity_;
  const Indicator& indicator_;
  const int period_;
  const bool explain_;
  Status status_ = Status::kError;
  Severity severity_ = Severity::kError;
  bool has_error_ = false;
  bool has_conflict_ = false;
  bool has_missing_ = false;
  bool read_anything_ = false;
  std::vector<Fact> evidence_;
  std::vector<std::string> missing_;
  std::vector<std::string> conflicts_;
  std::vector<std::string> errors_;
  std::string trace_;                 // the arithmetic: its steps joined by "；"
  const Fact* own_actual_ = nullptr;  // in the store
  const Fact* own_target_ = nullptr;
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

void ExplainInto(const Verdict& verdict, const FactStore& facts, const Dictionary& dictionary,
                 Finding& out) {
  // Kept by the thread: a reporter explains an entity's findings one after another.
  thread_local FactStore::Reader reader;
  reader.Use(facts);
  const FastCheck fast = verdict.rule->check ? FastCheckOf(*verdict.rule->check) : FastCheck();
  Evaluation(*verdict.rule, reader, dictionary, *verdict.entity, *verdict.indicator, verdict.period,
             /*explain=*/true)
      .Explain(out, fast.shape == FastCheck::Shape::kNone ? nullptr : &fast);
}

Finding ExplainByTree(const Verdict& verdict, const FactStore& facts,
                      const Dictionary& dictionary) {
  FactStore::Reader reader(facts);
  Finding f;
  Evaluation(*verdict.rule, reader, dictionary, *verdict.entity, *verdict.indicator, verdict.period,
             /*explain=*/true)
      .Explain(f);
  return f;
}

Finding Explain(const Verdict& verdict, const FactStore& facts, const Dictionary& dictionary) {
  Finding f;
  ExplainInto(verdict, facts, dictionary, f);
  return f;
}

namespace {

// The verdict, or nullopt where the figures are off the plain path.
std::optional<Verdict> FastJudge(const FastCheck& fast, const CompiledRule& rule,
                                 FactStore::Reader& reader, const Entity& entity,
                                 const Indicator& indicator, int period) {
  auto figures = FindPlainFigures(
      fast, reader, {entity.name, indicator.id, rule.measure, period, FactKind::kActual});
  if (!figures) return std::nullopt;
  Verdict v;
  v.rule = &rule;
  v.entity = &entity;
  v.indicator = &indicator;
  v.period = period;
  v.severity = rule.severity;
  v.read_anything = !figures->actual.empty() || !figures->target.empty();
  if (figures->actual.empty() || figures->target.empty()) {
    v.status = Status::kNoData;
    return v;
  }
  const Fact& a = figures->actual.front();
  const Fact& t = figures->target.front();
  const auto [x, y] = fast.actual_first ? PlainOperands(fast, a, t) : PlainOperands(fast, t, a);
  v.status = ComparisonHolds(fast.op, x, y) ? Status::kPass : Status::kFail;
  if (v.status == Status::kFail && t.strive) v.severity = Milder(v.severity);
  return v;
}

}  // namespace

bool JudgedDirectly(const CompiledRule& rule) {
  return rule.check && FastCheckOf(*rule.check).shape != FastCheck::Shape::kNone;
}

FindingList Judge(const CompiledRuleSet& rules, const FactStore& facts,
                  const Dictionary& dictionary, unsigned threads) {
  // Every evaluation is listed first, in the order findings are reported — by entity in the
  // dictionary's order, then rule, indicator and period — then judged on all threads at once:
  // each writes only its own verdict, and the store and dictionary are only read. Judging in
  // that order reads each entity's facts together instead of sweeping them once per rule.
  struct RulePlan {
    const CompiledRule* rule;
    std::vector<std::vector<int>> periods;  // per indicator, ascending
    FastCheck fast;
  };
  std::vector<RulePlan> plans;  // in pack and rule order
  for (const CompiledPack& pack : rules.packs) {
    for (const CompiledRule& rule : pack.rules) {
      RulePlan plan{&rule, {}, rule.check ? FastCheckOf(*rule.check) : FastCheck()};
      for (const Indicator* indicator : rule.indicators) {
        std::vector<int> periods = rule.periods;
        if (periods.empty()) {
          std::set<int> implicit = ImplicitPeriods(rule, *indicator, facts, dictionary);
          periods.assign(implicit.begin(), implicit.end());
        }
        std::stable_sort(periods.begin(), periods.end());
        plan.periods.push_back(std::move(periods));
      }
      plans.push_back(std::move(plan));
    }
  }
  // The plans of each entity, in rule order, as one list cut by entity (a national check has
  // hundreds of thousands of entries: one list, not a vector per entity).
  const std::size_t entity_count = dictionary.entities().size();
  std::vector<std::size_t> plans_begin(entity_count + 1, 0);
  for (const RulePlan& plan : plans) {
    for (const Entity* entity : plan.rule->entities) ++plans_begin[entity->position + 1];
  }
  for (std::size_t e = 0; e < entity_count; ++e) plans_begin[e + 1] += plans_begin[e];
  std::vector<std::uint32_t> plans_of_entities(plans_begin[entity_count]);
  {
    std::vector<std::size_t> next(plans_begin.begin(), plans_begin.end() - 1);
    for (std::uint32_t p = 0; p < plans.size(); ++p) {
      for (const Entity* entity : plans[p].rule->entities) {
        plans_of_entities[next[entity->position]++] = p;
      }
    }
  }
  auto plans_of_entity = [&](std::size_t e) {
    return std::span<const std::uint32_t>(plans_of_entities.data() + plans_begin[e],
                                          plans_begin[e + 1] - plans_begin[e]);
  };
  // Each entity's evaluations are counted first, so that every thread lists and judges its own
  // run of entities straight into their places: one pass, each verdict written while its facts
  // are in cache, and the listing shared between the threads like the judging.
  std::vector<std::size_t> evaluations_of_plan(plans.size(), 0);
  for (std::size_t p = 0; p < plans.size(); ++p) {
    for (const std::vector<int>& periods : plans[p].periods) {
      evaluations_of_plan[p] += periods.size();
    }
  }
  std::vector<std::size_t> first_of_entity(entity_count + 1, 0);
  for (std::size_t e = 0; e < entity_count; ++e) {
    std::size_t n = 0;
    for (std::uint32_t p : plans_of_entity(e)) n += evaluations_of_plan[p];
    first_of_entity[e + 1] = first_of_entity[e] + n;
  }
  const std::size_t evaluations = first_of_entity[entity_count];
  LargeVector<Verdict> sorted;
  // Room too for a finding about each rule and pack that reads nothing (see below).
  sorted.reserve(evaluations + plans.size() + rules.packs.size());
  sorted.resize(evaluations);

  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Below this many evaluations a second thread costs more than it saves.
  constexpr std::size_t kPerThread = 4096;
  threads = static_cast<unsigned>(
      std::min<std::size_t>(threads, std::max<std::size_t>(1, evaluations / kPerThread)));
  // Which plans read any figure, per thread, joined after.
  std::vector<std::vector<char>> read_by_thread(threads, std::vector<char>(plans.size(), 0));
  auto judge_entities = [&](std::size_t begin, std::size_t end, std::vector<char>& read) {
    FactStore::Reader reader(facts);
    for (std::size_t e = begin; e < end; ++e) {
      const Entity& entity = dictionary.entities()[e];
      std::size_t i = first_of_entity[e];
      for (std::uint32_t p : plans_of_entity(e)) {
        const RulePlan& plan = plans[p];
        for (std::size_t ii = 0; ii < plan.rule->indicators.size(); ++ii) {
          for (int period : plan.periods[ii]) {
            const Indicator& indicator = *plan.rule->indicators[ii];
            std::optional<Verdict> fast;
            if (plan.fast.shape != FastCheck::Shape::kNone) {
              fast = FastJudge(plan.fast, *plan.rule, reader, entity, indicator, period);
            }
            Verdict v = fast ? *fast
                             : Evaluation(*plan.rule, reader, dictionary, entity, indicator, period,
                                          /*explain=*/false)
                                   .Judge();
            if (v.read_anything) read[p] = 1;
            sorted[i++] = v;
          }
        }
      }
    }
  };
  if (threads <= 1) {
    judge_entities(0, entity_count, read_by_thread[0]);
  } else {
    // Entity runs of about equal numbers of evaluations.
    std::vector<std::thread> workers;
    std::size_t begin = 0;
    for (unsigned t = 0; t < threads; ++t) {
      std::size_t target = evaluations * (t + 1) / threads;
      std::size_t end =
          t + 1 == threads
              ? entity_count
              : static_cast<std::size_t>(
                    std::lower_bound(first_of_entity.begin() + static_cast<std::ptrdiff_t>(begin),
                                     first_of_entity.end() - 1, target) -
                    first_of_entity.begin());
      workers.emplace_back(judge_entities, begin, end, std::ref(read_by_thread[t]));
      begin = end;
    }
    for (std::thread& w : workers) w.join();
  }
  std::vector<std::uint32_t>().swap(plans_of_entities);

  // A misspelt scope or an indicator nobody reports must never look like a clean run: a rule
  // that read nothing gives one finding about itself instead of its no_data verdicts. These come
  // first, in rule order (they have no entity).
  std::vector<bool> plan_read(plans.size(), false);
  for (const std::vector<char>& read : read_by_thread) {
    for (std::size_t p = 0; p < plans.size(); ++p) {
      if (read[p]) plan_read[p] = true;
    }
  }
  std::vector<Finding> whole;
  std::size_t plan_index = 0;
  for (const CompiledPack& pack : rules.packs) {
    bool pack_read_anything = false;
    for (std::size_t r = 0; r < pack.rules.size(); ++r, ++plan_index) {
      if (plan_read[plan_index]) {
        pack_read_anything = true;
        continue;
      }
      const CompiledRule& rule = *plans[plan_index].rule;
      whole.push_back(
          RuleLevelFinding(rule, fmt::format("规则 {} 在其范围内没有读到任何数据", rule.id)));
    }
    if (!pack_read_anything && !pack.rules.empty()) {
      Finding f =
          RuleLevelFinding(pack.rules.front(), fmt::format("规则包 {} 没有评估任何内容", pack.id));
      f.rule = pack.id;
      f.rule_title = pack.title;
      whole.push_back(std::move(f));
    }
  }
  // The verdicts become the list in place — the unread plans' dropped, the whole findings put
  // in front by the list within the room reserved for them — so that a national check's tens
  // of megabytes of verdicts are never held twice.
  if (std::find(plan_read.begin(), plan_read.end(), false) != plan_read.end()) {
    std::unordered_map<const CompiledRule*, bool> rule_read;
    for (std::size_t p = 0; p < plans.size(); ++p) rule_read[plans[p].rule] = plan_read[p];
    std::size_t kept = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      if (rule_read[sorted[i].rule]) sorted[kept++] = sorted[i];
    }
    sorted.resize(kept);
  }
  return FindingList(std::move(whole), std::move(sorted),
                     [&facts, &dictionary](const Verdict& v, Finding& out) {
                       ExplainInto(v, facts, dictionary, out);
                     });
}

std::vector<Finding> Evaluate(const CompiledRuleSet& rules, const FactStore& facts,
                              const Dictionary& dictionary) {
  return Judge(rules, facts, dictionary).ToVector();
}

}  // namespace kaohe
