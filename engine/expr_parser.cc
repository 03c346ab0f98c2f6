#include "engine/expr_parser.h"

#include <fmt/format.h>

#include <cstdlib>

#include "engine/units.h"

namespace kaohe {

std::string DebugString(const ExprNode& node) {
  switch (node.kind) {
    case ExprNode::Kind::kNumber:
      return FormatNumber(node.number) + node.unit;
    case ExprNode::Kind::kIdentifier:
      return node.name;
    case ExprNode::Kind::kCall: {
      std::string out = "(call " + node.name;
      for (std::size_t i = 0; i < node.args.size(); ++i) {
        out += " ";
        if (!node.arg_names[i].empty()) out += node.arg_names[i] + "=";
        out += DebugString(*node.args[i]);
      }
      return out + ")";
    }
    case ExprNode::Kind::kUnary:
      return "(" + node.name + " " + DebugString(*node.args[0]) + ")";
    case ExprNode::Kind::kBinary:
      return "(" + node.name + " " + DebugString(*node.args[0]) + " " + DebugString(*node.args[1]) +
             ")";
  }
  return "?";
}

namespace {

struct Token {
  enum class Kind { kEnd, kNumber, kName, kOperator, kLeftParen, kRightParen, kComma, kError };
  Kind kind = Kind::kEnd;
  int begin = 0;
  int end = 0;
  std::string text;  // name or operator, normalised (≥ → >=)
  double number = 0;
  std::string unit;
};

bool IsAsciiNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Token Next() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
    Token t;
    t.begin = static_cast<int>(pos_);
    if (pos_ >= text_.size()) {
      t.end = t.begin;
      return t;
    }
    std::string_view rest = text_.substr(pos_);
    static constexpr std::pair<std::string_view, std::string_view> kOperators[] = {
        {"<=", "<="}, {">=", ">="}, {"==", "=="}, {"!=", "!="}, {"≤", "<="}, {"≥", ">="},
        {"≠", "!="},  {"<", "<"},   {">", ">"},   {"+", "+"},   {"-", "-"},  {"*", "*"},
        {"/", "/"},   {"=", "="},   {"×", "*"},   {"−", "-"},
    };
    for (const auto& [spelling, op] : kOperators) {
      if (rest.starts_with(spelling)) {
        pos_ += spelling.size();
        return Finish(t, Token::Kind::kOperator, std::string(op));
      }
    }
    char c = rest[0];
    if (c == '(') return Finish(t, Token::Kind::kLeftParen, "(", 1);
    if (c == ')') return Finish(t, Token::Kind::kRightParen, ")", 1);
    if (c == ',') return Finish(t, Token::Kind::kComma, ",", 1);
    if (IsDigit(c) || (c == '.' && rest.size() > 1 && IsDigit(rest[1]))) return LexNumber(t);
    if (IsAsciiNameStart(c) || static_cast<unsigned char>(c) >= 0x80) return LexName(t);
    pos_ += 1;
    t.kind = Token::Kind::kError;
    t.end = static_cast<int>(pos_);
    t.text = fmt::format("unexpected character '{}'", c);
    return t;
  }

 private:
  Token Finish(Token t, Token::Kind kind, std::string text, std::size_t advance = 0) {
    pos_ += advance;
    t.kind = kind;
    t.text = std::move(text);
    t.end = static_cast<int>(pos_);
    return t;
  }

  Token LexNumber(Token t) {
    std::size_t start = pos_;
    while (pos_ < text_.size() && (IsDigit(text_[pos_]) || text_[pos_] == '.')) ++pos_;
    std::string digits(text_.substr(start, pos_ - start));
    char* end = nullptr;
    t.number = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size()) {
      t.kind = Token::Kind::kError;
      t.end = static_cast<int>(pos_);
      t.text = fmt::format("malformed number '{}'", digits);
      return t;
    }
    std::string_view rest = text_.substr(pos_);
    for (const std::string& unit : SurfaceUnitNames()) {
      if (rest.starts_with(unit)) {
        t.unit = unit == "％" ? "%" : unit;
        pos_ += unit.size();
        break;
      }
    }
    t.kind = Token::Kind::kNumber;
    t.end = static_cast<int>(pos_);
    return t;
  }

  Token LexName(Token t) {
    std::size_t start = pos_;
    while (pos_ < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c >= 0x80) {
        // Stop before a non-ASCII operator such as ≥ so "actual≥target" lexes.
        std::string_view rest = text_.substr(pos_);
        if (rest.starts_with("≤") || rest.starts_with("≥") || rest.starts_with("≠") ||
            rest.starts_with("×") || rest.starts_with("−")) {
          break;
        }
        ++pos_;
      } else if (IsAsciiNameStart(static_cast<char>(c)) || IsDigit(static_cast<char>(c))) {
        ++pos_;
      } else {
        break;
      }
    }
    t.kind = Token::Kind::kName;
    t.text = std::string(text_.substr(start, pos_ - start));
    t.end = static_cast<int>(pos_);
    return t;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

class Parser {
 public:
  Parser(std::string_view text, std::vector<ExprParseError>& errors)
      : lexer_(text), errors_(errors) {
    Advance();
  }

  std::unique_ptr<ExprNode> ParseAll() {
    auto node = ParseOr(0);
    if (node && token_.kind != Token::Kind::kEnd) {
      Fail(token_.begin,
           fmt::format("unexpected '{}' after the end of the expression", TokenText(token_)));
      return nullptr;
    }
    return failed_ ? nullptr : std::move(node);
  }

 private:
  using Node = std::unique_ptr<ExprNode>;

  void Advance() {
    token_ = lexer_.Next();
    if (token_.kind == Token::Kind::kError) Fail(token_.begin, token_.text);
  }

  void Fail(int offset, std::string message) {
    if (!failed_) errors_.push_back({offset, std::move(message)});
    failed_ = true;
  }

  static std::string TokenText(const Token& t) {
    if (t.kind == Token::Kind::kNumber) return FormatNumber(t.number) + t.unit;
    return t.text;
  }

  bool IsKeyword(std::string_view word) const {
    return token_.kind == Token::Kind::kName && token_.text == word;
  }
  bool IsOperator(std::string_view op) const {
    return token_.kind == Token::Kind::kOperator && token_.text == op;
  }

  bool TooDeep(int depth) {
    if (depth <= kMaxExprDepth) return false;
    Fail(token_.begin, fmt::format("expression nests deeper than {}", kMaxExprDepth));
    return true;
  }

  static Node Binary(std::string op, Node left, Node right) {
    auto node = std::make_unique<ExprNode>();
    node->kind = ExprNode::Kind::kBinary;
    node->name = std::move(op);
    node->begin = left->begin;
    node->end = right->end;
    node->args.push_back(std::move(left));
    node->args.push_back(std::move(right));
    node->arg_names = {"", ""};
    return node;
  }

  Node ParseOr(int depth) {
    if (TooDeep(depth)) return nullptr;
    Node left = ParseAnd(depth + 1);
    while (left && IsKeyword("or")) {
      Advance();
      Node right = ParseAnd(depth + 1);
      if (!right) return nullptr;
      left = Binary("or", std::move(left), std::move(right));
    }
    return left;
  }

  Node ParseAnd(int depth) {
    if (TooDeep(depth)) return nullptr;
    Node left = ParseNot(depth + 1);
    while (left && IsKeyword("and")) {
      Advance();
      Node right = ParseNot(depth + 1);
      if (!right) return nullptr;
      left = Binary("and", std::move(left), std::move(right));
    }
    return left;
  }

  Node ParseNot(int depth) {
    if (TooDeep(depth)) return nullptr;
    if (IsKeyword("not")) {
      int begin = token_.begin;
      Advance();
      Node operand = ParseNot(depth + 1);
      if (!operand) return nullptr;
      auto node = std::make_unique<ExprNode>();
      node->kind = ExprNode::Kind::kUnary;
      node->name = "not";
      node->begin = begin;
      node->end = operand->end;
      node->args.push_back(std::move(operand));
      node->arg_names = {""};
      return node;
    }
    return ParseCompare(depth + 1);
  }

  Node ParseCompare(int depth) {
    if (TooDeep(depth)) return nullptr;
    Node left = ParseSum(depth + 1);
    if (!left) return nullptr;
    static constexpr std::string_view kComparisons[] = {"<", "<=", ">", ">=", "==", "!="};
    for (std::string_view op : kComparisons) {
      if (IsOperator(op)) {
        Advance();
        Node right = ParseSum(depth + 1);
        if (!right) return nullptr;
        Node node = Binary(std::string(op), std::move(left), std::move(right));
        for (std::string_view again : kComparisons) {
          if (IsOperator(again)) {
            Fail(token_.begin, "comparisons do not chain: write a <= b and b <= c");
            return nullptr;
          }
        }
        return node;
      }
    }
    if (IsOperator("=")) {
      Fail(token_.begin, "'=' is not a comparison: write '=='");
      return nullptr;
    }
    return left;
  }

  Node ParseSum(int depth) {
    if (TooDeep(depth)) return nullptr;
    Node left = ParseProduct(depth + 1);
    while (left && (IsOperator("+") || IsOperator("-"))) {
      std::string op = token_.text;
      Advance();
      Node right = ParseProduct(depth + 1);
      if (!right) return nullptr;
      left = Binary(op, std::move(left), std::move(right));
    }
    return left;
  }

  Node ParseProduct(int depth) {
    if (TooDeep(depth)) return nullptr;
    Node left = ParseUnary(depth + 1);
    while (left && (IsOperator("*") || IsOperator("/"))) {
      std::string op = token_.text;
      Advance();
      Node right = ParseUnary(depth + 1);
      if (!right) return nullptr;
      left = Binary(op, std::move(left), std::move(right));
    }
    return left;
  }

  Node ParseUnary(int depth) {
    if (TooDeep(depth)) return nullptr;
    if (IsOperator("-")) {
      int begin = token_.begin;
      Advance();
      Node operand = ParseUnary(depth + 1);
      if (!operand) return nullptr;
      auto node = std::make_unique<ExprNode>();
      node->kind = ExprNode::Kind::kUnary;
      node->name = "-";
      node->begin = begin;
      node->end = operand->end;
      node->args.push_back(std::move(operand));
      node->arg_names = {""};
      return node;
    }
    return ParsePrimary(depth + 1);
  }

  Node ParsePrimary(int depth) {
    if (TooDeep(depth)) return nullptr;
    if (failed_) return nullptr;
    auto node = std::make_unique<ExprNode>();
    node->begin = token_.begin;
    switch (token_.kind) {
      case Token::Kind::kNumber:
        node->kind = ExprNode::Kind::kNumber;
        node->number = token_.number;
        node->unit = token_.unit;
        node->end = token_.end;
        Advance();
        return node;
      case Token::Kind::kName:
        if (token_.text == "and" || token_.text == "or" || token_.text == "not") {
          Fail(token_.begin, fmt::format("expected a value before '{}'", token_.text));
          return nullptr;
        }
        node->name = token_.text;
        node->end = token_.end;
        Advance();
        if (token_.kind != Token::Kind::kLeftParen) {
          node->kind = ExprNode::Kind::kIdentifier;
          return node;
        }
        node->kind = ExprNode::Kind::kCall;
        Advance();
        if (token_.kind != Token::Kind::kRightParen) {
          while (true) {
            std::string arg_name;
            Node arg = ParseArgument(depth + 1, arg_name);
            if (!arg) return nullptr;
            node->args.push_back(std::move(arg));
            node->arg_names.push_back(std::move(arg_name));
            if (token_.kind == Token::Kind::kComma) {
              Advance();
              continue;
            }
            break;
          }
        }
        if (token_.kind != Token::Kind::kRightParen) {
          Fail(token_.begin, fmt::format("expected ')' to close {}(", node->name));
          return nullptr;
        }
        node->end = token_.end;
        Advance();
        return node;
      case Token::Kind::kLeftParen: {
        Advance();
        Node inner = ParseOr(depth + 1);
        if (!inner) return nullptr;
        if (token_.kind != Token::Kind::kRightParen) {
          Fail(token_.begin, "expected ')'");
          return nullptr;
        }
        Advance();
        return inner;
      }
      case Token::Kind::kEnd:
        Fail(token_.begin, "expected a value, found the end of the expression");
        return nullptr;
      default:
        Fail(token_.begin, fmt::format("expected a value, found '{}'", TokenText(token_)));
        return nullptr;
    }
  }

  // A call argument: `name=expr` or `expr`. A name followed by '=' is a named argument.
  Node ParseArgument(int depth, std::string& name) {
    if (token_.kind == Token::Kind::kName) {
      Lexer saved_lexer = lexer_;
      Token saved = token_;
      Advance();
      if (IsOperator("=")) {
        name = saved.text;
        Advance();
        return ParseOr(depth + 1);
      }
      lexer_ = saved_lexer;
      token_ = saved;
    }
    return ParseOr(depth + 1);
  }

  Lexer lexer_;
  Token token_;
  std::vector<ExprParseError>& errors_;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<ExprNode> ParseExpression(std::string_view text,
                                          std::vector<ExprParseError>& errors) {
  if (text.size() > kMaxExprBytes) {
    errors.push_back({0, fmt::format("expression is longer than {} bytes", kMaxExprBytes)});
    return nullptr;
  }
  Parser parser(text, errors);
  return parser.ParseAll();
}

}  // namespace kaohe
