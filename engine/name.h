// Name: an interned, immutable string for the words facts and findings repeat by the million —
// entity names, indicator ids, units, file names, quotes. Each distinct text is stored once for
// the life of the process, so a Name is one pointer: copying it allocates nothing, two Names are
// equal exactly when their pointers are, and a Fact made of Names is trivially copyable.
// Ordering compares the text, so anything sorted by Names is sorted as by strings.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

namespace kaohe {

// Whether JSON escapes this byte inside a string: a control character, a quote or a backslash.
// Defined here, for interned texts to know it once; reporters escape by the same rule.
constexpr bool EscapedInJson(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

namespace name_detail {
// An interned text, with what is known of it once for all its uses.
struct Interned {
  std::string text;
  bool escapes_in_json = false;  // holds a control character, a quote or a backslash
};
// The text is at the start, so that a Name (a pointer to the text) finds the rest.
static_assert(std::is_standard_layout_v<Interned>);

// The text of every empty Name. A function's static, so that it exists before any Name made
// during static initialisation; inline, so that making an empty Name is a load and a branch.
inline const std::string& EmptyText() {
  static const Interned empty;
  return empty.text;
}
}  // namespace name_detail

class Name {
 public:
  Name() : text_(&name_detail::EmptyText()) {}
  Name(std::string_view text);  // NOLINT: implicit, so a string can stand where a Name is wanted
  Name(const char* text) : Name(std::string_view(text)) {}         // NOLINT
  Name(const std::string& text) : Name(std::string_view(text)) {}  // NOLINT

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }  // NOLINT
  operator std::string_view() const { return *text_; }    // NOLINT
  std::string_view view() const { return *text_; }
  bool empty() const { return text_->empty(); }
  std::size_t size() const { return text_->size(); }
  const char* c_str() const { return text_->c_str(); }
  const char* data() const { return text_->data(); }
  // Stable for the life of the process; usable as a hash.
  const void* id() const { return text_; }
  // Whether the text must be escaped to stand in a JSON string: known once per distinct text,
  // asked by reporters for every Name of every finding.
  bool escapes_in_json() const {
    return reinterpret_cast<const name_detail::Interned*>(text_)->escapes_in_json;
  }

  friend bool operator==(const Name& a, const Name& b) { return a.text_ == b.text_; }
  friend bool operator==(const Name& a, std::string_view b) { return *a.text_ == b; }
  friend bool operator==(const Name& a, const std::string& b) { return *a.text_ == b; }
  friend bool operator==(const Name& a, const char* b) { return *a.text_ == b; }
  friend std::strong_ordering operator<=>(const Name& a, const Name& b) {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    return *a.text_ <=> *b.text_;
  }
  friend std::strong_ordering operator<=>(const Name& a, std::string_view b) {
    return std::string_view(*a.text_) <=> b;
  }
  friend std::ostream& operator<<(std::ostream& out, const Name& name) {
    return out << *name.text_;
  }

 private:
  const std::string* text_;
};

// Names recently made from text, so that a loader reading a million facts about a few thousand
// entities interns each word once per run of lines, not once per line. A text's hash picks its
// one slot: a lookup is one comparison however many words cycle through (a round-robin list
// missed every time once a file cycled through one word more than it held). One per thread.
class RecentNames {
 public:
  Name Get(std::string_view text) {
    Name& slot = names_[Slot(text)];
    if (slot.view() != text) slot = Name(text);
    return slot;
  }

 private:
  // Only picks a slot (the text is then compared), so a few loads and a multiply will do: the
  // length and the first and last eight bytes, where the names of one file differ ("…00001",
  // "…00002").
  static std::size_t Slot(std::string_view text) {
    std::uint64_t head = 0, tail = 0;
    const std::size_t n = text.size();
    if (n >= 8) {
      std::memcpy(&head, text.data(), 8);
      std::memcpy(&tail, text.data() + n - 8, 8);
    } else if (n > 0) {
      std::memcpy(&head, text.data(), n);
    }
    std::uint64_t h = (head * 0x9E3779B97F4A7C15ULL) ^ (tail + n) * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::size_t>(h >> 56) % kSize;
  }

  static constexpr std::size_t kSize = 256;
  Name names_[kSize];
};

inline std::string operator+(const std::string& a, const Name& b) { return a + b.str(); }
inline std::string operator+(const Name& a, const std::string& b) { return a.str() + b; }
inline std::string operator+(const char* a, const Name& b) { return a + b.str(); }
inline std::string operator+(const Name& a, const char* b) { return a.str() + b; }

}  // namespace kaohe

template <>
struct std::hash<kaohe::Name> {
  std::size_t operator()(const kaohe::Name& name) const noexcept {
    return std::hash<const void*>()(name.id());
  }
};

template <>
struct fmt::formatter<kaohe::Name> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const kaohe::Name& name, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(name.view(), ctx);
  }
};
