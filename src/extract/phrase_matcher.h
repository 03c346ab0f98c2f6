// Finding dictionary phrases in text: an Aho-Corasick automaton over code points, built once
// from every indicator and entity name and alias, matched in one pass per sentence.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kaohe {

struct PhraseMatch {
  int begin = 0;  // code point offsets, end exclusive
  int end = 0;
  int id = 0;  // the id given with the phrase
};

class PhraseMatcher {
 public:
  void Add(std::u32string_view phrase, int id);
  void Build();  // after the last Add

  // Leftmost-longest, non-overlapping matches.
  std::vector<PhraseMatch> Find(std::u32string_view text) const;

 private:
  struct Node {
    std::unordered_map<char32_t, int> next;       // while building
    std::vector<std::pair<char32_t, int>> edges;  // after Build: sorted by character
    int fail = 0;
    int id = -1;      // the phrase ending here, or -1
    int length = 0;   // its length
    int output = -1;  // the nearest node on the fail chain that ends a phrase
  };
  int Next(int node, char32_t c) const;  // -1 when there is no edge

  std::vector<Node> nodes_ = std::vector<Node>(1);
  // The root's edges for every character of the Basic Multilingual Plane: most characters of a
  // text start no phrase, and this makes the common step one load.
  std::vector<int> root_;
  bool built_ = false;
};

}  // namespace kaohe
