// Finding dictionary phrases in text: an Aho-Corasick automaton over code points, built once
// from every indicator and entity name and alias, matched in one pass per sentence.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kaohe {

struct PhraseMatch {
  int begin = 0;  // code point offsets, end exclusive
  int end = 0;
  int id = 0;  // the id given with the phrase
};

class PhraseMatcher {
 public:
  PhraseMatcher();
  ~PhraseMatcher();
  PhraseMatcher(PhraseMatcher&&) noexcept;
  PhraseMatcher& operator=(PhraseMatcher&&) noexcept;

  // Every Add comes before the one Build; the build-time trie is released by Build.
  void Add(std::u32string_view phrase, int id);
  void Build();

  // Leftmost-longest, non-overlapping matches.
  std::vector<PhraseMatch> Find(std::u32string_view text) const;

 private:
  // Matching reads only these flat arrays: a node's edges are
  // edge_chars_/edge_targets_[nodes_[n].first_edge, nodes_[n + 1].first_edge), sorted by
  // character, so a step touches a few adjacent cache lines.
  struct Node {
    int first_edge = 0;
    int fail = 0;
    int id = -1;      // the phrase ending here, or -1
    int length = 0;   // its length
    int output = -1;  // the nearest node on the fail chain that ends a phrase
  };
  struct Trie;                           // the build-time trie, with a hash map per node
  int Next(int node, char32_t c) const;  // -1 when there is no edge

  std::unique_ptr<Trie> trie_;
  std::vector<Node> nodes_;  // one more than the trie's nodes: the last holds the edge end
  std::vector<char32_t> edge_chars_;
  std::vector<int> edge_targets_;
  // The root's edges for every character of the Basic Multilingual Plane: most characters of a
  // text start no phrase, and this makes the common step one load.
  std::vector<int> root_;
};

}  // namespace kaohe
