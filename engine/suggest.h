// "Did you mean" for misspelt keys, indicators and entities.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

// Longest word, in code points, that did-you-mean looks for: a longer one is not a misspelling,
// and comparing it with every candidate would cost its length times theirs.
inline constexpr int kMaxSuggestedLength = 64;

// Edit distance in code points (insertions, deletions, substitutions, adjacent swaps).
int EditDistance(std::string_view a, std::string_view b);

// The closest candidate within a distance that grows with the word's length; nullopt when
// none is close enough or the word is longer than kMaxSuggestedLength. Ties go to the earliest
// candidate. Each candidate costs at most the word's length times twice that distance.
std::optional<std::string> DidYouMean(std::string_view word,
                                      const std::vector<std::string>& candidates);

// " (did you mean X?)" or "".
std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kaohe
