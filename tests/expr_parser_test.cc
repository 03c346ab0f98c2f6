#include "engine/expr_parser.h"

#include <doctest/doctest.h>

namespace kaohe {

namespace {
std::string Parse(const std::string& text) {
  std::vector<ExprParseError> errors;
  auto node = ParseExpression(text, errors);
  if (!node) return "error@" + std::to_string(errors.at(0).offset) + ": " + errors.at(0).message;
  return DebugString(*node);
}
}  // namespace

TEST_CASE("check expressions parse with precedence, units and named arguments") {
  const std::pair<const char*, const char*> cases[] = {
      {"actual >= target", "(>= actual target)"},
      {"abs(actual - target) <= 1pp", "(<= (call abs (- actual target)) 1pp)"},
      {"actual ≥ target", "(>= actual target)"},
      {"a + b * c", "(+ a (* b c))"},
      {"(a + b) * c", "(* (+ a b) c)"},
      {"-a - -b", "(- (- a) (- b))"},
      {"target(period=period - 1, measure=level)",
       "(call target period=(- period 1) measure=level)"},
      {"target == sum(children, target)", "(== target (call sum children target))"},
      {"x > 100亿元 and not y < 2%", "(and (> x 100亿元) (not (< y 2%)))"},
      {"a or b and c", "(or a (and b c))"},
      {"meets_target", "meets_target"},
      {"actual>=2.5％", "(>= actual 2.5%)"},
      {"target(indicator=规上工业产值)", "(call target indicator=规上工业产值)"},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    CHECK(Parse(text) == expected);
  }
}

TEST_CASE("parse errors carry the offset of the problem") {
  CHECK(Parse("actual >=") == "error@9: expected a value, found the end of the expression");
  CHECK(Parse("actual = target") == "error@7: '=' is not a comparison: write '=='");
  CHECK(Parse("a < b < c") == "error@6: comparisons do not chain: write a <= b and b <= c");
  CHECK(Parse("abs(actual") == "error@10: expected ')' to close abs(");
  CHECK(Parse("actual $ 3") == "error@7: unexpected character '$'");
  CHECK(Parse("actual target") == "error@7: unexpected 'target' after the end of the expression");
  CHECK(Parse("1.2.3") == "error@0: malformed number '1.2.3'");
}

TEST_CASE("expression depth and length are bounded") {
  std::string deep(200, '(');
  deep += "1";
  deep += std::string(200, ')');
  CHECK(Parse(deep).find("deeper than") != std::string::npos);
  std::string longest(kMaxExprBytes + 1, '1');
  CHECK(Parse(longest).find("longer than") != std::string::npos);
}

}  // namespace kaohe
