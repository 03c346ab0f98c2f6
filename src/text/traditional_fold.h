// Folding traditional Chinese characters to simplified ones, one code point to one code point,
// so that a traditional-script mirror of a report ("國民經濟", "億元", "增長") matches the
// simplified indicators, places and cue words, while every column still maps back to the
// document as written. The table is derived from ICU's Hant-Hans transliterator by
// tools/gen_traditional_fold.cc and committed (traditional_fold_table.inc); a test keeps it
// fresh. It holds only context-free folds of characters that are never simplified text
// themselves: a character ICU keeps in some context (著 in 著名, 乾 in 乾坤) is left alone.
#pragma once

#include <span>

namespace kaohe {

struct TraditionalFold {
  char16_t traditional;
  char16_t simplified;
};

// The simplified form of `c`, or `c` itself when it has no one-to-one fold.
char32_t FoldTraditional(char32_t c);

// Every fold, ordered by traditional code point.
std::span<const TraditionalFold> TraditionalFolds();

}  // namespace kaohe
