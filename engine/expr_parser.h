// Check expressions → ExprNode trees. A hand-written recursive-descent parser, so every node
// and every error carries its position.
//
//   expr    := or
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | compare
//   compare := sum (('<' | '<=' | '>' | '>=' | '==' | '!=' | '≤' | '≥' | '≠') sum)?
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | primary
//   primary := NUMBER UNIT? | NAME | NAME '(' [arg (',' arg)*] ')' | '(' expr ')'
//   arg     := NAME '=' expr | expr
//
// A unit follows its number without a space: 1pp, 2%, 100亿元, 18家.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr_ast.h"

namespace kaohe {

// Deepest nesting accepted in a check expression.
inline constexpr int kMaxExprDepth = 64;
// Longest check expression accepted, in bytes.
inline constexpr std::size_t kMaxExprBytes = 4096;

struct ExprParseError {
  int offset = 0;  // byte offset into the text
  std::string message;
};

// Returns the tree, or nullptr with at least one error.
std::unique_ptr<ExprNode> ParseExpression(std::string_view text,
                                          std::vector<ExprParseError>& errors);

}  // namespace kaohe
