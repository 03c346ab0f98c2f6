// The Chinese words that qualify a figure, and what each means. One table, used by the
// target-table loaders and the extractor alike.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/qualifier.h"

namespace kaohe {

enum class QualifierPlacement { kBefore, kAfter };  // 超100亿元 / 100亿元以上

struct QualifierWord {
  std::string_view word;
  Qualifier qualifier;
  QualifierPlacement placement;
};

// Longest words first, so 不低于 is tried before 低于-like prefixes.
const std::vector<QualifierWord>& QualifierWords();

}  // namespace kaohe
