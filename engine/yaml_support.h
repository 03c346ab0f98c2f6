// Reading YAML with positions (internal to the loaders). yaml-cpp's parser reports 0-based
// lines and byte columns and throws; these helpers read a file into a YamlDocument, convert
// positions once, turn every exception and shape mistake into a Diagnostic, and catch what
// yaml-cpp lets through (duplicate keys).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/source.h"
#include "engine/yaml_tree.h"

namespace kaohe::internal {

// Deepest nesting of mappings and sequences accepted in any YAML file.
inline constexpr int kMaxYamlDepth = 64;
// Most nodes a YAML file may expand to, counting each use of an alias: a bound on "billion
// laughs" files, whose aliases expand exponentially.
inline constexpr long kMaxYamlNodes = 1'000'000;
// Largest YAML file accepted, in bytes.
inline constexpr std::size_t kMaxYamlBytes = 32u << 20;
// Most bytes of scalar text a YAML file may expand to, counting each use of an alias: twice the
// largest file, as escapes such as \L can make a scalar longer than its source.
inline constexpr std::uint64_t kMaxYamlScalarBytes = 2 * std::uint64_t{kMaxYamlBytes};

// Longest title (of a pack or a rule) and rule id, in characters: every finding repeats them.
inline constexpr int kMaxTitleLength = 200;
// Longest message template, waiver reason or other waiver field, in characters.
inline constexpr int kMaxShortTextLength = 1000;

// Whether a path names a YAML file, by its extension (.yaml or .yml).
bool IsYamlPath(std::string_view path);

// Y007 when the file at `path` is larger than kMaxYamlBytes, found before it is read; true when
// it is not (or cannot be measured: reading it then says why).
bool YamlFileFits(const std::string& path, Diagnostics& diagnostics);

class YamlReader {
 public:
  YamlReader(const SourceFile& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  // Parses the file; reports a syntax error (Y001), excessive depth (Y006), size (Y007), nodes
  // (Y008) or scalar text (Y009) and returns nullopt. An empty document is an empty mapping.
  // The nodes belong to this reader.
  std::optional<YamlNode> Parse();

  SourceLocation Where(const YamlNode& node) const;
  void Error(const YamlNode& node, std::string code, std::string message);
  void Warning(const YamlNode& node, std::string code, std::string message);

  // A mapping whose keys are all in `known`: unknown (Y003, with did-you-mean) and duplicate
  // (Y004) keys are reported. Returns false when the node is not a mapping (Y002).
  bool ExpectMapping(const YamlNode& node, std::string_view what,
                     const std::vector<std::string>& known);
  bool ExpectSequence(const YamlNode& node, std::string_view what);
  // Reports Y005 when a required key is absent.
  bool Require(const YamlNode& map, const YamlNode& parent_for_position, std::string_view key);

  // Scalars. Each reports Y002 and returns nullopt on a wrong type.
  std::optional<std::string> String(const YamlNode& node, std::string_view what);
  // A string of at most `max_code_points` characters, for text every finding repeats; Y010
  // past it.
  std::optional<std::string> ShortString(const YamlNode& node, std::string_view what,
                                         int max_code_points);
  std::optional<double> Number(const YamlNode& node, std::string_view what);
  std::optional<int> Integer(const YamlNode& node, std::string_view what);
  std::optional<bool> Boolean(const YamlNode& node, std::string_view what);
  // A scalar or a sequence of scalars, as a list of strings.
  std::optional<std::vector<std::string>> StringList(const YamlNode& node, std::string_view what);

  const SourceFile& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  // Where nodes made while reading go (rule tests' substituted cases).
  YamlDocument& document() { return document_; }

 private:
  // Flow nesting ([[[…]]]) checked on the text, before yaml-cpp recurses into it.
  bool CheckFlowNesting();

  const SourceFile& file_;
  Diagnostics& diagnostics_;
  YamlDocument document_;
};

}  // namespace kaohe::internal
