#include "src/text/traditional_fold.h"

#include <array>

namespace kaohe {
namespace {

constexpr TraditionalFold kFolds[] = {
#include "src/text/traditional_fold_table.inc"
};

}  // namespace

namespace traditional_fold_detail {
// Built at compile time, so it is constant data with no start-up cost.
extern constexpr std::array<char16_t, kLast - kFirst + 1> kDense = [] {
  std::array<char16_t, kLast - kFirst + 1> table{};
  for (const TraditionalFold& f : kFolds) table[f.traditional - kFirst] = f.simplified;
  return table;
}();
}  // namespace traditional_fold_detail

std::span<const TraditionalFold> TraditionalFolds() { return kFolds; }

}  // namespace kaohe
