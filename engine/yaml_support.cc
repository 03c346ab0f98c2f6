#include "engine/yaml_support.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "engine/suggest.h"

namespace kaohe::internal {

bool YamlReader::CheckFlowNesting() {
  const std::string& text = file_.text();
  int depth = 0;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      comment = false;
      if (quote == '\'') quote = 0;  // single-quoted scalars do not span lines in practice
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c == '\\' && quote == '"')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n'))
      comment = true;
    else if (c == '"' || c == '\'')
      quote = c;
    else if (c == '[' || c == '{') {
      if (++depth > kMaxYamlDepth) {
        SourceLocation where = file_.Locate(i);
        diagnostics_.Error("Y006", where,
                           fmt::format("YAML nesting is deeper than {}", kMaxYamlDepth),
                           SnippetAt(file_, where.line));
        return false;
      }
    } else if (c == ']' || c == '}') {
      depth = std::max(0, depth - 1);
    }
  }
  return true;
}

bool IsYamlPath(std::string_view path) { return path.ends_with(".yaml") || path.ends_with(".yml"); }

bool YamlFileFits(const std::string& path, Diagnostics& diagnostics) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size <= kMaxYamlBytes) return true;
  diagnostics.Error("Y007", {path, 0, 0},
                    fmt::format("YAML file is larger than {} bytes", kMaxYamlBytes));
  return false;
}

namespace {

void ReportLimit(const YamlLimitExceeded& e, const SourceFile& file, Diagnostics& diagnostics) {
  SourceLocation where = file.LocateZeroBased(e.mark().line, e.mark().column);
  std::string_view code;
  std::string message;
  switch (e.limit()) {
    case YamlLimitExceeded::Limit::kDepth:
      code = "Y006";
      message = fmt::format("YAML nesting is deeper than {}", kMaxYamlDepth);
      break;
    case YamlLimitExceeded::Limit::kNodes:
      code = "Y008";
      message = fmt::format(
          "YAML expands to more than {} nodes: are aliases (*name) repeating an anchor too often?",
          kMaxYamlNodes);
      break;
    case YamlLimitExceeded::Limit::kScalarBytes:
      code = "Y009";
      message = fmt::format(
          "YAML expands to more than {} bytes of text: are aliases (*name) repeating a large "
          "scalar?",
          kMaxYamlScalarBytes);
      break;
  }
  diagnostics.Error(std::string(code), where, std::move(message), SnippetAt(file, where.line));
}

}  // namespace

std::optional<YamlNode> YamlReader::Parse() {
  if (file_.text().size() > kMaxYamlBytes) {
    diagnostics_.Error("Y007", {file_.path(), 0, 0},
                       fmt::format("YAML file is larger than {} bytes", kMaxYamlBytes));
    return std::nullopt;
  }
  if (!CheckFlowNesting()) return std::nullopt;
  try {
    YamlNode root = document_.Parse(file_.text(), {.max_depth = kMaxYamlDepth,
                                                   .max_nodes = kMaxYamlNodes,
                                                   .max_scalar_bytes = kMaxYamlScalarBytes});
    if (!root || root.IsNull()) return document_.AddEmptyMap();
    return root;
  } catch (const YamlLimitExceeded& e) {
    ReportLimit(e, file_, diagnostics_);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    SourceLocation where = file_.LocateZeroBased(e.mark.line, e.mark.column);
    diagnostics_.Error("Y001", where, "YAML syntax error: " + e.msg, SnippetAt(file_, where.line));
    return std::nullopt;
  }
}

SourceLocation YamlReader::Where(const YamlNode& node) const {
  YamlMark mark = node.Mark();
  return file_.LocateZeroBased(mark.line, mark.column);
}

void YamlReader::Error(const YamlNode& node, std::string code, std::string message) {
  SourceLocation where = Where(node);
  diagnostics_.Error(std::move(code), where, std::move(message), SnippetAt(file_, where.line));
}

void YamlReader::Warning(const YamlNode& node, std::string code, std::string message) {
  SourceLocation where = Where(node);
  diagnostics_.Warning(std::move(code), where, std::move(message), SnippetAt(file_, where.line));
}

namespace {
std::string_view NodeTypeName(const YamlNode& node) {
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  if (node.IsNull()) return "nothing";
  return "a scalar";
}
}  // namespace

bool YamlReader::ExpectMapping(const YamlNode& node, std::string_view what,
                               const std::vector<std::string>& known) {
  if (!node.IsMap()) {
    Error(node, "Y002", fmt::format("{} must be a mapping, found {}", what, NodeTypeName(node)));
    return false;
  }
  std::set<std::string> seen;
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) {
      Error(entry.first, "Y002", fmt::format("keys of {} must be scalars", what));
      continue;
    }
    std::string key = entry.first.Scalar();
    if (!seen.insert(key).second) {
      Error(entry.first, "Y004", fmt::format("duplicate key '{}' in {}", key, what));
      continue;
    }
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      Error(entry.first, "Y003",
            fmt::format("unknown key '{}' in {}{}", key, what, DidYouMeanSuffix(key, known)));
    }
  }
  return true;
}

bool YamlReader::ExpectSequence(const YamlNode& node, std::string_view what) {
  if (node.IsSequence()) return true;
  Error(node, "Y002", fmt::format("{} must be a list, found {}", what, NodeTypeName(node)));
  return false;
}

bool YamlReader::Require(const YamlNode& map, const YamlNode& parent, std::string_view key) {
  if (map[std::string(key)]) return true;
  SourceLocation where = Where(parent);
  if (!where.known()) where = {file_.path(), 1, 1};  // an empty document has no position
  diagnostics_.Error("Y005", where, fmt::format("missing required key '{}'", key),
                     SnippetAt(file_, where.line));
  return false;
}

std::optional<std::string> YamlReader::String(const YamlNode& node, std::string_view what) {
  if (!node.IsScalar()) {
    Error(node, "Y002", fmt::format("{} must be a string, found {}", what, NodeTypeName(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> YamlReader::ShortString(const YamlNode& node, std::string_view what,
                                                   int max_code_points) {
  auto text = String(node, what);
  if (text && CodePointCount(*text) > max_code_points) {
    Error(node, "Y010", fmt::format("{} is longer than {} characters", what, max_code_points));
    return std::nullopt;
  }
  return text;
}

std::optional<double> YamlReader::Number(const YamlNode& node, std::string_view what) {
  if (node.IsScalar() && node.Tag() != "!") {  // "!" marks a quoted scalar
    // yaml-cpp's own conversion (.inf, hexadecimal and all), on a scalar node of its own.
    double value = 0;
    if (YAML::convert<double>::decode(YAML::Node(node.Scalar()), value) && std::isfinite(value))
      return value;
  }
  Error(node, "Y002",
        fmt::format("{} must be a number, found {}", what,
                    node.IsScalar() ? "'" + node.Scalar() + "'" : std::string(NodeTypeName(node))));
  return std::nullopt;
}

std::optional<int> YamlReader::Integer(const YamlNode& node, std::string_view what) {
  if (node.IsScalar() && node.Tag() != "!") {
    int value = 0;
    if (YAML::convert<int>::decode(YAML::Node(node.Scalar()), value)) return value;
  }
  Error(node, "Y002",
        fmt::format("{} must be a whole number, found {}", what,
                    node.IsScalar() ? "'" + node.Scalar() + "'" : std::string(NodeTypeName(node))));
  return std::nullopt;
}

std::optional<bool> YamlReader::Boolean(const YamlNode& node, std::string_view what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  Error(node, "Y002", fmt::format("{} must be true or false", what));
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlReader::StringList(const YamlNode& node,
                                                               std::string_view what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) {
    Error(node, "Y002",
          fmt::format("{} must be a string or a list of strings, found {}", what,
                      NodeTypeName(node)));
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& item : node) {
    auto s = String(item, what);
    if (s) {
      out.push_back(*s);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace kaohe::internal
