#include "src/extract/phrase_matcher.h"

#include <algorithm>
#include <cassert>
#include <queue>
#include <utility>

namespace kaohe {

struct PhraseMatcher::Trie {
  struct TrieNode {
    std::unordered_map<char32_t, int> next;
    int id = -1;
    int length = 0;
  };
  std::vector<TrieNode> nodes = std::vector<TrieNode>(1);
};

PhraseMatcher::PhraseMatcher() : trie_(std::make_unique<Trie>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

void PhraseMatcher::Add(std::u32string_view phrase, int id) {
  assert(trie_ && "PhraseMatcher::Add after Build");
  if (phrase.empty()) return;
  auto& trie = trie_->nodes;
  int at = 0;
  for (char32_t c : phrase) {
    auto it = trie[at].next.find(c);
    if (it == trie[at].next.end()) {
      trie.emplace_back();
      int created = static_cast<int>(trie.size()) - 1;
      trie[at].next[c] = created;
      at = created;
    } else {
      at = it->second;
    }
  }
  if (trie[at].id < 0) {  // the first phrase added wins a tie
    trie[at].id = id;
    trie[at].length = static_cast<int>(phrase.size());
  }
}

inline int PhraseMatcher::Next(int node, char32_t c) const {
  if (node == 0 && c < root_.size()) return root_[c];
  auto first = edge_chars_.begin() + nodes_[static_cast<std::size_t>(node)].first_edge;
  auto last = edge_chars_.begin() + nodes_[static_cast<std::size_t>(node) + 1].first_edge;
  auto it = std::lower_bound(first, last, c);
  return it != last && *it == c ? edge_targets_[static_cast<std::size_t>(it - edge_chars_.begin())]
                                : -1;
}

void PhraseMatcher::Build() {
  assert(trie_ && "PhraseMatcher::Build twice");
  const auto& trie = trie_->nodes;
  nodes_.assign(trie.size() + 1, Node{});
  for (std::size_t n = 0; n < trie.size(); ++n) {
    nodes_[n].id = trie[n].id;
    nodes_[n].length = trie[n].length;
  }
  std::queue<int> queue;
  for (const auto& [c, child] : trie[0].next) queue.push(child);
  while (!queue.empty()) {
    int at = queue.front();
    queue.pop();
    int fail = nodes_[at].fail;
    nodes_[at].output = nodes_[fail].id >= 0 ? fail : nodes_[fail].output;
    for (const auto& [c, child] : trie[at].next) {
      int f = nodes_[at].fail;
      while (f != 0 && !trie[f].next.count(c)) f = nodes_[f].fail;
      auto it = trie[f].next.find(c);
      nodes_[child].fail = (it != trie[f].next.end() && it->second != child) ? it->second : 0;
      queue.push(child);
    }
  }
  std::vector<std::pair<char32_t, int>> edges;
  for (std::size_t n = 0; n < trie.size(); ++n) {
    nodes_[n].first_edge = static_cast<int>(edge_chars_.size());
    edges.assign(trie[n].next.begin(), trie[n].next.end());
    std::sort(edges.begin(), edges.end());
    for (const auto& [c, child] : edges) {
      edge_chars_.push_back(c);
      edge_targets_.push_back(child);
    }
  }
  nodes_.back().first_edge = static_cast<int>(edge_chars_.size());
  root_.assign(0x10000, -1);
  for (const auto& [c, child] : trie[0].next) {
    if (c < root_.size()) root_[c] = child;
  }
  trie_.reset();
}

std::vector<PhraseMatch> PhraseMatcher::Find(std::u32string_view text) const {
  std::vector<PhraseMatch> out;
  if (nodes_.empty()) return out;
  // Every match, before the overlaps go: scratch reused across calls on a thread.
  thread_local std::vector<PhraseMatch> all;
  all.clear();
  int at = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    int next = Next(at, c);
    while (next < 0 && at != 0) {
      at = nodes_[static_cast<std::size_t>(at)].fail;
      next = Next(at, c);
    }
    at = next < 0 ? 0 : next;
    for (int o = nodes_[at].id >= 0 ? at : nodes_[at].output; o > 0; o = nodes_[o].output) {
      int end = static_cast<int>(i) + 1;
      all.push_back({end - nodes_[o].length, end, nodes_[o].id});
    }
  }
  if (all.empty()) return out;
  // Leftmost-longest, without overlaps.
  std::sort(all.begin(), all.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  int covered = 0;
  for (const PhraseMatch& m : all) {
    if (m.begin < covered) continue;
    out.push_back(m);
    covered = m.end;
  }
  return out;
}

}  // namespace kaohe
