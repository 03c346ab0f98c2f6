#include "src/text/normalize.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <mutex>

#include "engine/source.h"
#include "src/text/traditional_fold.h"

namespace kaohe {

bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) ||  // unified ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||  // extension A
         (c >= 0x3000 && c <= 0x303F) ||  // CJK symbols and punctuation (、。「」〇)
         (c >= 0xFF00 && c <= 0xFFEF) ||  // full-width forms
         (c >= 0x2010 && c <= 0x206F) ||  // general punctuation (—— “ ” …)
         (c >= 0xF900 && c <= 0xFAFF) ||  // compatibility ideographs
         (c >= 0x20000 && c <= 0x2FA1F);  // extensions B and later
}

std::string ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::u32string ToUtf32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
  }
  return out;
}

int NormalizedLine::OriginalEnd(std::size_t end) const {
  if (end == 0) return original.empty() ? 0 : original[0];
  // The end of the last code point of the span: the start of the next original code point.
  int last = original[end - 1];
  for (std::size_t j = end; j < original.size(); ++j) {
    if (original[j] > last) return original[j];
  }
  return last + 1;
}

namespace {

// FastNfkc, inlined into the decode loop of NormalizeLine.
__attribute__((always_inline)) inline char32_t MapFastNfkc(char32_t c) {
  if (c < 0x80) return c;
  if (c >= 0x4E00 && c <= 0x9FFF) return c;           // CJK unified ideographs
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII → ASCII
  if (c == 0x3000 || c == 0xA0) return U' ';          // ideographic and no-break spaces
  // Private use (symbol fonts' bullets and boxes in converted reports): NFKC keeps them, and
  // normalisation then drops them as invisible.
  if (c >= 0xE000 && c <= 0xF8FF) return c;
  switch (c) {
    case 0x3001:
    case 0x3002:
    case 0x3008:
    case 0x3009:
    case 0x300A:
    case 0x300B:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x3010:
    case 0x3011:
    case 0x3014:
    case 0x3015:
    case 0x3007:  // 、。〈〉《》「」『』【】〔〕〇
    case 0x2014:
    case 0x2015:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2022:
    case 0x00B7:
    case 0x00D7:
    case 0x00F7:
    case 0x2212:
    case 0x2236:
    case 0x25CF:
    case 0x25B2:
    case 0x2605:
    case 0x2606:  // —―‘’“”•·×÷−∶●▲★☆
      return c;
    default:
      return 0;
  }
}

}  // namespace

char32_t FastNfkc(char32_t c) { return MapFastNfkc(c); }

namespace {

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkc;
}

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0'; }

// Characters that carry no text: private-use glyphs (icon fonts of web pages and PDFs, such
// as the bullet U+E004) and zero-width marks.
bool IsInvisible(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF ||
         c == 0x2060;
}

// NFKC through ICU, keeping its record of every edit to map results back to the original.
void DecodeNormalized(std::string_view line, const icu::Normalizer2* n, std::u32string& chars,
                      std::vector<int>& origins) {
  std::string nfkc;
  icu::Edits edits;
  bool mapped = false;
  if (n) {
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&nfkc);
    n->normalizeUTF8(0, icu::StringPiece(line.data(), static_cast<int32_t>(line.size())), sink,
                     &edits, status);
    mapped = U_SUCCESS(status);
  }
  if (!mapped) {
    nfkc.assign(line);
    edits.reset();
  }
  // Byte offset in the original for each byte of the NFKC text.
  std::vector<int> byte_origin(nfkc.size() + 1, static_cast<int>(line.size()));
  {
    UErrorCode status = U_ZERO_ERROR;
    icu::Edits::Iterator it = edits.getFineIterator();
    bool visited = false;
    while (it.next(status)) {
      visited = true;
      int32_t src = it.sourceIndex();
      int32_t dst = it.destinationIndex();
      for (int32_t k = 0; k < it.newLength(); ++k) {
        byte_origin[dst + k] = it.hasChange() ? src : src + k;
      }
    }
    if (!visited) {
      for (std::size_t k = 0; k < nfkc.size(); ++k) byte_origin[k] = static_cast<int>(k);
    }
  }
  // Code point index of each original byte offset.
  std::vector<int> cp_of_byte(line.size() + 1, 0);
  {
    int cp = 0;
    for (std::size_t b = 0; b < line.size(); ++b) {
      if ((static_cast<unsigned char>(line[b]) & 0xC0) != 0x80 && b > 0) ++cp;
      cp_of_byte[b] = cp;
    }
    cp_of_byte[line.size()] = line.empty() ? 0 : cp + 1;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(nfkc.data());
  int32_t i = 0, size = static_cast<int32_t>(nfkc.size());
  while (i < size) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, size, c);
    chars += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
    origins.push_back(cp_of_byte[static_cast<std::size_t>(byte_origin[start])]);
  }
}

}  // namespace

NormalizedLine NormalizeLine(std::string_view line) {
  // Scratch buffers reused across calls on a thread: normalisation runs once per line, and
  // allocating and zeroing two line-sized buffers each time cost more than the mapping itself.
  thread_local std::u32string scratch_chars;
  thread_local std::vector<int> scratch_origins;
  if (scratch_chars.size() < line.size()) {
    scratch_chars.resize(line.size());
    scratch_origins.resize(line.size());
  }
  const char32_t* chars = scratch_chars.data();
  const int* origins = scratch_origins.data();
  std::size_t count = 0;
  int code_points = 0;
  // Most lines hold only characters whose NFKC form kaohe knows (FastNfkc); they are mapped
  // directly. A line with any other character goes through ICU whole.
  bool fast = true;
  {
    const auto* s = reinterpret_cast<const uint8_t*>(line.data());
    int32_t i = 0, size = static_cast<int32_t>(line.size());
    while (i < size) {
      UChar32 c;
      // ASCII and well-formed three-byte sequences (all of CJK) are decoded inline; anything
      // else, including every ill-formed sequence, is left to U8_NEXT.
      uint8_t lead = s[i];
      if (lead < 0x80) {
        c = lead;
        ++i;
      } else if ((lead & 0xF0) == 0xE0 && size - i >= 3 && (s[i + 1] & 0xC0) == 0x80 &&
                 (s[i + 2] & 0xC0) == 0x80 &&
                 (c = ((lead & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F),
                  c >= 0x800 && (c < 0xD800 || c > 0xDFFF))) {
        i += 3;
      } else {
        U8_NEXT(s, i, size, c);
      }
      char32_t mapped = c < 0 ? 0 : MapFastNfkc(static_cast<char32_t>(c));
      if (mapped == 0) {
        fast = false;
        break;
      }
      scratch_chars[count] = mapped;
      scratch_origins[count++] = code_points++;
    }
  }
  std::u32string slow_chars;
  std::vector<int> slow_origins;
  if (!fast) {
    slow_chars.reserve(line.size());
    slow_origins.reserve(line.size());
    DecodeNormalized(line, Nfkc(), slow_chars, slow_origins);
    chars = slow_chars.data();
    origins = slow_origins.data();
    count = slow_chars.size();
    code_points = CodePointCount(line);
  }
  NormalizedLine out;
  out.text.reserve(count);
  out.original.reserve(count + 1);
  for (std::size_t i = 0; i < count;) {
    if (IsInvisible(chars[i])) {
      ++i;
      continue;
    }
    if (!IsSpace(chars[i])) {
      out.text += FoldTraditional(chars[i]);
      out.original.push_back(origins[i]);
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < count && IsSpace(chars[j])) ++j;
    bool before_cjk = i > 0 && IsCjk(chars[i - 1]);
    bool after_cjk = j < count && IsCjk(chars[j]);
    bool at_edge = i == 0 || j == count;
    if (!(before_cjk || after_cjk || at_edge)) {
      out.text += U' ';  // one space between two non-Chinese runs ("Using 3D")
      out.original.push_back(origins[i]);
    }
    i = j;
  }
  // A fast line decoded whole, so its code points were all counted.
  out.original.push_back(code_points);
  return out;
}

}  // namespace kaohe
