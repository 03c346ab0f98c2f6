#include "engine/fact_store.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <memory>
#include <new>
#include <stdexcept>

namespace kaohe {
namespace {

std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

constexpr std::uint64_t kTagBits = 0xFFFFFFFF00000000ULL;

}  // namespace

std::uint64_t FactStore::SeriesHash(const Name& entity, const Name& indicator, Measure measure,
                                    FactKind kind) {
  return Mix(entity.id() ^ Mix(SeriesBits(indicator.id(), measure, kind)));
}

std::uint32_t FactStore::FindSeries(const Name& entity, const Name& indicator, Measure measure,
                                    FactKind kind) const {
  if (series_slots_.empty()) return kNone;
  std::size_t mask = series_slots_.size() - 1;
  std::uint64_t hash = SeriesHash(entity, indicator, measure, kind);
  std::uint64_t tag = hash & kTagBits;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    std::uint64_t slot = series_slots_[i];
    if (slot == kEmptySlot) return kNone;
    if ((slot & kTagBits) != tag) continue;
    auto s = static_cast<std::uint32_t>(slot);
    const Series& series = series_[s];
    if (series.entity == entity && series.indicator == indicator &&
        series.measure == static_cast<std::uint8_t>(measure) &&
        series.kind == static_cast<std::uint8_t>(kind)) {
      return s;
    }
  }
}

std::uint32_t FactStore::Reader::Remember(Remembered& r, const FactKey& key) {
  r = {key.indicator.id(), key.measure, key.kind,
       store_->FindSeries(key.entity, key.indicator, key.measure, key.kind)};
  return r.series;
}

void FactStore::Reader::StartEntity(std::uint32_t entity) {
  entity_ = entity;
  for (Remembered& r : remembered_) r.indicator = kNothing;
  auto latest = store_->latest_series_of_entity_.find(entity);
  if (latest == store_->latest_series_of_entity_.end()) return;
  // Up to a table's worth: an entity with more series than that finds the rest as it needs them.
  std::size_t placed = 0;
  for (std::uint32_t s = latest->second; s != kNone && placed < kRemembered;
       s = store_->series_[s].next_of_entity, ++placed) {
    const Series& series = store_->series_[s];
    const auto measure = static_cast<Measure>(series.measure);
    const auto kind = static_cast<FactKind>(series.kind);
    remembered_[Slot(series.indicator.id(), measure, kind)] = {series.indicator.id(), measure, kind,
                                                               s};
  }
}

void FactStore::PlaceSeries(std::uint32_t s) {
  std::size_t mask = series_slots_.size() - 1;
  const Series& k = series_[s];
  std::uint64_t hash = SeriesHash(k.entity, k.indicator, static_cast<Measure>(k.measure),
                                  static_cast<FactKind>(k.kind));
  std::size_t i = hash & mask;
  while (series_slots_[i] != kEmptySlot) i = (i + 1) & mask;
  series_slots_[i] = (hash & kTagBits) | s;
}

void FactStore::Rehash() {
  // Kept at most half full so that probes stay short.
  std::size_t capacity = 64;
  while (capacity < 2 * (series_.size() + 1)) capacity *= 2;
  series_slots_.assign(capacity, kEmptySlot);
  for (std::uint32_t s = 0; s < series_.size(); ++s) PlaceSeries(s);
}

FactStore::Group FactStore::Allocate(std::uint32_t count) {
  // The open block, else the next one reserved, else a new one; a key repeated beyond a
  // block's size (hostile input) gets a block of its own.
  while (open_block_ < blocks_.size() &&
         blocks_[open_block_].used + count > blocks_[open_block_].room()) {
    ++open_block_;
  }
  if (open_block_ == blocks_.size()) blocks_.emplace_back(std::max(kBlockFacts, count));
  Block& block = blocks_[open_block_];
  Group group{static_cast<std::uint32_t>(open_block_), block.used, 0, kNone, 0};
  block.used += count;
  return group;
}

void FactStore::Add(Fact fact) {
  if (size_ >= kNone - 1) throw std::length_error("too many facts for one store");
  const FactKey& k = fact.key;
  std::uint32_t s = FindSeries(k.entity, k.indicator, k.measure, k.kind);
  std::uint32_t g = FindInSeries(s, k.period);
  if (g != kNone) {
    Group& group = groups_[g];
    if (std::has_single_bit(group.count)) {
      // The key's slots are full: it moves to twice the room, so that a key repeated n times
      // between other keys costs O(n) copies and at most twice its facts, not n² (a facts file
      // can repeat a few keys on purpose). The slots left behind are unreachable.
      Group moved = Allocate(2 * group.count);
      const Fact* from = &First(group);
      std::uninitialized_copy(from, from + group.count, blocks_[moved.block].facts() + moved.first);
      group.block = moved.block;
      group.first = moved.first;
    }
    Fact* slots = blocks_[group.block].facts() + group.first;
    Fact* end = slots + group.count;
    std::construct_at(end, fact);
    // A key's firm facts stand before its strive (力争) ones, so each is one run.
    if (!fact.strive) {
      Fact* first_strive =
          std::partition_point(slots, end, [](const Fact& f) { return !f.strive; });
      if (first_strive != end) std::swap(*first_strive, *end);
    }
    ++group.count;
    ++size_;
    return;
  }
  g = static_cast<std::uint32_t>(groups_.size());
  Group group = Allocate(1);
  group.count = 1;
  group.period = k.period;
  std::construct_at(blocks_[group.block].facts() + group.first, fact);
  groups_.push_back(group);
  ++size_;
  if (s != kNone) {
    groups_[g].next_in_series = series_[s].head;
    series_[s].head = g;
    return;
  }
  s = static_cast<std::uint32_t>(series_.size());
  series_.push_back({k.entity, k.indicator, static_cast<std::uint8_t>(k.measure),
                     static_cast<std::uint8_t>(k.kind), g, kNone});
  auto [latest, first_of_entity] = latest_series_of_entity_.try_emplace(k.entity.id(), s);
  if (!first_of_entity) {
    series_[s].next_of_entity = latest->second;
    latest->second = s;
  }
  if (2 * (series_.size() + 1) > series_slots_.size()) {
    Rehash();
  } else {
    PlaceSeries(s);
  }
}

void FactStore::Reserve(std::size_t facts) {
  if (facts > kNone - groups_.size()) facts = kNone - groups_.size();
  try {
    groups_.reserve(groups_.size() + facts);
    // A series per fact at most; the room the series do not reach is never paged in, and the
    // table is not copied, nor its first megabytes faulted 4 KiB at a time, as it grows.
    series_.reserve(series_.size() + facts);
    std::size_t room = 0;
    for (std::size_t b = open_block_; b < blocks_.size(); ++b) {
      room += blocks_[b].room() - blocks_[b].used;
    }
    while (room < facts) {
      blocks_.emplace_back(kBlockFacts);
      room += kBlockFacts;
    }
  } catch (const std::bad_alloc&) {
    // Only room asked for ahead: without it the store grows as facts come.
  }
}

std::vector<std::span<const std::byte>> FactStore::FactRoomAhead() const {
  std::vector<std::span<const std::byte>> room;
  for (std::size_t b = open_block_; b < blocks_.size(); ++b) {
    const Block& block = blocks_[b];
    room.emplace_back(reinterpret_cast<const std::byte*>(block.facts() + block.used),
                      (block.room() - block.used) * sizeof(Fact));
  }
  return room;
}

std::size_t FactStore::IndexBytesPerKey() { return sizeof(Group); }

std::span<const std::byte> FactStore::IndexRoomAhead() const {
  // The data pointer of a vector with room but no elements may still be null.
  if (groups_.capacity() == 0) return {};
  return {reinterpret_cast<const std::byte*>(groups_.data() + groups_.size()),
          (groups_.capacity() - groups_.size()) * sizeof(Group)};
}

std::size_t FactStore::slots() const {
  std::size_t total = 0;
  for (const Block& block : blocks_) total += block.used;
  return total;
}

std::uint64_t FactStore::NextId() {
  static std::atomic<std::uint64_t> next{0};
  return ++next;
}

std::span<const Fact> FactStore::Find(const FactKey& key) const {
  return FactsOf(
      FindInSeries(FindSeries(key.entity, key.indicator, key.measure, key.kind), key.period));
}

std::set<int> FactStore::Periods(const Name& entity, const Name& indicator, Measure measure,
                                 FactKind kind) const {
  std::set<int> periods;
  std::uint32_t s = FindSeries(entity, indicator, measure, kind);
  if (s == kNone) return periods;
  for (std::uint32_t g = series_[s].head; g != kNone; g = groups_[g].next_in_series) {
    periods.insert(groups_[g].period);
  }
  return periods;
}

std::set<std::string> FactStore::Entities() const {
  std::set<std::string> entities;
  for (const Group& group : groups_) entities.insert(First(group).key.entity);
  return entities;
}

std::vector<std::uint32_t> FactStore::GroupsInKeyOrder() const {
  std::vector<std::uint32_t> order(groups_.size());
  for (std::uint32_t g = 0; g < order.size(); ++g) order[g] = g;
  std::sort(order.begin(), order.end(),
            [this](std::uint32_t a, std::uint32_t b) { return First(a).key < First(b).key; });
  return order;
}

}  // namespace kaohe
