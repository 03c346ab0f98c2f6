#include "engine/fact_store.h"

namespace kaohe {

void FactStore::Add(Fact fact) {
  FactKey key = fact.key;
  facts_[std::move(key)].push_back(std::move(fact));
  ++size_;
}

std::span<const Fact> FactStore::Find(const FactKey& key) const {
  auto it = facts_.find(key);
  if (it == facts_.end()) return {};
  return it->second;
}

std::set<int> FactStore::Periods(const std::string& entity, const std::string& indicator,
                                 Measure measure, FactKind kind) const {
  std::set<int> periods;
  // Keys are ordered by entity, indicator, measure, period: scan the range for this prefix.
  FactKey low{entity, indicator, measure, std::numeric_limits<int>::min(), FactKind::kActual};
  for (auto it = facts_.lower_bound(low); it != facts_.end(); ++it) {
    const FactKey& k = it->first;
    if (k.entity != entity || k.indicator != indicator || k.measure != measure) break;
    if (k.kind == kind) periods.insert(k.period);
  }
  return periods;
}

std::set<std::string> FactStore::Entities() const {
  std::set<std::string> entities;
  for (const auto& [key, facts] : facts_) entities.insert(key.entity);
  return entities;
}

}  // namespace kaohe
