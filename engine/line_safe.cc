#include "engine/line_safe.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace kaohe {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point at text[i] (negative for bytes that do not form one) and the index after it.
std::size_t Decode(std::string_view text, std::size_t i, UChar32& cp) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto next = static_cast<std::int32_t>(i);
  U8_NEXT(bytes, next, static_cast<std::int32_t>(text.size()), cp);
  return static_cast<std::size_t>(next);
}

bool IsBidiControl(UChar32 cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool MustEscape(UChar32 cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         IsBidiControl(cp);
}

// What .NET's Char.IsWhiteSpace calls white space, which the runner trims off a line's start.
bool IsWhiteSpace(UChar32 cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

void AppendEscape(std::string& out, UChar32 cp) {
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
    UChar32 cp;
    i = Decode(text, i, cp);
    if (cp < 0 || MustEscape(cp)) return false;
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
    UChar32 cp;
    const std::size_t next = Decode(text, i, cp);
    if (cp < 0) {
      for (std::size_t k = i; k < next; ++k) {
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[k]));
      }
    } else if (MustEscape(cp) ||
               (i == 0 && position == LinePosition::kStart && (cp == ':' || IsWhiteSpace(cp)))) {
      AppendEscape(out, cp);
    } else {
      out.append(text.substr(i, next - i));
    }
    i = next;
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
