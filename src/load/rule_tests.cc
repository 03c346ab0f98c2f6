#include "src/load/rule_tests.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/units.h"
#include "engine/yaml_support.h"
#include "src/load/file_reader.h"
#include "src/text/cell_value.h"

namespace kaohe {
namespace {

using internal::YamlDocument;
using internal::YamlNode;
using internal::YamlReader;

YamlNode SubstituteMap(YamlDocument& document, const YamlNode& node, const YamlNode& row,
                       std::string_view skip);

// Replaces {name} in every scalar of a copy of `node` by the row's values. The copy keeps the
// template's positions; its scalars read as plain ones, so that "{value}" can be a number.
YamlNode Substitute(YamlDocument& document, const YamlNode& node, const YamlNode& row) {
  if (node.IsScalar()) {
    std::string text = node.Scalar();
    for (const auto& kv : row) {
      std::string placeholder = "{" + kv.first.Scalar() + "}";
      std::string value = kv.second.IsScalar() ? kv.second.Scalar() : "";
      for (auto at = text.find(placeholder); at != std::string::npos;
           at = text.find(placeholder, at + value.size())) {
        text.replace(at, placeholder.size(), value);
      }
    }
    return document.AddScalar(std::move(text), node.Mark());
  }
  if (node.IsSequence()) {
    std::vector<YamlNode> items;
    for (const auto& item : node) items.push_back(Substitute(document, item, row));
    return document.AddSequence(items, node.Mark());
  }
  if (node.IsMap()) return SubstituteMap(document, node, row, {});
  return node;
}

// A copy of the mapping `node` with its values substituted, leaving out the key `skip`; a key
// given twice keeps its first value, as a lookup would find it.
YamlNode SubstituteMap(YamlDocument& document, const YamlNode& node, const YamlNode& row,
                       std::string_view skip) {
  std::vector<YamlNode> entries;
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    if (key == skip) continue;
    bool seen = false;
    for (std::size_t i = 0; i < entries.size() && !seen; i += 2) seen = entries[i].Scalar() == key;
    if (seen) continue;
    entries.push_back(document.AddScalar(key, kv.first.Mark()));
    entries.push_back(Substitute(document, kv.second, row));
  }
  return document.AddMap(entries, node.Mark());
}

std::optional<Fact> ReadFact(YamlReader& reader, const YamlNode& node, const SourceFile& file) {
  static const std::vector<std::string> kKeys = {"entity", "indicator",  "measure", "period",
                                                 "kind",   "value",      "unit",    "qualifier",
                                                 "strive", "preliminary"};
  if (!reader.ExpectMapping(node, "a fact", kKeys)) return std::nullopt;
  bool ok = true;
  for (const char* key : {"entity", "indicator", "period", "kind", "value", "unit"}) {
    ok = reader.Require(node, node, key) && ok;
  }
  if (!ok) return std::nullopt;
  Fact f;
  auto str = [&](const char* key) { return reader.String(node[key], key).value_or(""); };
  f.key.entity = str("entity");
  f.key.indicator = str("indicator");
  f.key.measure =
      node["measure"] ? MeasureFromId(str("measure")).value_or(Measure::kLevel) : Measure::kLevel;
  f.key.period = reader.Integer(node["period"], "period").value_or(0);
  auto kind = FactKindFromId(str("kind"));
  if (!kind) {
    reader.Error(node["kind"], "T006", "kind must be actual or target");
    return std::nullopt;
  }
  f.key.kind = *kind;
  std::string error;
  auto value = ParseCellValue(str("value"), error);
  auto unit = ParseUnit(str("unit"));
  if (!value || !unit) {
    reader.Error(node, "T006", value ? "unknown unit '" + str("unit") + "'" : error);
    return std::nullopt;
  }
  f.value = value->value * unit->scale;
  f.unit = std::string(unit->unit.name);
  f.qualifier = value->qualifier;
  if (node["qualifier"]) f.qualifier = QualifierFromId(str("qualifier")).value_or(f.qualifier);
  if (node["strive"]) f.strive = reader.Boolean(node["strive"], "strive").value_or(false);
  if (node["preliminary"]) {
    f.preliminary = reader.Boolean(node["preliminary"], "preliminary").value_or(false);
  }
  f.source = {file.path(), reader.Where(node).line, ""};
  return f;
}

// The paths a case lists under `key`, resolved beside the test file; a path that leaves the
// project root is refused (T011) and left out.
void ReadPaths(YamlReader& reader, const YamlNode& node, const char* key, const SourceFile& file,
               const ProjectRoot& root, std::vector<std::string>& into) {
  if (!node[key]) return;
  auto list = reader.StringList(node[key], key);
  if (!list) return;
  std::vector<YamlNode> items;  // where each path stands, for the diagnostic
  if (node[key].IsScalar()) {
    items.push_back(node[key]);
  } else {
    for (const auto& item : node[key]) items.push_back(item);
  }
  for (std::size_t i = 0; i < list->size() && i < items.size(); ++i) {
    std::string path = ResolveBeside(file.path(), (*list)[i]);
    if (!root.Confine(path)) {
      reader.Error(items[i], "T011",
                   fmt::format("{} is outside the project root {}", path, root.display()));
      continue;
    }
    into.push_back(std::move(path));
  }
}

void ReadCase(YamlReader& reader, const YamlNode& node, const SourceFile& file,
              const ProjectRoot& root, SourceLocation where, std::vector<RuleTestCase>& out) {
  RuleTestCase c;
  c.file = file.path();
  c.where = where;
  if (auto name = reader.String(node["name"], "name")) c.name = *name;
  ReadPaths(reader, node, "rules", file, root, c.rule_files);
  ReadPaths(reader, node, "fact_files", file, root, c.fact_files);
  if (node["facts"] && reader.ExpectSequence(node["facts"], "facts")) {
    for (const auto& f : node["facts"]) {
      if (auto fact = ReadFact(reader, f, file)) c.facts.push_back(std::move(*fact));
    }
  }
  if (node["text"]) c.text = reader.String(node["text"], "text").value_or("");
  if (node["entity"]) c.entity = reader.String(node["entity"], "entity").value_or("");
  if (node["known_gap"])
    c.known_gap = reader.Boolean(node["known_gap"], "known_gap").value_or(false);
  if (reader.Require(node, node, "expect") && reader.ExpectSequence(node["expect"], "expect")) {
    for (const auto& e : node["expect"]) {
      static const std::vector<std::string> kKeys = {"rule",      "entity", "period",
                                                     "indicator", "status", "message"};
      if (!reader.ExpectMapping(e, "an expected finding", kKeys)) continue;
      bool ok = reader.Require(e, e, "rule") && reader.Require(e, e, "status");
      if (!ok) continue;
      ExpectedFinding x;
      x.where = reader.Where(e);
      if (!x.where.known()) x.where = where;  // a row of a table-driven case
      x.rule = reader.String(e["rule"], "rule").value_or("");
      x.status = reader.String(e["status"], "status").value_or("");
      static const std::vector<std::string> kStatuses = {"pass",     "fail",  "no_data",
                                                         "conflict", "error", "waived"};
      if (std::find(kStatuses.begin(), kStatuses.end(), x.status) == kStatuses.end()) {
        reader.Error(e["status"], "T008",
                     fmt::format("status must be one of pass, fail, no_data, conflict, error, "
                                 "waived, not '{}'",
                                 x.status));
        continue;
      }
      if (e["entity"]) x.entity = reader.String(e["entity"], "entity").value_or("");
      if (e["period"]) x.period = reader.Integer(e["period"], "period");
      if (e["indicator"]) x.indicator = reader.String(e["indicator"], "indicator").value_or("");
      if (e["message"]) x.message = reader.String(e["message"], "message").value_or("");
      c.expect.push_back(std::move(x));
    }
  }
  out.push_back(std::move(c));
}

}  // namespace

std::vector<RuleTestCase> LoadRuleTests(const SourceFile& file, Diagnostics& diagnostics,
                                        const ProjectRoot& project_root) {
  std::vector<RuleTestCase> out;
  YamlReader reader(file, diagnostics);
  auto root = reader.Parse();
  if (!root) return out;
  if (!reader.ExpectMapping(*root, "a rule test file", {"tests"})) return out;
  if (!reader.Require(*root, *root, "tests") || !reader.ExpectSequence((*root)["tests"], "tests")) {
    return out;
  }
  for (const auto& node : (*root)["tests"]) {
    static const std::vector<std::string> kKeys = {
        "name", "rules", "facts", "fact_files", "text", "entity", "expect", "known_gap", "cases"};
    if (!reader.ExpectMapping(node, "a test", kKeys)) continue;
    if (!reader.Require(node, node, "name")) continue;
    SourceLocation where = reader.Where(node);
    if (!node["cases"]) {
      ReadCase(reader, node, file, project_root, where, out);
      continue;
    }
    if (!reader.ExpectSequence(node["cases"], "cases")) continue;
    for (const auto& row : node["cases"]) {
      if (!row.IsMap()) {
        reader.Error(row, "Y002", "each of cases must be a mapping of placeholder values");
        continue;
      }
      YamlNode expanded = SubstituteMap(reader.document(), node, row, "cases");
      ReadCase(reader, expanded, file, project_root, reader.Where(row), out);
    }
  }
  return out;
}

}  // namespace kaohe
