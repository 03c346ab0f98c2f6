// Deriving the traditional-to-simplified fold table from ICU's Hant-Hans transliterator. Used
// by the generator (tools/gen_traditional_fold.cc) and by the test that checks the committed
// table is what the installed ICU gives; kaohe itself reads only the committed table.
#pragma once

#include <string>
#include <vector>

#include "src/text/traditional_fold.h"

namespace kaohe {

// The folds over U+3400..U+9FFF: each character that Hant-Hans turns, on its own, into exactly
// one other code point, except characters ICU itself leaves unchanged in some context (they
// are simplified text too: 著 in 著名, 乾 in 乾坤, 藉 in 狼藉), see IcuRuleSlips for the few
// that only look so because of slips in ICU's rules. Ordered by traditional code point. On
// failure (no Hant-Hans in this ICU) returns nothing and sets `error`.
std::vector<TraditionalFold> DeriveTraditionalFolds(std::string& error);

// Characters in ICU's output set only through a slip in its rules (a traditional character
// left in a rule's output, or a rule written with simplified input); they are never
// simplified text and fold as their single-character rule says.
std::u16string IcuRuleSlips();

// The generated file's text (one `{traditional, simplified},` line per fold).
std::string TraditionalFoldTableText(const std::vector<TraditionalFold>& folds);

}  // namespace kaohe
