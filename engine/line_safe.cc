#include "engine/line_safe.h"

#include <fmt/format.h>

namespace kaohe {
namespace {

constexpr char32_t kNotUtf8 = 0xFFFFFFFF;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point at text[i] and its length in bytes; kNotUtf8 and 1 for a byte that does not
// start a well-formed sequence (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF). The engine does not link ICU, hence this decoder.
std::size_t Decode(std::string_view text, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  const std::size_t left = text.size() - i;
  cp = kNotUtf8;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  }
  std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
  if (length == 0 || left < length) return 1;
  for (std::size_t k = 1; k < length; ++k) {
    if (!IsContinuation(byte(k))) return 1;
  }
  const unsigned char second = byte(1);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {
    return 1;
  }
  char32_t value = lead & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) value = (value << 6) | (byte(k) & 0x3F);
  cp = value;
  return length;
}

bool IsBidiControl(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool MustEscape(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         IsBidiControl(cp);
}

// What .NET's Char.IsWhiteSpace calls white space, which the runner trims off a line's start.
bool IsWhiteSpace(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

void AppendEscape(std::string& out, char32_t cp) {
  switch (cp) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (cp < 0x80) {
    out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
  } else {
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
  }
}

}  // namespace

bool IsLineSafe(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    // Three-byte sequences led by E1, E3-EC, EE or EF (U+1000-U+1FFF, U+3000-U+CFFF,
    // U+E000-U+FFFF: CJK among them) hold nothing to escape; only their shape is checked.
    if (((c >= 0xE1 && c <= 0xEC && c != 0xE2) || c >= 0xEE) && c <= 0xEF && i + 2 < text.size() &&
        IsContinuation(static_cast<unsigned char>(text[i + 1])) &&
        IsContinuation(static_cast<unsigned char>(text[i + 2]))) {
      i += 3;
      continue;
    }
    char32_t cp;
    i += Decode(text, i, cp);
    if (cp == kNotUtf8 || MustEscape(cp)) return false;
  }
  return true;
}

void AppendLineSafe(std::string& out, std::string_view text, LinePosition position) {
  if (position == LinePosition::kInside && IsLineSafe(text)) {
    out.append(text);  // the common case, copied in one piece
    return;
  }
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F && !(i == 0 && position == LinePosition::kStart)) {
      out += static_cast<char>(c);  // the common case: printable ASCII
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t length = Decode(text, i, cp);
    if (cp == kNotUtf8) {
      out += fmt::format("\\x{:02x}", c);
    } else if (MustEscape(cp) ||
               (i == 0 && position == LinePosition::kStart && (cp == ':' || IsWhiteSpace(cp)))) {
      AppendEscape(out, cp);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
}

std::string LineSafe(std::string_view text, LinePosition position) {
  std::string out;
  out.reserve(text.size());
  AppendLineSafe(out, text, position);
  return out;
}

std::string Shorten(std::string_view text, int max_code_points) {
  // Code points start at every byte that is not a continuation byte.
  const int half = max_code_points / 2;
  std::size_t head_end = text.size(), tail_start = text.size();
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsContinuation(static_cast<unsigned char>(text[i]))) continue;
    if (count == half) head_end = i;
    if (++count > max_code_points) break;
  }
  if (count <= max_code_points) return std::string(text);
  int from_end = 0;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (IsContinuation(static_cast<unsigned char>(text[i]))) continue;
    tail_start = i;
    if (++from_end == half) break;
  }
  return fmt::format("{}…({} bytes)…{}", text.substr(0, head_end), text.size(),
                     text.substr(tail_start));
}

}  // namespace kaohe
