// LoadRulePack: YAML rule pack → PackAst. Declared in rule_ast.h.
#include <fmt/format.h>

#include "engine/diagnostic.h"
#include "engine/period.h"
#include "engine/rule_ast.h"
#include "engine/yaml_support.h"

namespace kaohe {
namespace {

using internal::YamlMark;
using internal::YamlNode;
using internal::YamlReader;

Located<std::string> ReadLocatedString(YamlReader& reader, const YamlNode& node,
                                       std::string_view what,
                                       int max_code_points = internal::kMaxShortTextLength) {
  Located<std::string> out;
  out.where = reader.Where(node);
  if (auto s = reader.ShortString(node, what, max_code_points)) out.value = *s;
  return out;
}

std::vector<Located<std::string>> ReadLocatedList(YamlReader& reader, const YamlNode& node,
                                                  std::string_view what) {
  std::vector<Located<std::string>> out;
  if (node.IsSequence()) {
    for (const auto& item : node) {
      auto s = reader.String(item, what);
      if (s) out.push_back({*s, reader.Where(item)});
    }
  } else if (auto s = reader.String(node, what)) {
    out.push_back({*s, reader.Where(node)});
  }
  return out;
}

// Periods: 2023, [2023, 2024] or "2023-2025".
std::vector<Located<int>> ReadPeriods(YamlReader& reader, const YamlNode& node) {
  std::vector<Located<int>> out;
  auto read_one = [&](const YamlNode& item) {
    if (item.IsScalar()) {
      bool malformed = false;
      if (auto years = ParseYearRange(item.Scalar(), malformed)) {
        for (int year : *years) out.push_back({year, reader.Where(item)});
        return;
      }
      if (malformed) {
        reader.Error(item, "R010",
                     fmt::format("'{}' is not a year or a range of years", item.Scalar()));
        return;
      }
    }
    if (auto year = reader.Integer(item, "a period")) out.push_back({*year, reader.Where(item)});
  };
  if (node.IsSequence()) {
    for (const auto& item : node) read_one(item);
  } else {
    read_one(node);
  }
  return out;
}

CheckAst ReadCheck(YamlReader& reader, const YamlNode& node) {
  CheckAst check;
  check.where = reader.Where(node);
  auto text = reader.String(node, "check");
  if (!text) return check;
  check.text = *text;
  // yaml-cpp marks the start of the scalar, before any quote; find the text itself on its
  // line so that errors inside the expression point at the right column.
  if (check.text.find('\n') == std::string::npos) {
    YamlMark mark = node.Mark();
    std::string_view line = reader.file().Line(mark.line + 1);
    std::size_t at = line.find(check.text, static_cast<std::size_t>(std::max(mark.column, 0)));
    if (at != std::string_view::npos) {
      check.where = reader.file().LocateZeroBased(mark.line, static_cast<int>(at));
      check.exact_columns = true;
    }
  }
  return check;
}

void ReadScope(YamlReader& reader, const YamlNode& node, ScopeAst& scope) {
  scope.where = reader.Where(node);
  if (node.IsScalar() || node.IsSequence()) {  // bare names: those entities
    scope.entities = ReadLocatedList(reader, node, "scope");
    return;
  }
  if (!reader.ExpectMapping(node, "scope", {"entity", "kind", "parent"})) return;
  if (node["entity"]) scope.entities = ReadLocatedList(reader, node["entity"], "entity");
  if (node["kind"]) scope.kinds = ReadLocatedList(reader, node["kind"], "kind");
  if (node["parent"]) scope.parents = ReadLocatedList(reader, node["parent"], "parent");
  if (!node["entity"] && !node["kind"] && !node["parent"]) {
    reader.Error(node, "Y005", "scope needs entity:, kind: or parent:");
  }
}

RuleAst ReadRule(YamlReader& reader, const YamlNode& node) {
  static const std::vector<std::string> kKeys = {"id",        "title",   "description", "scope",
                                                 "indicator", "measure", "period",      "check",
                                                 "severity",  "message", "waivable"};
  RuleAst rule;
  rule.where = reader.Where(node);
  if (!reader.ExpectMapping(node, "a rule", kKeys)) return rule;
  for (const char* key : {"id", "scope", "indicator", "measure", "check"}) {
    reader.Require(node, node, key);
  }
  if (node["id"]) rule.id = ReadLocatedString(reader, node["id"], "id", internal::kMaxTitleLength);
  if (node["title"]) {
    if (auto s = reader.ShortString(node["title"], "title", internal::kMaxTitleLength)) {
      rule.title = *s;
    }
  }
  if (node["description"]) {
    if (auto s = reader.String(node["description"], "description")) rule.description = *s;
  }
  if (node["scope"]) ReadScope(reader, node["scope"], rule.scope);
  if (node["indicator"]) rule.indicators = ReadLocatedList(reader, node["indicator"], "indicator");
  if (node["measure"]) rule.measure = ReadLocatedString(reader, node["measure"], "measure");
  if (node["period"]) rule.periods = ReadPeriods(reader, node["period"]);
  if (node["check"]) rule.check = ReadCheck(reader, node["check"]);
  rule.severity = {"error", rule.where};
  if (node["severity"]) rule.severity = ReadLocatedString(reader, node["severity"], "severity");
  if (node["message"]) rule.message = ReadLocatedString(reader, node["message"], "message");
  if (node["waivable"]) {
    if (auto b = reader.Boolean(node["waivable"], "waivable")) rule.waivable = *b;
  }
  return rule;
}

}  // namespace

PackAst LoadRulePack(const SourceFile& file, Diagnostics& diagnostics) {
  PackAst pack;
  pack.file = file.path();
  YamlReader reader(file, diagnostics);
  auto root = reader.Parse();
  if (!root) return pack;
  static const std::vector<std::string> kKeys = {"pack",        "title",     "document",
                                                 "description", "tolerance", "rules"};
  if (!reader.ExpectMapping(*root, "a rule pack", kKeys)) return pack;
  reader.Require(*root, *root, "pack");
  reader.Require(*root, *root, "rules");
  if ((*root)["pack"]) {
    pack.id = ReadLocatedString(reader, (*root)["pack"], "pack", internal::kMaxTitleLength);
  }
  if ((*root)["title"]) {
    if (auto s = reader.ShortString((*root)["title"], "title", internal::kMaxTitleLength)) {
      pack.title = *s;
    }
  }
  if ((*root)["document"]) {
    if (auto s = reader.String((*root)["document"], "document")) pack.document = *s;
  }
  if ((*root)["description"]) {
    if (auto s = reader.String((*root)["description"], "description")) pack.description = *s;
  }
  if (const YamlNode tolerance = (*root)["tolerance"]) {
    if (reader.ExpectMapping(tolerance, "tolerance", {"growth", "level"})) {
      if (tolerance["growth"]) {
        pack.tolerance.growth = ReadLocatedString(reader, tolerance["growth"], "growth");
      }
      if (tolerance["level"]) {
        pack.tolerance.level = ReadLocatedString(reader, tolerance["level"], "level");
      }
    }
  }
  if (const YamlNode rules = (*root)["rules"]) {
    if (reader.ExpectSequence(rules, "rules")) {
      for (const auto& item : rules) pack.rules.push_back(ReadRule(reader, item));
    }
  }
  return pack;
}

}  // namespace kaohe
