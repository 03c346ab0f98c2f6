// Compiled rules: names resolved against the dictionary, checks parsed and unit-checked.
// Immutable once built and safe to share between threads. They point into the Dictionary
// they were compiled against, which must outlive them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/dictionary.h"
#include "engine/fact.h"
#include "engine/finding.h"
#include "engine/message_template.h"
#include "engine/source.h"

namespace kaohe {

enum class ExprOp {
  kNumber,
  kPeriod,  // the period being evaluated
  kRef,     // actual(...) / target(...)
  kNegate,
  kNot,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kEqual,
  kNotEqual,
  kAnd,
  kOr,
  kAbs,
  kMin,
  kMax,
  kGrowth,       // growth(previous, current) in percent
  kWithin,       // within(a, b, tolerance)
  kMeetsTarget,  // the rule's actual against its target, by qualifier and direction
  kChildrenSum,  // sum(children, expr)
  kChildrenMin,
  kChildrenMax,
  kChildrenCount,
};

struct CompiledExpr {
  ExprOp op = ExprOp::kNumber;
  std::string text;  // the source text of this node, for traces
  // kNumber: the value in canonical units; unit "" for a plain number.
  double number = 0;
  Name unit;
  // kRef: which figure. A null indicator or empty measure means the rule's own.
  FactKind kind = FactKind::kActual;
  const Indicator* indicator = nullptr;
  std::optional<Measure> measure;
  std::unique_ptr<CompiledExpr> period;  // kRef: null means the period being evaluated
  // kRef of a target: strive=true reads only 力争 targets, strive=false only firm ones; unset,
  // the firm ones where the key has any, else the strive ones.
  std::optional<bool> strive;
  std::unique_ptr<CompiledExpr> tolerance;  // kMeetsTarget: null means the pack's
  std::vector<std::unique_ptr<CompiledExpr>> args;
};

// How far 左右 lets a figure fall short of its target.
struct Tolerance {
  double growth_pp = 0.5;      // percentage points, for growth
  double level_percent = 1.0;  // percent of the target, for levels
};

struct CompiledRule {
  Name pack;  // Names, because every finding of the rule repeats them
  Name id;
  Name title;
  std::string description;
  SourceLocation where;
  std::vector<const Entity*> entities;       // in dictionary order
  std::vector<const Indicator*> indicators;  // in the order the rule lists them
  Measure measure = Measure::kLevel;
  std::vector<int> periods;  // empty: every period the data have for the scope
  std::string check_text;
  std::unique_ptr<CompiledExpr> check;
  Severity severity = Severity::kError;
  std::string message;                     // template; see RenderMessage
  std::vector<MessagePart> message_parts;  // the template, split
  Tolerance tolerance;
  bool waivable = true;  // false: no waiver may cover its findings
};

struct CompiledPack {
  std::string id;
  std::string title;
  std::string document;
  std::string file;
  SourceLocation where;
  Tolerance tolerance;
  std::vector<CompiledRule> rules;
};

struct CompiledRuleSet {
  std::vector<CompiledPack> packs;
  std::size_t rule_count() const;
};

}  // namespace kaohe
