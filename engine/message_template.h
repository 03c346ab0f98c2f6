// A rule's message template ("{entity} {period} {indicator}{measure} {actual} {verdict}
// {target}"), split once when the rule is compiled into literal text and placeholders, so that
// writing the message of each of a national check's hundreds of thousands of findings walks a
// few parts instead of parsing the template and matching names again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

// Every placeholder a message may use; see PlaceholderName for their spellings.
enum class Placeholder : std::uint8_t {
  kEntity,
  kKind,
  kPeriod,
  kIndicator,
  kIndicatorId,
  kMeasure,
  kActual,
  kTarget,
  kLhs,
  kRhs,
  kGap,
  kVerdict,
  kRule,
  kStatus,
};
inline constexpr int kPlaceholderCount = 14;

std::string_view PlaceholderName(Placeholder placeholder);  // "entity", "indicator_id" …
std::optional<Placeholder> PlaceholderNamed(std::string_view name);

// Literal text, or a placeholder: `text` is then its name, and `known` says which one it is
// (nullopt for a name kaohe does not know, which a message shows as it was written).
struct MessagePart {
  std::string text;
  bool is_placeholder = false;
  std::optional<Placeholder> known;
};

// {{ and }} stand for braces; an unclosed { is kept as text.
std::vector<MessagePart> SplitMessage(std::string_view message_template);

// Writes the message into `out`: text as it is, and each placeholder through
// `fill(part, out)`, which appends its value and returns true, or returns false to leave the
// placeholder as it was written.
template <typename Fill>
void AppendMessage(const std::vector<MessagePart>& parts, std::string& out, Fill&& fill) {
  for (const MessagePart& part : parts) {
    if (!part.is_placeholder) {
      out += part.text;
    } else if (!fill(part, out)) {
      out += '{';
      out += part.text;
      out += '}';
    }
  }
}

}  // namespace kaohe
