#include "src/report/json_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <nlohmann/json.hpp>

#include "engine/units.h"

namespace kaohe {

namespace {

char* WriteEscaped(char* p, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (!EscapedInJson(c)) {
      *p++ = ch;
      continue;
    }
    *p++ = '\\';
    switch (c) {
      case '"':
        *p++ = '"';
        break;
      case '\\':
        *p++ = '\\';
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\f':
        *p++ = 'f';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      default:
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 15];
        break;
    }
  }
  return p;
}

// Whether any of the text's bytes needs escaping: a byte below 0x20, a quote or a backslash.
// This runs over every message and arithmetic of every finding of a report: sixteen bytes at a
// time where the CPU has SSE2 (every x86-64), eight bytes in a word elsewhere and for the
// shortest texts.
bool NeedsJsonEscapeInWords(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  auto any = [&](std::uint64_t x) {
    // Bytes of 0x80 and above are never below 0x20; the mask keeps them from looking so.
    std::uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
    return (below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'))) != 0;
  };
  const std::size_t n = text.size();
  if (n == 0) return false;  // and data() may be null
  if (n < 8) {
    // Padded with spaces, which never need escaping.
    std::uint64_t x = kOnes * ' ';
    std::memcpy(&x, text.data(), n);
    return any(x);
  }
  std::uint64_t x;
  for (std::size_t i = 0; i + 8 <= n; i += 8) {
    std::memcpy(&x, text.data() + i, 8);
    if (any(x)) return true;
  }
  // The last eight bytes, overlapping what was checked: no byte-by-byte tail.
  std::memcpy(&x, text.data() + n - 8, 8);
  return any(x);
}

#if defined(__SSE2__)
bool NeedsJsonEscapeSse2(std::string_view text) {
  const std::size_t n = text.size();
  if (n < 16) return NeedsJsonEscapeInWords(text);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1f);
  auto any = [&](const char* p) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // x <= 0x1f, unsigned, exactly where min(x, 0x1f) == x.
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, last_control), x);
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash));
    return _mm_movemask_epi8(_mm_or_si128(control, special)) != 0;
  };
  for (std::size_t i = 0; i + 16 <= n; i += 16) {
    if (any(text.data() + i)) return true;
  }
  return any(text.data() + n - 16);  // the last sixteen, overlapping what was checked
}
#endif

}  // namespace

bool NeedsJsonEscape(std::string_view text) {
#if defined(__SSE2__)
  return NeedsJsonEscapeSse2(text);
#else
  return NeedsJsonEscapeInWords(text);
#endif
}

char* WriteJsonString(char* p, std::string_view text, bool needs_escape) {
  *p++ = '"';
  if (!needs_escape) {
    // The usual case, in one copy.
    CopyBytes(p, text.data(), text.size());
    p += text.size();
  } else {
    p = WriteEscaped(p, text);
  }
  *p++ = '"';
  return p;
}

char* WriteJsonNumber(char* p, double value) {
  if (!std::isfinite(value)) {
    std::memcpy(p, "null", 4);
    return p + 4;
  }
  // A whole number below 10^15 (a level in yuan, a count of enterprises) is written as
  // nlohmann writes it — its digits and ".0" — without the shortest-digits search.
  if (std::fabs(value) < 1e15 && value == std::trunc(value)) {
    if (std::signbit(value)) *p++ = '-';
    p = std::to_chars(p, p + kJsonIntRoom, static_cast<std::uint64_t>(std::fabs(value))).ptr;
    *p++ = '.';
    *p++ = '0';
    return p;
  }
  // A number of up to four decimal places that reads back as exactly this double (a growth
  // rate such as 4.28) is written with the fewest places that do, which is the shortest
  // round-trip text nlohmann's search finds for it (a test compares them over millions of
  // values), at a third of the search's cost. Below 9 * 10^11 the ten-thousandths are an
  // integer a double holds exactly, so dividing them back gives the double a reader parses.
  if (std::round(value * 1e4) / 1e4 == value) {
    if (char* end = WriteShortNumber(value, p)) return end;
  }
  // nlohmann::json's own shortest round-trip formatting, so that both writers agree to the byte.
  return nlohmann::detail::to_chars(p, p + kJsonNumberRoom, value);
}

char* WriteJsonInt(char* p, std::int64_t value) {
  return std::to_chars(p, p + kJsonIntRoom, value).ptr;
}

void AppendJsonString(std::string& out, std::string_view text) { JsonRun(out, 0).String(text); }

void AppendJsonNumber(std::string& out, double value) {
  JsonRun(out, kJsonNumberRoom).Number(value);
}

void AppendJsonInt(std::string& out, std::int64_t value) { JsonRun(out, kJsonIntRoom).Int(value); }

}  // namespace kaohe
