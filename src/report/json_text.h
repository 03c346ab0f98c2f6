// JSON text written straight into a string, formatted exactly as nlohmann::json's dump() formats
// it (tests compare the two), without first building a document: reports of hundreds of
// thousands of findings are written this way.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/name.h"

namespace kaohe {

void AppendJsonString(std::string& out, std::string_view text);
// Non-finite values are written as null, as nlohmann::json writes them.
void AppendJsonNumber(std::string& out, double value);
void AppendJsonInt(std::string& out, std::int64_t value);

// Whether any byte of the text is escaped in JSON (EscapedInJson), scanned 16 bytes at a time.
bool NeedsJsonEscape(std::string_view text);

// The same, written at `p` into room the caller has made; each returns the end of what it wrote.
// A string takes at most JsonStringRoom bytes, a number kJsonNumberRoom and an integer
// kJsonIntRoom. `needs_escape` is NeedsJsonEscape(text), found once by the caller.
inline constexpr std::size_t kJsonNumberRoom = 64;
inline constexpr std::size_t kJsonIntRoom = 24;
char* WriteJsonString(char* p, std::string_view text, bool needs_escape);
char* WriteJsonNumber(char* p, double value);
char* WriteJsonInt(char* p, std::int64_t value);

// The room a string needs: its length and quotes when nothing in it is escaped, six bytes a
// byte when something is. Exact rather than six bytes a byte throughout: room made is zeroed by
// std::string before it is written over.
inline std::size_t JsonStringRoom(std::size_t size, bool needs_escape) {
  return needs_escape ? 6 * size + 2 : size + 2;
}
inline std::size_t JsonStringRoom(std::string_view text) {
  return JsonStringRoom(text.size(), NeedsJsonEscape(text));
}
// A Name's, whose escaping is known from when it was interned: nothing is scanned.
inline std::size_t JsonNameRoom(const Name& name) {
  return JsonStringRoom(name.size(), name.escapes_in_json());
}

// A stretch of JSON written through a pointer: a fact is a dozen fields, and appending each to
// the string would check its capacity a dozen times. `fixed_room` must hold every literal,
// word and number the run writes; `string_room`, what its strings need (JsonStringRoom of
// each), made at once — a string that does not fit makes room for itself. The string is cut to
// what was written when the run ends.
// Copies `n` bytes, inline when there are at most 16: most strings of a report are names and
// words that short, and a call into the library's memcpy for each was a seventh of writing a
// finding. Reads and writes only [src, src + n) and [dst, dst + n).
inline void CopyBytes(char* dst, const char* src, std::size_t n) {
  if (n >= 8 && n <= 16) {
    std::uint64_t head, tail;  // overlapping when n < 16
    std::memcpy(&head, src, 8);
    std::memcpy(&tail, src + n - 8, 8);
    std::memcpy(dst, &head, 8);
    std::memcpy(dst + n - 8, &tail, 8);
  } else if (n >= 4 && n < 8) {
    std::uint32_t head, tail;
    std::memcpy(&head, src, 4);
    std::memcpy(&tail, src + n - 4, 4);
    std::memcpy(dst, &head, 4);
    std::memcpy(dst + n - 4, &tail, 4);
  } else if (n < 4) {
    for (std::size_t i = 0; i < n; ++i) dst[i] = src[i];
  } else {
    std::memcpy(dst, src, n);
  }
}

class JsonRun {
 public:
  JsonRun(std::string& out, std::size_t fixed_room, std::size_t string_room = 0)
      : out_(out), fixed_room_(fixed_room) {
    // The literals' room twice: String keeps the whole of it free after each string, while
    // some of it has already been used.
    Grow(out.size(), string_room + fixed_room);
  }
  ~JsonRun() {
    assert(p_ <= end_);
    out_.resize(static_cast<std::size_t>(p_ - out_.data()));
  }
  JsonRun(const JsonRun&) = delete;
  JsonRun& operator=(const JsonRun&) = delete;

  // Literal text: keys with their quotes and colon, punctuation.
  template <std::size_t N>
  void Raw(const char (&text)[N]) {
    std::memcpy(p_, text, N - 1);
    p_ += N - 1;
  }
  // A word of a fixed vocabulary (measure, kind, status …): quoted, never escaped.
  void Word(std::string_view word) {
    *p_++ = '"';
    CopyBytes(p_, word.data(), word.size());
    p_ += word.size();
    *p_++ = '"';
  }
  void String(std::string_view text) { String(text, NeedsJsonEscape(text)); }
  // `needs_escape`: NeedsJsonEscape(text), when the caller has already scanned it.
  void String(std::string_view text, bool needs_escape) {
    MakeRoom(JsonStringRoom(text.size(), needs_escape));
    p_ = WriteJsonString(p_, text, needs_escape);
  }
  // A Name's text, its escaping known from when it was interned rather than scanned for.
  void NameText(const Name& name) { String(name.view(), name.escapes_in_json()); }
  void Number(double value) { p_ = WriteJsonNumber(p_, value); }
  void Int(std::int64_t value) { p_ = WriteJsonInt(p_, value); }

 private:
  // Room for a string of at most `room` bytes, with the literals' room still free after it.
  void MakeRoom(std::size_t room) {
    if (static_cast<std::size_t>(end_ - p_) < room + fixed_room_) [[unlikely]] {
      Grow(static_cast<std::size_t>(p_ - out_.data()), room);
    }
  }
  // Room for `more` bytes and the literals still to come, after the first `used` bytes.
  void Grow(std::size_t used, std::size_t more) {
    out_.resize(used + more + fixed_room_);
    p_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }

  std::string& out_;
  std::size_t fixed_room_;
  char* p_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace kaohe
