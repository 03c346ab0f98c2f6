// Name: an interned, immutable string for the words facts and findings repeat by the million —
// entity names, indicator ids, units, file names, quotes. Each distinct text is stored once for
// the life of the process and numbered, so a Name is 32 bits: copying it allocates nothing, two
// Names are equal exactly when their numbers are, and a Fact made of Names is trivially copyable
// and small (a national check holds millions, and every page of them costs most when first
// touched). Ordering compares the text, so anything sorted by Names is sorted as by strings.
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

// The texts by number, in chunks made as numbering reaches them and never moved or freed, so a
// number is turned into its text with two loads and no lock. A number reaches a thread only
// through the lock its text was interned under, or through whatever handed it the Name.
inline constexpr unsigned kChunkBits = 12;
inline constexpr std::uint32_t kChunkMask = (std::uint32_t{1} << kChunkBits) - 1;
extern Interned* chunks[std::size_t{1} << (32 - kChunkBits)];

// The text of every empty Name (number 0): a function's static, so that it exists before any
// Name made during static initialisation, and no chunk is needed for it.
inline const Interned& Empty() {
  static const Interned empty;
  return empty;
}

inline const Interned& Lookup(std::uint32_t number) {
  if (number == 0) return Empty();
  return chunks[number >> kChunkBits][number & kChunkMask];
}
}  // namespace name_detail

class Name {
 public:
  Name() = default;
  Name(std::string_view text);  // NOLINT: implicit, so a string can stand where a Name is wanted
  Name(const char* text) : Name(std::string_view(text)) {}         // NOLINT
  Name(const std::string& text) : Name(std::string_view(text)) {}  // NOLINT

  const std::string& str() const { return name_detail::Lookup(number_).text; }
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  std::string_view view() const { return str(); }
  bool empty() const { return number_ == 0; }
  std::size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  const char* data() const { return str().data(); }
  // Stable for the life of the process, 0 for the empty text; usable as a hash.
  std::uint32_t id() const { return number_; }
  // Whether the text must be escaped to stand in a JSON string: known once per distinct text,
  // asked by reporters for every Name of every finding.
  bool escapes_in_json() const { return name_detail::Lookup(number_).escapes_in_json; }

  friend bool operator==(const Name& a, const Name& b) { return a.number_ == b.number_; }
  friend bool operator==(const Name& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Name& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const Name& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const Name& a, const Name& b) {
    if (a.number_ == b.number_) return std::strong_ordering::equal;
    return a.str() <=> b.str();
  }
  friend std::strong_ordering operator<=>(const Name& a, std::string_view b) {
    return a.view() <=> b;
  }
  friend std::ostream& operator<<(std::ostream& out, const Name& name) { return out << name.str(); }

 private:
  std::uint32_t number_ = 0;
};
static_assert(sizeof(Name) == 4);

// Names recently made from text, so that a loader reading a million facts about a few thousand
// entities interns each word once per run of lines, not once per line. A text's hash picks its
// one slot: a lookup is one comparison however many words cycle through (a round-robin list
// missed every time once a file cycled through one word more than it held). One per thread.
class RecentNames {
 public:
  Name Get(std::string_view text) {
    Recent& slot = names_[Slot(text)];
    if (slot.text != text) {
      slot.name = Name(text);
      slot.text = slot.name.view();
    }
    return slot.name;
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

  // The text is kept beside its Name (it views the interned text) so that a hit compares it
  // without turning the number into its text.
  struct Recent {
    std::string_view text;
    Name name;
  };
  static constexpr std::size_t kSize = 256;
  Recent names_[kSize];
};

inline std::string operator+(const std::string& a, const Name& b) { return a + b.str(); }
inline std::string operator+(const Name& a, const std::string& b) { return a.str() + b; }
inline std::string operator+(const char* a, const Name& b) { return a + b.str(); }
inline std::string operator+(const Name& a, const char* b) { return a.str() + b; }

}  // namespace kaohe

template <>
struct std::hash<kaohe::Name> {
  std::size_t operator()(const kaohe::Name& name) const noexcept {
    return std::hash<std::uint32_t>()(name.id());
  }
};

template <>
struct fmt::formatter<kaohe::Name> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const kaohe::Name& name, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(name.view(), ctx);
  }
};
