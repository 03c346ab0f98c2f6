#include "engine/rule_compiler.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/expr_parser.h"
#include "engine/suggest.h"
#include "engine/units.h"

namespace kaohe {

std::size_t CompiledRuleSet::rule_count() const {
  std::size_t n = 0;
  for (const CompiledPack& p : packs) n += p.rules.size();
  return n;
}

const std::vector<std::string>& MessagePlaceholders() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (int i = 0; i < kPlaceholderCount; ++i) {
      names.emplace_back(PlaceholderName(static_cast<Placeholder>(i)));
    }
    return names;
  }();
  return kNames;
}

namespace {

// The type of an expression: a truth value, or a quantity of some dimension. A bare number
// literal (`0`) takes the dimension of what it meets.
struct ExprType {
  bool boolean = false;
  Dimension dimension = Dimension::kNumber;
  bool plain_literal = false;
};

std::string DescribeDimension(Dimension d) {
  switch (d) {
    case Dimension::kNumber:
      return "a plain number";
    case Dimension::kCurrency:
      return "元 (an amount)";
    case Dimension::kEnterprises:
      return "家 (a count of enterprises)";
    case Dimension::kItems:
      return "个 (a count)";
    case Dimension::kPersons:
      return "人 (a count of people)";
    case Dimension::kPersonTimes:
      return "人次";
    case Dimension::kArea:
      return "亩 (an area)";
    case Dimension::kMass:
      return "吨 (a mass)";
    case Dimension::kVolume:
      return "立方米 (a volume)";
    case Dimension::kPower:
      return "千瓦 (power)";
    case Dimension::kEnergy:
      return "千瓦时 (energy)";
    case Dimension::kLength:
      return "公里 (a length)";
    case Dimension::kPercent:
      return "% (a growth rate or share)";
    case Dimension::kPercentagePoints:
      return "percentage points";
  }
  return "a number";
}

std::string DescribeType(const ExprType& t) {
  return t.boolean ? "a truth value" : DescribeDimension(t.dimension);
}

struct FunctionInfo {
  std::string_view name;
  std::string_view usage;
};
constexpr FunctionInfo kFunctions[] = {
    {"actual", "actual or actual(indicator=…, measure=…, period=…)"},
    {"target", "target or target(indicator=…, measure=…, period=…, strive=…)"},
    {"abs", "abs(x)"},
    {"min", "min(a, b, …) or min(children, x)"},
    {"max", "max(a, b, …) or max(children, x)"},
    {"sum", "sum(children, x)"},
    {"count", "count(children)"},
    {"growth", "growth(previous, current)"},
    {"within", "within(a, b, tolerance)"},
    {"meets_target", "meets_target or meets_target(tolerance=…)"},
};

std::vector<std::string> FunctionNames() {
  std::vector<std::string> names;
  for (const FunctionInfo& f : kFunctions) names.emplace_back(f.name);
  names.emplace_back("period");
  names.emplace_back("children");
  return names;
}

class RuleCompiler {
 public:
  RuleCompiler(const Dictionary& dictionary, Diagnostics& diagnostics)
      : dictionary_(dictionary), diagnostics_(diagnostics) {}

  std::optional<CompiledPack> CompilePack(const PackAst& ast) {
    CompiledPack pack;
    pack.id = ast.id.value;
    pack.title = ast.title;
    pack.document = ast.document;
    pack.file = ast.file;
    pack.where = ast.id.where;
    int errors_before = diagnostics_.error_count();
    if (!ast.tolerance.growth.value.empty()) {
      auto v = ParseTolerance(ast.tolerance.growth, "pp");
      if (v) pack.tolerance.growth_pp = *v;
    }
    if (!ast.tolerance.level.value.empty()) {
      auto v = ParseTolerance(ast.tolerance.level, "%");
      if (v) pack.tolerance.level_percent = *v;
    }
    if (ast.rules.empty() && ast.id.where.known()) {
      diagnostics_.Error("R001", ast.id.where,
                         fmt::format("pack {} has no rules: it would evaluate nothing", pack.id));
    }
    for (const RuleAst& rule_ast : ast.rules) {
      if (!seen_rule_ids_.insert(rule_ast.id.value).second && !rule_ast.id.value.empty()) {
        diagnostics_.Error("R002", rule_ast.id.where,
                           fmt::format("rule id '{}' is used twice", rule_ast.id.value));
        continue;
      }
      auto rule = CompileRule(rule_ast, pack);
      if (rule) pack.rules.push_back(std::move(*rule));
    }
    if (diagnostics_.error_count() > errors_before) return std::nullopt;
    return pack;
  }

 private:
  std::optional<double> ParseTolerance(const Located<std::string>& text, std::string_view unit) {
    std::vector<ExprParseError> errors;
    auto node = ParseExpression(text.value, errors);
    if (node && node->kind == ExprNode::Kind::kNumber) {
      auto scaled = ParseUnit(node->unit);
      if (scaled && scaled->unit.name == unit) return node->number;
    }
    diagnostics_.Error("R003", text.where,
                       fmt::format("tolerance '{}' must be a number in {} (e.g. 0.5{})", text.value,
                                   unit == "pp" ? "percentage points" : "percent", unit));
    return std::nullopt;
  }

  std::optional<CompiledRule> CompileRule(const RuleAst& ast, const CompiledPack& pack) {
    int errors_before = diagnostics_.error_count();
    CompiledRule rule;
    rule.pack = pack.id;
    rule.id = ast.id.value;
    rule.title = ast.title;
    rule.description = ast.description;
    rule.where = ast.where;
    rule.tolerance = pack.tolerance;
    rule.waivable = ast.waivable;

    ResolveScope(ast, rule);
    for (const Located<std::string>& name : ast.indicators) {
      const Indicator* indicator = dictionary_.FindIndicator(name.value);
      if (!indicator) {
        diagnostics_.Error("R004", name.where,
                           fmt::format("unknown indicator '{}'{}", name.value,
                                       DidYouMeanSuffix(name.value, dictionary_.IndicatorWords())));
        continue;
      }
      rule.indicators.push_back(indicator);
    }
    if (!ast.measure.value.empty()) {
      auto measure = MeasureFromId(ast.measure.value);
      if (!measure) {
        diagnostics_.Error(
            "R005", ast.measure.where,
            fmt::format("measure must be level or growth, not '{}'{}", ast.measure.value,
                        DidYouMeanSuffix(ast.measure.value, {"level", "growth"})));
      } else {
        rule.measure = *measure;
        for (const Indicator* indicator : rule.indicators) {
          if (!indicator->HasMeasure(rule.measure)) {
            diagnostics_.Error(
                "R005", ast.measure.where,
                fmt::format("indicator {} has no {}", indicator->id, ast.measure.value));
          }
        }
      }
    }
    std::set<int> periods;
    for (const Located<int>& p : ast.periods) {
      if (p.value < 1900 || p.value > 2200) {
        diagnostics_.Error("R010", p.where, fmt::format("{} is not a plausible year", p.value));
      }
      periods.insert(p.value);
    }
    rule.periods.assign(periods.begin(), periods.end());

    auto severity = SeverityFromId(ast.severity.value);
    if (!severity) {
      diagnostics_.Error(
          "R006", ast.severity.where,
          fmt::format("severity must be error, warning or info, not '{}'{}", ast.severity.value,
                      DidYouMeanSuffix(ast.severity.value, {"error", "warning", "info"})));
    } else {
      rule.severity = *severity;
    }
    rule.message = ast.message.value.empty() ? kDefaultMessage : ast.message.value;
    rule.message_parts = SplitMessage(rule.message);
    CheckMessage(ast.message);

    if (ast.check.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      // An empty check would evaluate nothing: refuse it rather than let it pass.
      // A missing check key was reported by the loader; an empty one is reported here.
      if (ast.check.where.known() || !ast.where.known()) {
        diagnostics_.Error("E001", ast.check.where.known() ? ast.check.where : ast.where,
                           "the check is empty");
      }
    } else {
      check_ = &ast.check;
      rule.check_text = ast.check.text;
      std::vector<ExprParseError> errors;
      auto tree = ParseExpression(ast.check.text, errors);
      for (const ExprParseError& e : errors) {
        diagnostics_.Error("E001", At(e.offset), e.message);
      }
      if (tree) {
        aggregates_ = 0;
        rule.check = Resolve(*tree, /*in_aggregate=*/false);
        if (rule.check) {
          for (const Indicator* indicator : rule.indicators) {
            auto type = TypeOf(*rule.check, *tree, *indicator, rule.measure);
            if (type && !type->boolean) {
              Report(*tree, "E003",
                     fmt::format("a check must be true or false, but this is {}",
                                 DescribeType(*type)));
            }
            if (diagnostics_.error_count() > errors_before) break;  // one indicator's worth
          }
          if (rule.periods.empty() && !HasOwnCurrentPeriodRef(*rule.check)) {
            diagnostics_.Error("R011", ast.check.where,
                               "this check reads no figure of the period being evaluated: give "
                               "the rule a period:");
          }
        }
      }
      check_ = nullptr;
    }
    if (diagnostics_.error_count() > errors_before) return std::nullopt;
    return rule;
  }

  // Entities by name or alias; unknown names are reported (R007) and left out.
  std::vector<const Entity*> ResolveEntities(const std::vector<Located<std::string>>& names) {
    std::vector<const Entity*> out;
    for (const Located<std::string>& name : names) {
      const Entity* e = dictionary_.FindEntity(name.value);
      if (!e) {
        diagnostics_.Error("R007", name.where,
                           fmt::format("unknown entity '{}'{}", name.value,
                                       DidYouMeanSuffix(name.value, dictionary_.EntityWords())));
      } else {
        out.push_back(e);
      }
    }
    return out;
  }

  void ResolveScope(const RuleAst& ast, CompiledRule& rule) {
    const ScopeAst& scope = ast.scope;
    std::vector<const Entity*> named = ResolveEntities(scope.entities);
    std::vector<EntityKind> kinds;
    for (const Located<std::string>& k : scope.kinds) {
      auto kind = EntityKindFromId(k.value);
      if (!kind) {
        diagnostics_.Error("R008", k.where,
                           fmt::format("unknown entity kind '{}'{}", k.value,
                                       DidYouMeanSuffix(k.value, EntityKindIds())));
      } else {
        kinds.push_back(*kind);
      }
    }
    std::vector<const Entity*> parents = ResolveEntities(scope.parents);
    if (named.size() != scope.entities.size() || kinds.size() != scope.kinds.size() ||
        parents.size() != scope.parents.size()) {
      return;  // already reported; an empty scope here would only add noise
    }
    for (const Entity& entity : dictionary_.entities()) {
      if (!scope.entities.empty() &&
          std::find(named.begin(), named.end(), &entity) == named.end()) {
        continue;
      }
      if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), entity.kind) == kinds.end()) {
        continue;
      }
      bool within = parents.empty();
      for (const Entity* parent : parents) {
        if (parent != &entity && dictionary_.IsWithin(entity, parent->name)) within = true;
      }
      if (!within) continue;
      rule.entities.push_back(&entity);
    }
    if (rule.entities.empty() && scope.where.known()) {
      diagnostics_.Error("R009", scope.where,
                         fmt::format("the scope of rule {} matches no entity", ast.id.value));
    }
  }

  void CheckMessage(const Located<std::string>& message) {
    const std::string& text = message.value;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '{') {
        if (i + 1 < text.size() && text[i + 1] == '{') {
          ++i;
          continue;
        }
        std::size_t close = text.find('}', i);
        if (close == std::string::npos) {
          diagnostics_.Error("R012", message.where,
                             "unclosed '{' in message (write {{ for a brace)");
          return;
        }
        std::string name = text.substr(i + 1, close - i - 1);
        const auto& known = MessagePlaceholders();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
          diagnostics_.Error("R012", message.where,
                             fmt::format("unknown placeholder {{{}}} in message{}", name,
                                         DidYouMeanSuffix(name, known)));
        }
        i = close;
      }
    }
  }

  // --- positions -------------------------------------------------------------------------

  SourceLocation At(int offset) const {
    SourceLocation where = check_->where;
    if (check_->exact_columns && offset > 0) {
      where.column +=
          CodePointCount(std::string_view(check_->text)
                             .substr(0, std::min<std::size_t>(static_cast<std::size_t>(offset),
                                                              check_->text.size())));
    }
    return where;
  }

  void Report(const ExprNode& node, std::string code, std::string message) {
    diagnostics_.Error(std::move(code), At(node.begin), std::move(message));
  }

  // --- resolution: ExprNode → CompiledExpr ------------------------------------------------

  std::unique_ptr<CompiledExpr> Make(ExprOp op, const ExprNode& node) {
    auto e = std::make_unique<CompiledExpr>();
    e->op = op;
    e->text = check_->text.substr(node.begin, node.end - node.begin);
    return e;
  }

  std::unique_ptr<CompiledExpr> Resolve(const ExprNode& node, bool in_aggregate) {
    switch (node.kind) {
      case ExprNode::Kind::kNumber: {
        auto e = Make(ExprOp::kNumber, node);
        e->number = node.number;
        if (!node.unit.empty()) {
          auto scaled = ParseUnit(node.unit);
          if (!scaled) {
            Report(node, "E002", fmt::format("unknown unit '{}'", node.unit));
            return nullptr;
          }
          e->number *= scaled->scale;
          e->unit = std::string(scaled->unit.name);
        }
        return e;
      }
      case ExprNode::Kind::kIdentifier:
        return ResolveName(node, in_aggregate);
      case ExprNode::Kind::kCall:
        return ResolveCall(node, in_aggregate);
      case ExprNode::Kind::kUnary: {
        auto e = Make(node.name == "not" ? ExprOp::kNot : ExprOp::kNegate, node);
        auto operand = Resolve(*node.args[0], in_aggregate);
        if (!operand) return nullptr;
        e->args.push_back(std::move(operand));
        return e;
      }
      case ExprNode::Kind::kBinary: {
        static const std::pair<std::string_view, ExprOp> kOps[] = {
            {"+", ExprOp::kAdd},       {"-", ExprOp::kSubtract},      {"*", ExprOp::kMultiply},
            {"/", ExprOp::kDivide},    {"<", ExprOp::kLess},          {"<=", ExprOp::kLessEqual},
            {">", ExprOp::kGreater},   {">=", ExprOp::kGreaterEqual}, {"==", ExprOp::kEqual},
            {"!=", ExprOp::kNotEqual}, {"and", ExprOp::kAnd},         {"or", ExprOp::kOr},
        };
        ExprOp op = ExprOp::kAdd;
        for (const auto& [name, o] : kOps) {
          if (name == node.name) op = o;
        }
        auto e = Make(op, node);
        auto left = Resolve(*node.args[0], in_aggregate);
        auto right = Resolve(*node.args[1], in_aggregate);
        if (!left || !right) return nullptr;
        e->args.push_back(std::move(left));
        e->args.push_back(std::move(right));
        return e;
      }
    }
    return nullptr;
  }

  std::unique_ptr<CompiledExpr> ResolveName(const ExprNode& node, bool in_aggregate) {
    if (node.name == "actual" || node.name == "target") return ResolveCall(node, in_aggregate);
    if (node.name == "meets_target") return ResolveCall(node, in_aggregate);
    if (node.name == "period") return Make(ExprOp::kPeriod, node);
    if (node.name == "children") {
      Report(node, "E004", "children can only be the first argument of sum, min, max or count");
      return nullptr;
    }
    Report(node, "E004",
           fmt::format("unknown name '{}'{}", node.name,
                       DidYouMeanSuffix(node.name, FunctionNames())));
    return nullptr;
  }

  bool CheckArity(const ExprNode& node, std::size_t min, std::size_t max, std::string_view usage) {
    if (node.args.size() >= min && node.args.size() <= max) return true;
    Report(node, "E005", fmt::format("wrong number of arguments: {}", usage));
    return false;
  }

  bool NoNamedArgs(const ExprNode& node, std::string_view usage) {
    for (std::size_t i = 0; i < node.arg_names.size(); ++i) {
      if (!node.arg_names[i].empty()) {
        Report(*node.args[i], "E005",
               fmt::format("{} takes no argument named '{}': {}", node.name, node.arg_names[i],
                           usage));
        return false;
      }
    }
    return true;
  }

  static bool IsChildren(const ExprNode& node) {
    return node.kind == ExprNode::Kind::kIdentifier && node.name == "children";
  }

  std::unique_ptr<CompiledExpr> ResolveCall(const ExprNode& node, bool in_aggregate) {
    const std::string& name = node.name;
    std::string_view usage;
    for (const FunctionInfo& f : kFunctions) {
      if (f.name == name) usage = f.usage;
    }
    if (usage.empty()) {
      Report(node, "E004",
             fmt::format("unknown function '{}'{}", name, DidYouMeanSuffix(name, FunctionNames())));
      return nullptr;
    }
    if (name == "actual" || name == "target") return ResolveRef(node, usage, in_aggregate);
    if (name == "meets_target") {
      if (in_aggregate) {
        Report(node, "E006", "meets_target cannot stand inside an aggregate");
        return nullptr;
      }
      auto e = Make(ExprOp::kMeetsTarget, node);
      for (std::size_t i = 0; i < node.args.size(); ++i) {
        if (node.arg_names[i] != "tolerance") {
          Report(*node.args[i], "E005",
                 fmt::format("meets_target takes only tolerance=: {}", usage));
          return nullptr;
        }
        e->tolerance = Resolve(*node.args[i], in_aggregate);
        if (!e->tolerance) return nullptr;
      }
      return e;
    }
    if (!NoNamedArgs(node, usage)) return nullptr;
    bool aggregate = !node.args.empty() && IsChildren(*node.args[0]);
    if (name == "sum" || name == "count" || ((name == "min" || name == "max") && aggregate)) {
      if (!aggregate) {
        Report(node, "E005", fmt::format("{} works over children: {}", name, usage));
        return nullptr;
      }
      if (in_aggregate) {
        Report(node, "E006", "aggregates do not nest");
        return nullptr;
      }
      if (++aggregates_ > kMaxAggregatesPerCheck) {
        if (aggregates_ == kMaxAggregatesPerCheck + 1) {  // once a check
          Report(node, "E008",
                 fmt::format("more than {} aggregates in one check: each reads every child of "
                             "the entity for every finding",
                             kMaxAggregatesPerCheck));
        }
        return nullptr;
      }
      ExprOp op = name == "sum"   ? ExprOp::kChildrenSum
                  : name == "min" ? ExprOp::kChildrenMin
                  : name == "max" ? ExprOp::kChildrenMax
                                  : ExprOp::kChildrenCount;
      if (!CheckArity(node, op == ExprOp::kChildrenCount ? 1 : 2,
                      op == ExprOp::kChildrenCount ? 1 : 2, usage)) {
        return nullptr;
      }
      auto e = Make(op, node);
      if (op != ExprOp::kChildrenCount) {
        auto body = Resolve(*node.args[1], /*in_aggregate=*/true);
        if (!body) return nullptr;
        e->args.push_back(std::move(body));
      }
      return e;
    }
    ExprOp op;
    if (name == "abs") {
      if (!CheckArity(node, 1, 1, usage)) return nullptr;
      op = ExprOp::kAbs;
    } else if (name == "min" || name == "max") {
      if (!CheckArity(node, 2, 16, usage)) return nullptr;
      op = name == "min" ? ExprOp::kMin : ExprOp::kMax;
    } else if (name == "growth") {
      if (!CheckArity(node, 2, 2, usage)) return nullptr;
      op = ExprOp::kGrowth;
    } else {  // within
      if (!CheckArity(node, 3, 3, usage)) return nullptr;
      op = ExprOp::kWithin;
    }
    auto e = Make(op, node);
    for (const auto& arg : node.args) {
      if (IsChildren(*arg)) {
        Report(*arg, "E004", "children can only be the first argument of sum, min, max or count");
        return nullptr;
      }
      auto c = Resolve(*arg, in_aggregate);
      if (!c) return nullptr;
      e->args.push_back(std::move(c));
    }
    return e;
  }

  std::unique_ptr<CompiledExpr> ResolveRef(const ExprNode& node, std::string_view usage,
                                           bool in_aggregate) {
    auto e = Make(ExprOp::kRef, node);
    e->kind = node.name == "actual" ? FactKind::kActual : FactKind::kTarget;
    for (std::size_t i = 0; i < node.args.size(); ++i) {
      const std::string& arg_name = node.arg_names[i];
      const ExprNode& arg = *node.args[i];
      if (arg_name == "indicator" || arg_name == "measure") {
        if (arg.kind != ExprNode::Kind::kIdentifier) {
          Report(arg, "E005", fmt::format("{}= takes a name: {}", arg_name, usage));
          return nullptr;
        }
        if (arg_name == "indicator") {
          e->indicator = dictionary_.FindIndicator(arg.name);
          if (!e->indicator) {
            Report(arg, "R004",
                   fmt::format("unknown indicator '{}'{}", arg.name,
                               DidYouMeanSuffix(arg.name, dictionary_.IndicatorWords())));
            return nullptr;
          }
        } else {
          e->measure = MeasureFromId(arg.name);
          if (!e->measure) {
            Report(arg, "R005", fmt::format("measure must be level or growth, not '{}'", arg.name));
            return nullptr;
          }
        }
      } else if (arg_name == "period") {
        e->period = Resolve(arg, in_aggregate);
        if (!e->period) return nullptr;
      } else if (arg_name == "strive" && e->kind == FactKind::kTarget) {
        if (arg.kind != ExprNode::Kind::kIdentifier ||
            (arg.name != "true" && arg.name != "false")) {
          Report(arg, "E005", fmt::format("strive= takes true or false: {}", usage));
          return nullptr;
        }
        e->strive = arg.name == "true";
      } else {
        Report(arg, "E005",
               fmt::format("{} takes indicator=, measure={} and period=: {}", node.name,
                           e->kind == FactKind::kTarget ? ", strive=" : "", usage));
        return nullptr;
      }
    }
    return e;
  }

  // --- types ------------------------------------------------------------------------------

  std::optional<ExprType> TypeOf(const CompiledExpr& e, const ExprNode& node,
                                 const Indicator& indicator, Measure measure) {
    // Positions come from the parse tree; the compiled tree mirrors it except where the
    // compiler folded names, so errors are reported at the outermost node's position when
    // the shapes differ.
    return TypeOfImpl(e, &node, indicator, measure);
  }

  static const ExprNode* Child(const ExprNode* node, std::size_t i) {
    if (!node || i >= node->args.size()) return node;
    return node->args[i].get();
  }

  void ReportAt(const ExprNode* node, std::string code, std::string message) {
    diagnostics_.Error(std::move(code), At(node ? node->begin : 0), std::move(message));
  }

  std::optional<ExprType> Quantity(Dimension d) { return ExprType{false, d, false}; }

  std::optional<ExprType> TypeOfImpl(const CompiledExpr& e, const ExprNode* node,
                                     const Indicator& indicator, Measure measure) {
    switch (e.op) {
      case ExprOp::kNumber: {
        if (e.unit.empty()) return ExprType{false, Dimension::kNumber, true};
        return Quantity(FindCanonicalUnit(e.unit)->dimension);
      }
      case ExprOp::kPeriod:
        return Quantity(Dimension::kNumber);
      case ExprOp::kRef: {
        const Indicator& ind = e.indicator ? *e.indicator : indicator;
        Measure m = e.measure.value_or(measure);
        if (!ind.HasMeasure(m)) {
          ReportAt(node, "R005", fmt::format("indicator {} has no {}", ind.id, MeasureId(m)));
          return std::nullopt;
        }
        if (e.period) {
          auto pt = TypeOfImpl(*e.period, nullptr, indicator, measure);
          if (!pt) return std::nullopt;
          if (pt->boolean || pt->dimension != Dimension::kNumber) {
            ReportAt(node, "E003", "period= must be a year, such as 2024 or period - 1");
            return std::nullopt;
          }
        }
        if (m == Measure::kGrowth) return Quantity(Dimension::kPercent);
        return Quantity(FindCanonicalUnit(ind.units.front())->dimension);
      }
      case ExprOp::kNegate:
      case ExprOp::kAbs: {
        auto t = TypeOfImpl(*e.args[0], Child(node, 0), indicator, measure);
        if (!t) return std::nullopt;
        if (t->boolean) {
          ReportAt(node, "E003", "expected a number, found a truth value");
          return std::nullopt;
        }
        return t;
      }
      case ExprOp::kNot: {
        auto t = TypeOfImpl(*e.args[0], Child(node, 0), indicator, measure);
        if (!t) return std::nullopt;
        if (!t->boolean) {
          ReportAt(node, "E003",
                   fmt::format("not needs a truth value, found {}", DescribeType(*t)));
          return std::nullopt;
        }
        return t;
      }
      case ExprOp::kAnd:
      case ExprOp::kOr: {
        auto a = TypeOfImpl(*e.args[0], Child(node, 0), indicator, measure);
        auto b = TypeOfImpl(*e.args[1], Child(node, 1), indicator, measure);
        if (!a || !b) return std::nullopt;
        if (!a->boolean || !b->boolean) {
          ReportAt(node, "E003", "and/or join truth values (comparisons)");
          return std::nullopt;
        }
        return ExprType{true};
      }
      case ExprOp::kAdd:
      case ExprOp::kSubtract:
      case ExprOp::kLess:
      case ExprOp::kLessEqual:
      case ExprOp::kGreater:
      case ExprOp::kGreaterEqual:
      case ExprOp::kEqual:
      case ExprOp::kNotEqual:
      case ExprOp::kMin:
      case ExprOp::kMax: {
        std::vector<ExprType> types;
        for (std::size_t i = 0; i < e.args.size(); ++i) {
          auto t = TypeOfImpl(*e.args[i], Child(node, i), indicator, measure);
          if (!t) return std::nullopt;
          if (t->boolean) {
            ReportAt(node, "E003", "expected a number, found a truth value");
            return std::nullopt;
          }
          types.push_back(*t);
        }
        return Combine(e.op, types, node);
      }
      case ExprOp::kMultiply: {
        auto a = TypeOfImpl(*e.args[0], Child(node, 0), indicator, measure);
        auto b = TypeOfImpl(*e.args[1], Child(node, 1), indicator, measure);
        if (!a || !b) return std::nullopt;
        if (a->boolean || b->boolean) {
          ReportAt(node, "E003", "expected a number, found a truth value");
          return std::nullopt;
        }
        if (a->dimension == Dimension::kNumber) return b;
        if (b->dimension == Dimension::kNumber) return a;
        // A percentage scales an amount: 2% * target.
        if (a->dimension == Dimension::kPercent && b->dimension != Dimension::kPercent &&
            b->dimension != Dimension::kPercentagePoints) {
          return Quantity(b->dimension);
        }
        if (b->dimension == Dimension::kPercent && a->dimension != Dimension::kPercent &&
            a->dimension != Dimension::kPercentagePoints) {
          return Quantity(a->dimension);
        }
        ReportAt(node, "E007",
                 fmt::format("cannot multiply {} by {}", DescribeType(*a), DescribeType(*b)));
        return std::nullopt;
      }
      case ExprOp::kDivide: {
        auto a = TypeOfImpl(*e.args[0], Child(node, 0), indicator, measure);
        auto b = TypeOfImpl(*e.args[1], Child(node, 1), indicator, measure);
        if (!a || !b) return std::nullopt;
        if (a->boolean || b->boolean) {
          ReportAt(node, "E003", "expected a number, found a truth value");
          return std::nullopt;
        }
        if (b->dimension == Dimension::kNumber) return a;
        if (a->dimension == b->dimension) return Quantity(Dimension::kNumber);
        ReportAt(node, "E007",
                 fmt::format("cannot divide {} by {}", DescribeType(*a), DescribeType(*b)));
        return std::nullopt;
      }
      case ExprOp::kGrowth: {
        auto a = TypeOfImpl(*e.args[0], Child(node, 0), indicator, measure);
        auto b = TypeOfImpl(*e.args[1], Child(node, 1), indicator, measure);
        if (!a || !b) return std::nullopt;
        if (a->boolean || b->boolean || a->dimension != b->dimension ||
            a->dimension == Dimension::kPercent || a->dimension == Dimension::kPercentagePoints) {
          ReportAt(node, "E007",
                   fmt::format("growth(previous, current) needs two levels of one unit, found {} "
                               "and {}",
                               DescribeType(*a), DescribeType(*b)));
          return std::nullopt;
        }
        return Quantity(Dimension::kPercent);
      }
      case ExprOp::kWithin: {
        std::vector<ExprType> types;
        for (std::size_t i = 0; i < 3; ++i) {
          auto t = TypeOfImpl(*e.args[i], Child(node, i), indicator, measure);
          if (!t) return std::nullopt;
          types.push_back(*t);
        }
        if (!Combine(ExprOp::kSubtract, {types[0], types[1]}, node)) return std::nullopt;
        Dimension d = types[0].plain_literal ? types[1].dimension : types[0].dimension;
        Dimension tol = types[2].dimension;
        bool ok = tol == Dimension::kPercent ||
                  (d == Dimension::kPercent && tol == Dimension::kPercentagePoints) ||
                  (d != Dimension::kPercent && tol == d);
        if (!ok || types[2].boolean || types[2].plain_literal) {
          ReportAt(Child(node, 2), "E007",
                   fmt::format("the tolerance of within() must be percentage points (1pp) for "
                               "growth rates, percent of the second value (2%), or an amount of "
                               "the same unit; found {}",
                               DescribeType(types[2])));
          return std::nullopt;
        }
        return ExprType{true};
      }
      case ExprOp::kMeetsTarget: {
        if (e.tolerance) {
          auto t = TypeOfImpl(*e.tolerance, nullptr, indicator, measure);
          if (!t) return std::nullopt;
          Dimension want =
              measure == Measure::kGrowth ? Dimension::kPercentagePoints : Dimension::kPercent;
          if (t->dimension != want || t->boolean) {
            ReportAt(node, "E007",
                     fmt::format("meets_target(tolerance=…) is in {} for a {}",
                                 want == Dimension::kPercent ? "percent of the target (1%)"
                                                             : "percentage points (0.5pp)",
                                 MeasureId(measure)));
            return std::nullopt;
          }
        }
        return ExprType{true};
      }
      case ExprOp::kChildrenSum:
      case ExprOp::kChildrenMin:
      case ExprOp::kChildrenMax: {
        auto t = TypeOfImpl(*e.args[0], Child(node, 1), indicator, measure);
        if (!t) return std::nullopt;
        if (t->boolean) {
          ReportAt(node, "E003", "sum, min and max of children need numbers");
          return std::nullopt;
        }
        return t;
      }
      case ExprOp::kChildrenCount:
        return Quantity(Dimension::kNumber);
    }
    return std::nullopt;
  }

  // Addition, subtraction, comparison and min/max need one dimension; a percentage minus a
  // percentage is a difference in percentage points.
  std::optional<ExprType> Combine(ExprOp op, const std::vector<ExprType>& types,
                                  const ExprNode* node) {
    std::optional<ExprType> dimensioned;
    for (const ExprType& t : types) {
      if (t.plain_literal) continue;
      if (!dimensioned) {
        dimensioned = t;
        continue;
      }
      Dimension a = dimensioned->dimension, b = t.dimension;
      if (a == b) continue;
      bool percent_mix = (a == Dimension::kPercent && b == Dimension::kPercentagePoints) ||
                         (a == Dimension::kPercentagePoints && b == Dimension::kPercent);
      if (percent_mix && (op == ExprOp::kAdd || op == ExprOp::kSubtract)) {
        dimensioned = ExprType{false, Dimension::kPercent, false};
        continue;
      }
      std::string what =
          op == ExprOp::kAdd || op == ExprOp::kSubtract ? "add or subtract" : "compare";
      std::string hint;
      if ((a == Dimension::kPercent) != (b == Dimension::kPercent) && !percent_mix) {
        hint = ": a growth rate (%) is not a level";
      } else if (percent_mix) {
        hint = ": write the difference of two rates, e.g. abs(actual - target) <= 1pp";
      }
      ReportAt(node, "E007",
               fmt::format("cannot {} {} and {}{}", what, DescribeDimension(a),
                           DescribeDimension(b), hint));
      return std::nullopt;
    }
    bool comparison = op == ExprOp::kLess || op == ExprOp::kLessEqual || op == ExprOp::kGreater ||
                      op == ExprOp::kGreaterEqual || op == ExprOp::kEqual ||
                      op == ExprOp::kNotEqual;
    if (comparison) return ExprType{true};
    if (!dimensioned) return ExprType{false, Dimension::kNumber, true};
    if (op == ExprOp::kSubtract && dimensioned->dimension == Dimension::kPercent &&
        std::all_of(types.begin(), types.end(), [](const ExprType& t) {
          return t.dimension == Dimension::kPercent && !t.plain_literal;
        })) {
      return ExprType{false, Dimension::kPercentagePoints, false};
    }
    return ExprType{false, dimensioned->dimension, false};
  }

  // True when the check reads the rule's own figure for the period being evaluated outside
  // any aggregate, or inside one (then the children's periods decide).
  static bool HasOwnCurrentPeriodRef(const CompiledExpr& e) {
    if (e.op == ExprOp::kRef && !e.period) return true;
    if (e.op == ExprOp::kMeetsTarget) return true;
    for (const auto& arg : e.args) {
      if (HasOwnCurrentPeriodRef(*arg)) return true;
    }
    return false;
  }

  const Dictionary& dictionary_;
  Diagnostics& diagnostics_;
  const CheckAst* check_ = nullptr;
  int aggregates_ = 0;  // in the check being resolved
  std::set<std::string> seen_rule_ids_;
};

}  // namespace

std::optional<CompiledRuleSet> CompileRules(const std::vector<PackAst>& packs,
                                            const Dictionary& dictionary,
                                            Diagnostics& diagnostics) {
  std::size_t count = 0;
  for (const PackAst& ast : packs) count += ast.rules.size();
  if (count > kMaxRules) {
    diagnostics.Error("R013", packs.front().id.where,
                      fmt::format("{} rules: more than the {} one run accepts", count, kMaxRules));
    return std::nullopt;
  }
  RuleCompiler compiler(dictionary, diagnostics);
  CompiledRuleSet set;
  std::set<std::string> pack_ids;
  bool ok = true;
  for (const PackAst& ast : packs) {
    if (!ast.id.value.empty() && !pack_ids.insert(ast.id.value).second) {
      diagnostics.Error("R002", ast.id.where,
                        fmt::format("pack id '{}' is used twice", ast.id.value));
      ok = false;
      continue;
    }
    auto pack = compiler.CompilePack(ast);
    if (!pack) {
      ok = false;
      continue;
    }
    set.packs.push_back(std::move(*pack));
  }
  if (!ok || diagnostics.has_errors()) return std::nullopt;
  return set;
}

}  // namespace kaohe
