// Periods as users write them in YAML: a year (2023) or a range of years ("2023-2025").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kaohe {

// Longest range of years accepted in one period value.
inline constexpr int kMaxPeriodRange = 100;

// "2023-2025" → {2023, 2024, 2025}; nullopt when the text is not a range (a plain year is not
// a range). Sets `malformed` when it looks like a range but is not a valid one.
std::optional<std::vector<int>> ParseYearRange(std::string_view text, bool& malformed);

}  // namespace kaohe
