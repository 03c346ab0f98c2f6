#include "engine/message_template.h"

#include <array>

namespace kaohe {
namespace {

constexpr std::array<std::string_view, kPlaceholderCount> kNames = {
    "entity", "kind", "period", "indicator", "indicator_id", "measure", "actual",
    "target", "lhs",  "rhs",    "gap",       "verdict",      "rule",    "status"};

void AppendText(std::vector<MessagePart>& parts, std::string_view text) {
  if (text.empty()) return;
  if (parts.empty() || parts.back().is_placeholder) parts.push_back({});
  parts.back().text.append(text);
}

}  // namespace

std::string_view PlaceholderName(Placeholder placeholder) {
  return kNames[static_cast<std::size_t>(placeholder)];
}

std::optional<Placeholder> PlaceholderNamed(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Placeholder>(i);
  }
  return std::nullopt;
}

std::vector<MessagePart> SplitMessage(std::string_view t) {
  std::vector<MessagePart> parts;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((t[i] == '{' || t[i] == '}') && i + 1 < t.size() && t[i + 1] == t[i]) {
      AppendText(parts, t.substr(i, 1));
      ++i;
    } else if (t[i] == '{') {
      std::size_t close = t.find('}', i);
      if (close == std::string_view::npos) {
        AppendText(parts, t.substr(i));
        break;
      }
      std::string_view name = t.substr(i + 1, close - i - 1);
      parts.push_back({std::string(name), true, PlaceholderNamed(name)});
      i = close;
    } else {
      // The run up to the next brace, at once.
      std::size_t next = t.find_first_of("{}", i + 1);
      if (next == std::string_view::npos) next = t.size();
      AppendText(parts, t.substr(i, next - i));
      i = next - 1;
    }
  }
  return parts;
}

}  // namespace kaohe
