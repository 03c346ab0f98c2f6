#include "engine/period.h"

#include <charconv>

namespace kaohe {

std::optional<std::vector<int>> ParseYearRange(std::string_view text, bool& malformed) {
  malformed = false;
  auto dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  int from = 0, to = 0;
  std::string_view left = text.substr(0, dash), right = text.substr(dash + 1);
  auto [left_end, left_error] = std::from_chars(left.data(), left.data() + left.size(), from);
  auto [right_end, right_error] = std::from_chars(right.data(), right.data() + right.size(), to);
  if (left_error != std::errc() || right_error != std::errc() ||
      left_end != left.data() + left.size() || right_end != right.data() + right.size() ||
      to < from || to - from > kMaxPeriodRange) {
    malformed = true;
    return std::nullopt;
  }
  std::vector<int> years;
  for (int year = from; year <= to; ++year) years.push_back(year);
  return years;
}

}  // namespace kaohe
