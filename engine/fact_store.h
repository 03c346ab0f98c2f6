// FactStore: every fact, indexed by entity, indicator, measure, period and kind. Several facts
// may share a key (two documents report the same figure); the evaluator decides whether they
// agree. Iteration order is the key order, so everything built from the store is deterministic.
#pragma once

#include <limits>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "engine/fact.h"

namespace kaohe {

class FactStore {
 public:
  void Add(Fact fact);

  // Every fact with this key, in the order they were added; empty when none.
  std::span<const Fact> Find(const FactKey& key) const;

  // The periods for which the entity has any fact of this indicator, measure and kind.
  std::set<int> Periods(const std::string& entity, const std::string& indicator, Measure measure,
                        FactKind kind) const;

  // The entities that have any fact.
  std::set<std::string> Entities() const;

  std::size_t size() const { return size_; }

  // Calls visit(key, facts) for every key in key order.
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (const auto& [key, facts] : facts_) visit(key, std::span<const Fact>(facts));
  }

 private:
  std::map<FactKey, std::vector<Fact>> facts_;
  std::size_t size_ = 0;
};

}  // namespace kaohe
