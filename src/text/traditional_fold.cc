#include "src/text/traditional_fold.h"

#include <array>

namespace kaohe {
namespace {

constexpr TraditionalFold kFolds[] = {
#include "src/text/traditional_fold_table.inc"
};

// The folds cover CJK extension A and the unified ideographs (U+3400..U+9FFF); a dense table
// over that range, built at compile time, makes a fold one load.
constexpr char32_t kFirst = 0x3400;
constexpr char32_t kLast = 0x9FFF;

constexpr auto kDense = [] {
  std::array<char16_t, kLast - kFirst + 1> table{};
  for (const TraditionalFold& f : kFolds) table[f.traditional - kFirst] = f.simplified;
  return table;
}();

}  // namespace

char32_t FoldTraditional(char32_t c) {
  if (c < kFirst || c > kLast) return c;
  char16_t s = kDense[c - kFirst];
  return s == 0 ? c : s;
}

std::span<const TraditionalFold> TraditionalFolds() { return kFolds; }

}  // namespace kaohe
