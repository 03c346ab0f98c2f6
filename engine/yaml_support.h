// Reading YAML with positions (internal to the loaders). yaml-cpp reports 0-based lines and
// byte columns and throws; these helpers convert positions once, turn every exception and
// shape mistake into a Diagnostic, and catch what yaml-cpp lets through (duplicate keys).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/source.h"

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
  // nullopt. An empty document is an empty mapping.
  std::optional<YAML::Node> Parse();

  SourceLocation Where(const YAML::Node& node) const;
  void Error(const YAML::Node& node, std::string code, std::string message);
  void Warning(const YAML::Node& node, std::string code, std::string message);

  // A mapping whose keys are all in `known`: unknown (Y003, with did-you-mean) and duplicate
  // (Y004) keys are reported. Returns false when the node is not a mapping (Y002).
  bool ExpectMapping(const YAML::Node& node, std::string_view what,
                     const std::vector<std::string>& known);
  bool ExpectSequence(const YAML::Node& node, std::string_view what);
  // Reports Y005 when a required key is absent.
  bool Require(const YAML::Node& map, const YAML::Node& parent_for_position, std::string_view key);

  // Scalars. Each reports Y002 and returns nullopt on a wrong type.
  std::optional<std::string> String(const YAML::Node& node, std::string_view what);
  std::optional<double> Number(const YAML::Node& node, std::string_view what);
  std::optional<int> Integer(const YAML::Node& node, std::string_view what);
  std::optional<bool> Boolean(const YAML::Node& node, std::string_view what);
  // A scalar or a sequence of scalars, as a list of strings.
  std::optional<std::vector<std::string>> StringList(const YAML::Node& node, std::string_view what);

  const SourceFile& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  bool CheckDepth(const YAML::Node& node, int depth, long& visited);
  // Flow nesting ([[[…]]]) checked on the text, before yaml-cpp recurses into it.
  bool CheckFlowNesting();

  const SourceFile& file_;
  Diagnostics& diagnostics_;
};

}  // namespace kaohe::internal
