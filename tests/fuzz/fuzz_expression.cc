// Check expressions: the parser alone, then the same text compiled inside a rule.
#include "engine/evaluator.h"
#include "engine/expr_parser.h"
#include "engine/rule_compiler.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<ExprParseError> errors;
  auto tree = ParseExpression(text, errors);
  if (tree) (void)DebugString(*tree);
  PackAst pack;
  pack.file = "fuzz.yaml";
  pack.id.value = "p";
  RuleAst rule;
  rule.id.value = "r";
  rule.scope.entities.push_back({"杜集区", {}});
  rule.indicators.push_back({"gdp", {}});
  rule.measure.value = "growth";
  rule.periods.push_back({2023, {}});
  rule.check.text = text;
  rule.severity.value = "error";
  pack.rules.push_back(rule);
  Diagnostics diagnostics;
  auto rules = CompileRules({pack}, fuzz::BundledDictionary(), diagnostics);
  if (rules) {
    FactStore facts;
    (void)Evaluate(*rules, facts, fuzz::BundledDictionary());
  }
  return 0;
}
