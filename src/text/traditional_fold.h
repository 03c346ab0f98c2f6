// Folding traditional Chinese characters to simplified ones, one code point to one code point,
// so that a traditional-script mirror of a report ("國民經濟", "億元", "增長") matches the
// simplified indicators, places and cue words, while every column still maps back to the
// document as written. The table is derived from ICU's Hant-Hans transliterator by
// tools/gen_traditional_fold.cc and committed (traditional_fold_table.inc); a test keeps it
// fresh. It holds only context-free folds of characters that are never simplified text
// themselves: a character ICU keeps in some context (著 in 著名, 乾 in 乾坤) is left alone.
#pragma once

#include <array>
#include <span>

namespace kaohe {

struct TraditionalFold {
  char16_t traditional;
  char16_t simplified;
};

namespace traditional_fold_detail {
// The folds cover CJK extension A and the unified ideographs (U+3400..U+9FFF); a dense table
// over that range (0 where a character has no fold) makes a fold one load, inlined because
// normalisation folds every character.
inline constexpr char32_t kFirst = 0x3400;
inline constexpr char32_t kLast = 0x9FFF;
extern const std::array<char16_t, kLast - kFirst + 1> kDense;
}  // namespace traditional_fold_detail

// The simplified form of `c`, or `c` itself when it has no one-to-one fold.
inline char32_t FoldTraditional(char32_t c) {
  using namespace traditional_fold_detail;
  if (c < kFirst || c > kLast) return c;
  char16_t s = kDense[c - kFirst];
  return s == 0 ? c : s;
}

// Every fold, ordered by traditional code point.
std::span<const TraditionalFold> TraditionalFolds();

}  // namespace kaohe
