// Reading YAML with positions (internal to the loaders). yaml-cpp's parser reports 0-based
// lines and byte columns and throws; these helpers read a file into a YamlDocument, convert
// positions once, turn every exception and shape mistake into a Diagnostic, and catch what
// yaml-cpp lets through (duplicate keys).
#pragma once

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

class YamlReader {
 public:
  YamlReader(const SourceFile& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  // Parses the file; reports a syntax error (Y001) or excessive depth (Y006) and returns
  // nullopt. An empty document is an empty mapping. The nodes belong to this reader.
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
  bool CheckDepth(const YamlNode& node, int depth, long& visited);
  // Flow nesting ([[[…]]]) checked on the text, before yaml-cpp recurses into it.
  bool CheckFlowNesting();

  const SourceFile& file_;
  Diagnostics& diagnostics_;
  YamlDocument document_;
};

}  // namespace kaohe::internal
