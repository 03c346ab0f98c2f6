// Quantities in normalised report text: numbers (Arabic, Chinese, mixed: 3.92亿元, 十余万,
// 壹仟贰佰), percentages (5%, 百分之五, 2个百分点, 九成), amounts with units, qualifiers
// (余, 多, 近, 超, 左右, 以上, 以内 …) and ranges (2-5个). Positions are code point indices into
// the normalised text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/qualifier.h"

namespace kaohe {

struct Quantity {
  int begin = 0;  // the whole mention: qualifier words, number and unit
  int end = 0;
  int number_begin = 0;  // the number alone, as a number recogniser would report it
  int number_end = 0;
  double number = 0;         // the number as written: 3.92 in 3.92亿元, 5 in 5%
  double value = 0;          // in the canonical unit: 392000000 for 3.92亿元
  std::string unit;          // canonical: 元, 家, 个, %, pp …; "" for a plain number
  std::string surface_unit;  // as written: 亿元, 户, 个百分点
  Qualifier qualifier = Qualifier::kNone;
  std::optional<double> high;  // the upper end of a range, in the canonical unit
};

// Numbers too large to be finite are left out; their number_begin positions are added to
// `out_of_range` when it is given.
std::vector<Quantity> FindQuantities(std::u32string_view text,
                                     std::vector<int>* out_of_range = nullptr);

// A Chinese or Arabic numeral alone ("四千零五", "1,200.5", "二分之一"); nullopt unless the
// whole text is one number.
std::optional<double> ParseNumber(std::u32string_view text);

}  // namespace kaohe
