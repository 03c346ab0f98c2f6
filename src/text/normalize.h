// Normalising one line of report text for extraction: NFKC (full-width digits and ％ become
// ASCII, compatibility forms fold) and removal of the spaces PDF conversion puts inside Chinese
// text ("国民经济和社会 发展计划", "26个， 完成"), and of characters that carry no text
// (private-use icon glyphs, zero-width marks); traditional characters fold to simplified ones
// (src/text/traditional_fold.h), so traditional-script mirrors of reports match. Every code point
// of the result maps back to the code point of the original line it came from, so positions shown
// to people are original.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

struct NormalizedLine {
  std::u32string text;
  // original[i]: index, in code points of the original line, of the code point text[i] came
  // from; original[text.size()] is the original line's length, so [begin, end) maps too.
  std::vector<int> original;

  int OriginalBegin(std::size_t i) const { return original[i]; }
  // The original end of a span ending (exclusive) at normalised index `end`.
  int OriginalEnd(std::size_t end) const;
};

// `line` must be valid UTF-8.
NormalizedLine NormalizeLine(std::string_view line);

// The NFKC form of a character common in reports, without ICU: ASCII, CJK ideographs and
// punctuation and private-use characters map to themselves, full-width ASCII to ASCII, the
// ideographic and no-break spaces to a space.
// 0 for any other character (NormalizeLine then hands the line to ICU).
char32_t FastNfkc(char32_t c);

// True for characters of Chinese text: CJK ideographs, CJK and full-width punctuation.
bool IsCjk(char32_t c);

std::string ToUtf8(std::u32string_view text);
std::u32string ToUtf32(std::string_view utf8);

}  // namespace kaohe
