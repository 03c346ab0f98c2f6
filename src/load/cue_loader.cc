#include "src/load/cue_loader.h"

#include <fmt/format.h>

#include "engine/yaml_support.h"

namespace kaohe {
namespace {

using internal::YamlNode;
using internal::YamlReader;

// One entry of a category's list: a word, or a mapping with word: or pattern: and a note. False
// when the category is full (Q003, reported once): its later entries are not read.
bool LoadEntry(YamlReader& reader, const YamlNode& node, CueCategory category, CueSet& cues) {
  const std::string_view what = CueCategoryId(category);
  YamlNode text_node = node;
  bool pattern = false;
  if (node.IsMap()) {
    if (!reader.ExpectMapping(node, "a cue", {"word", "pattern", "note"})) return true;
    if (node["word"] && node["pattern"]) {
      reader.Error(node["pattern"], "Q006", "a cue is a word or a pattern, not both");
      return true;
    }
    if (!node["word"] && !node["pattern"]) {
      reader.Require(node, node, "pattern");
      return true;
    }
    if (node["note"] && !reader.ShortString(node["note"], "note", internal::kMaxShortTextLength)) {
      return true;
    }
    pattern = static_cast<bool>(node["pattern"]);
    text_node = pattern ? node["pattern"] : node["word"];
  }
  auto text = pattern ? reader.ShortString(text_node, "pattern", kMaxCuePatternLength)
                      : reader.ShortString(text_node, "a cue word", kMaxCueWordLength);
  if (!text) return true;
  if (const CueEntry* first = cues.FindEntry(category, *text, pattern)) {
    reader.Warning(text_node, "Q005",
                   fmt::format("'{}' is already a {} cue ({}:{}:{})", *text, what,
                               first->defined_at.file.str(), first->defined_at.line,
                               first->defined_at.column));
    return true;
  }
  if (!pattern) {
    if (cues.word_count(category) >= kMaxCueWords) {
      reader.Error(text_node, "Q003",
                   fmt::format("more than {} {} words in all cue files", kMaxCueWords, what));
      return false;
    }
    if (!cues.AddWord(category, *text, reader.Where(text_node))) {
      reader.Error(text_node, "Q004", "an empty cue word would be found everywhere");
    }
    return true;
  }
  if (cues.pattern_count(category) >= kMaxCuePatterns) {
    reader.Error(text_node, "Q003",
                 fmt::format("more than {} {} patterns in all cue files", kMaxCuePatterns, what));
    return false;
  }
  if (auto error = cues.AddPattern(category, *text, reader.Where(text_node))) {
    switch (error->kind) {
      case CuePatternError::Kind::kSyntax:
        reader.Error(text_node, "Q001", "bad RE2 pattern: " + error->message);
        break;
      case CuePatternError::Kind::kTooLarge:
        reader.Error(text_node, "Q002", error->message);
        break;
      case CuePatternError::Kind::kMatchesEmpty:
        reader.Error(text_node, "Q004", error->message);
        break;
    }
  }
  return true;
}

}  // namespace

void LoadCues(const SourceFile& file, CueSet& cues, Diagnostics& diagnostics) {
  YamlReader reader(file, diagnostics);
  auto root = reader.Parse();
  if (!root) return;
  if (!reader.ExpectMapping(*root, "a cue file", CueCategoryIds())) return;
  // In the order of the categories; a key given twice is an error (Y004), its first list read.
  for (const std::string& id : CueCategoryIds()) {
    const YamlNode list = (*root)[id];
    if (!list || list.IsNull()) continue;  // a category absent or given no entries
    if (!reader.ExpectSequence(list, id)) continue;
    const CueCategory category = *CueCategoryFromId(id);
    for (const auto& item : list) {
      if (!LoadEntry(reader, item, category, cues)) break;
    }
  }
}

}  // namespace kaohe
