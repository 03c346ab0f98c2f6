#include "src/extract/phrase_matcher.h"

#include <algorithm>
#include <queue>

namespace kaohe {

void PhraseMatcher::Add(std::u32string_view phrase, int id) {
  if (phrase.empty()) return;
  int at = 0;
  for (char32_t c : phrase) {
    auto it = nodes_[at].next.find(c);
    if (it == nodes_[at].next.end()) {
      nodes_.emplace_back();
      int created = static_cast<int>(nodes_.size()) - 1;
      nodes_[at].next[c] = created;
      at = created;
    } else {
      at = it->second;
    }
  }
  if (nodes_[at].id < 0) {  // the first phrase added wins a tie
    nodes_[at].id = id;
    nodes_[at].length = static_cast<int>(phrase.size());
  }
  built_ = false;
}

int PhraseMatcher::Next(int node, char32_t c) const {
  if (node == 0 && c < root_.size()) return root_[c];
  const auto& edges = nodes_[static_cast<std::size_t>(node)].edges;
  auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(c, -1));
  return it != edges.end() && it->first == c ? it->second : -1;
}

void PhraseMatcher::Build() {
  std::queue<int> queue;
  for (auto& [c, child] : nodes_[0].next) {
    nodes_[child].fail = 0;
    queue.push(child);
  }
  while (!queue.empty()) {
    int at = queue.front();
    queue.pop();
    int fail = nodes_[at].fail;
    nodes_[at].output = nodes_[fail].id >= 0 ? fail : nodes_[fail].output;
    for (auto& [c, child] : nodes_[at].next) {
      int f = nodes_[at].fail;
      while (f != 0 && !nodes_[f].next.count(c)) f = nodes_[f].fail;
      auto it = nodes_[f].next.find(c);
      nodes_[child].fail = (it != nodes_[f].next.end() && it->second != child) ? it->second : 0;
      queue.push(child);
    }
  }
  for (Node& node : nodes_) {
    node.edges.assign(node.next.begin(), node.next.end());
    std::sort(node.edges.begin(), node.edges.end());
    node.next.clear();
  }
  root_.assign(0x10000, -1);
  for (const auto& [c, child] : nodes_[0].edges) {
    if (c < root_.size()) root_[c] = child;
  }
  built_ = true;
}

std::vector<PhraseMatch> PhraseMatcher::Find(std::u32string_view text) const {
  std::vector<PhraseMatch> all;
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
  // Leftmost-longest, without overlaps.
  std::sort(all.begin(), all.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<PhraseMatch> out;
  int covered = 0;
  for (const PhraseMatch& m : all) {
    if (m.begin < covered) continue;
    out.push_back(m);
    covered = m.end;
  }
  return out;
}

}  // namespace kaohe
