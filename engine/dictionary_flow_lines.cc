// The fast path of LoadDictionary for an entity file written one flow mapping a line, as
// tools/national-dictionary/generate.js writes national.yaml:
//
//   entities:
//     - {name: 北京市朝阳区, kind: district, parent: 北京市, code: "110105", shared_aliases:
//     [朝阳区]}
//
// A general YAML parser reads ~4,000 such lines in tens of milliseconds, which every command
// would pay. This reader accepts only a strict subset whose meaning in YAML is plain: a line
// is blank, a comment, `entities:`, or one entity whose scalars are plain words (no YAML
// indicator characters, no null or boolean spellings) or a quoted string of digits. Anything
// else, and any entity that the general path would report a problem for, makes it decline
// the whole file before adding anything, and the general path reads it with its diagnostics.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dictionary.h"
#include "engine/yaml_support.h"

namespace kaohe::internal {
namespace {

constexpr std::size_t kMaxFastFileBytes = 32u << 20;  // the general path's file limit

bool IsSpecialScalar(std::string_view s) {
  static constexpr std::array<std::string_view, 20> kSpecial = {
      "null", "Null", "NULL", "~",  "true", "True", "TRUE", "false", "False", "FALSE",
      "yes",  "Yes",  "YES",  "no", "No",   "NO",   "on",   "On",    "off",   "Off"};
  for (std::string_view w : kSpecial) {
    if (s == w) return true;
  }
  return s == "y" || s == "Y" || s == "n" || s == "N";
}

// A plain scalar that means its own text in YAML: word characters and non-ASCII only, and a
// hyphen inside a word (广西-东盟经济技术开发区): only a leading one is a YAML indicator.
bool IsPlainWord(std::string_view s) {
  if (s.empty() || IsSpecialScalar(s) || s.front() == '-' || s.back() == '-') return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    bool ok = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  // Full-width punctuation is fine in YAML, but U+FEFF (a byte order mark) is not a word.
  return s.find("\xEF\xBB\xBF") == std::string_view::npos;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<std::vector<std::string>> WordList(std::string_view v) {
  if (v.size() < 2 || v.front() != '[' || v.back() != ']') return std::nullopt;
  v = v.substr(1, v.size() - 2);
  std::vector<std::string> words;
  while (!v.empty()) {
    std::size_t comma = v.find(", ");
    std::string_view word = v.substr(0, comma);
    if (!IsPlainWord(word)) return std::nullopt;
    words.emplace_back(word);
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 2);
    if (v.empty()) return std::nullopt;  // a trailing ", "
  }
  if (words.empty()) return std::nullopt;
  return words;
}

// One entity line's mapping text (between the braces), or nullopt to decline.
std::optional<Entity> ParseEntity(std::string_view body) {
  Entity entity;
  bool has_name = false, has_kind = false;
  std::array<bool, 7> seen{};
  while (!body.empty()) {
    std::size_t colon = body.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view key = body.substr(0, colon);
    body.remove_prefix(colon + 2);
    std::size_t end;
    if (!body.empty() && body.front() == '[') {
      end = body.find(']');
      if (end == std::string_view::npos) return std::nullopt;
      ++end;
    } else {
      end = body.find(", ");
      if (end == std::string_view::npos) end = body.size();
    }
    std::string_view value = body.substr(0, end);
    body.remove_prefix(end);
    if (!body.empty()) {
      if (!body.starts_with(", ") || body.size() == 2) return std::nullopt;
      body.remove_prefix(2);
    }
    static constexpr std::array<std::string_view, 7> kKeys = {
        "name", "kind", "parent", "code", "aliases", "shared_aliases", "groups"};
    std::size_t k = 0;
    while (k < kKeys.size() && kKeys[k] != key) ++k;
    if (k == kKeys.size() || seen[k]) return std::nullopt;
    seen[k] = true;
    if (key == "aliases" || key == "shared_aliases" || key == "groups") {
      auto words = WordList(value);
      if (!words) return std::nullopt;
      (key == "aliases"  ? entity.aliases
       : key == "groups" ? entity.groups
                         : entity.shared_aliases) = std::move(*words);
      continue;
    }
    if (key == "code") {
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      if (!IsDigits(value)) return std::nullopt;
      entity.code = std::string(value);
      continue;
    }
    if (!IsPlainWord(value)) return std::nullopt;
    if (key == "name") {
      if (CodePointCount(value) > kMaxTitleLength) return std::nullopt;
      entity.name = Name(value);
      has_name = true;
    } else if (key == "kind") {
      auto kind = EntityKindFromId(value);
      if (!kind) return std::nullopt;
      entity.kind = *kind;
      has_kind = true;
    } else {
      entity.parent = std::string(value);
    }
  }
  if (!has_name || !has_kind) return std::nullopt;
  return entity;
}

}  // namespace

bool LoadFlowLineEntities(const SourceFile& file, Dictionary& dictionary,
                          Diagnostics& diagnostics) {
  if (file.text().size() > kMaxFastFileBytes) return false;
  std::vector<Entity> entities;
  bool root_seen = false;
  for (int line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.Line(line);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.front() == '#') continue;
    if (text == "entities:") {
      if (root_seen) return false;
      root_seen = true;
      continue;
    }
    static constexpr std::string_view kItem = "  - {";
    if (!root_seen || !text.starts_with(kItem) || text.back() != '}') return false;
    auto entity = ParseEntity(text.substr(kItem.size(), text.size() - kItem.size() - 1));
    if (!entity) return false;
    entity->defined_at = {Name(file.path()), line, static_cast<int>(kItem.size())};
    entities.push_back(std::move(*entity));
  }
  if (!root_seen || entities.empty()) return false;
  for (Entity& e : entities) dictionary.AddEntity(std::move(e), diagnostics);
  return true;
}

}  // namespace kaohe::internal
