#include "engine/suggest.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace kaohe {
namespace {

// A word's code points; invalid bytes count one each, as U+FFFD.
std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// The edit distance of a and b when it is at most `max`, else max + 1. Only the cells within
// `max` of the diagonal are computed, three rows at a time (an adjacent swap reads two rows
// back), and it stops once two rows in a row exceed `max`: every later cell is at least the
// least of the two rows before it.
int BoundedDistance(const std::u32string& a, const std::u32string& b, int max) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  const int over = max + 1;
  std::vector<int> before(m + 1, over), previous(m + 1, over), current(m + 1, over);
  for (int j = 0; j <= std::min(m, max); ++j) previous[j] = j;
  bool previous_over = false;
  for (int i = 1; i <= n; ++i) {
    const int from = std::max(1, i - max), to = std::min(m, i + max);
    std::fill(current.begin(), current.end(), over);
    if (i <= max) current[0] = i;
    int row_least = current[0];
    for (int j = from; j <= to; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = std::min(d, over);
      row_least = std::min(row_least, current[j]);
    }
    const bool current_over = row_least > max;
    if (current_over && previous_over) return over;
    previous_over = current_over;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], over);
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b) {
  const std::u32string x = CodePoints(a), y = CodePoints(b);
  return BoundedDistance(x, y, static_cast<int>(std::max(x.size(), y.size())));
}

std::optional<std::string> DidYouMean(std::string_view word,
                                      const std::vector<std::string>& candidates) {
  const std::u32string w = CodePoints(word);
  const int length = static_cast<int>(w.size());
  if (length > kMaxSuggestedLength) return std::nullopt;
  const int limit = std::max(2, length / 3);
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // A candidate has at least a quarter of its bytes as code points, and at most all of them:
    // one far longer or shorter than the word cannot be close, and is not decoded.
    if (candidate.size() / 4 >= static_cast<std::size_t>(length + best_distance) ||
        candidate.size() + best_distance <= static_cast<std::size_t>(length) || candidate == word) {
      continue;
    }
    const int distance = BoundedDistance(w, CodePoints(candidate), best_distance - 1);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string DidYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates) {
  auto best = DidYouMean(word, candidates);
  return best ? " (did you mean " + *best + "?)" : "";
}

}  // namespace kaohe
