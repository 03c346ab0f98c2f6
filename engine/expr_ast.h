// Parsed check expressions. Plain data with byte offsets into the check text; the rule
// compiler gives them meaning (types, units, indicators) and turns them into CompiledExpr.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace kaohe {

struct ExprNode {
  enum class Kind {
    kNumber,      // 7, 1.5pp, 100亿元, 2%
    kIdentifier,  // actual, target, period, meets_target, children, gdp …
    kCall,        // name(arg, name=arg …)
    kUnary,       // -x, not x
    kBinary,      // x op y
  };
  Kind kind = Kind::kNumber;
  int begin = 0;  // byte offsets into the check text, end exclusive
  int end = 0;
  double number = 0;
  std::string unit;  // surface unit of a number literal, "" for none
  std::string name;  // identifier, function or operator ("+", "<=", "and", "not" …)
  std::vector<std::unique_ptr<ExprNode>> args;
  std::vector<std::string> arg_names;  // parallel to args; "" for a positional argument
};

// A stable one-line rendering for tests: (>= actual (call growth (target) ...)).
std::string DebugString(const ExprNode& node);

}  // namespace kaohe
