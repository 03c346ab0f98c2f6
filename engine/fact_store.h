// FactStore: every fact, indexed by entity, indicator, measure, period and kind. Several facts
// may share a key (two documents report the same figure); the evaluator decides whether they
// agree. A series — one entity, indicator, measure and kind — is found by hashing its Names
// (pointers, so no string is compared), then its few periods are walked; the series table is
// a fifth the size of a table of keys and stays in cache. ForEach visits keys in their text
// order, so everything built from it is deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/fact.h"
#include "engine/large_memory.h"

namespace kaohe {

class FactStore {
 public:
  void Add(Fact fact);

  // Room for `facts` more facts and their index, asked for once by a loader that can tell how
  // many are coming: growing the index by doubling would copy it and hold two copies at once.
  // Room asked for and never used is never paged in.
  void Reserve(std::size_t facts);

  // The raw room the next facts will be written to, in the order it will be filled: the facts'
  // (the rest of the open block, then the blocks reserved) and the index's. For paging it in
  // ahead of the writer (PageInAhead); the spans stay valid while the store lives, though the
  // index may outgrow its room and move.
  std::vector<std::span<const std::byte>> FactRoomAhead() const;
  std::span<const std::byte> IndexRoomAhead() const;
  // The index's bytes for a new key, to tell how far into IndexRoomAhead a writer has reached.
  static std::size_t IndexBytesPerKey();

  // Every fact with this key, in the order they were added; empty when none.
  // A key's facts: those not `strive` first, then the strive ones.
  std::span<const Fact> Find(const FactKey& key) const;

  // Finds keys of one entity after another, remembering the series it found for the entity it
  // is on: an entity's hundred rules read a few dozen series, and each is then hashed into the
  // store once. One per thread; the store must outlive it and not change meanwhile.
  class Reader {
   public:
    Reader() = default;
    explicit Reader(const FactStore& store) { Use(store); }
    // Reads `store` from now on. What was remembered is forgotten when the store is another one
    // or has had facts added since, so that a reader kept by a thread is never stale.
    void Use(const FactStore& store) {
      if (store_ == &store && store_id_ == store.id_ && store_size_ == store.size()) return;
      store_ = &store;
      store_id_ = store.id_;
      store_size_ = store.size();
      entity_ = kNothing;  // the next Find forgets every remembered series
    }
    // Inline: judging calls it twice for nearly every evaluation, and a remembered series is
    // found in a few instructions.
    std::span<const Fact> Find(const FactKey& key) {
      if (key.entity.id() != entity_) StartEntity(key.entity.id());
      Remembered& r = remembered_[Slot(key.indicator.id(), key.measure, key.kind)];
      std::uint32_t series = r.series;
      if (r.indicator != key.indicator.id() || r.measure != key.measure || r.kind != key.kind) {
        series = Remember(r, key);
      }
      return store_->FactsOf(store_->FindInSeries(series, key.period));
    }

   private:
    struct Remembered {
      std::uint32_t indicator = kNothing;  // kNothing: nothing remembered here
      Measure measure = Measure::kLevel;
      FactKind kind = FactKind::kActual;
      std::uint32_t series = kNone;  // kNone: the entity has no such series
    };
    static std::size_t Slot(std::uint32_t indicator, Measure measure, FactKind kind) {
      static_assert(kRemembered == 128);
      return static_cast<std::size_t>(
          (SeriesBits(indicator, measure, kind) * 0x9E3779B97F4A7C15ULL) >>
          57);  // 7 bits: 128 slots
    }
    // Forgets the last entity's series and remembers the new one's, all at once.
    void StartEntity(std::uint32_t entity);
    std::uint32_t Remember(Remembered& r, const FactKey& key);
    static constexpr std::size_t kRemembered = 128;
    static constexpr std::uint32_t kNothing = UINT32_MAX;  // no Name has this number
    const FactStore* store_ = nullptr;
    std::uint64_t store_id_ = 0;
    std::size_t store_size_ = 0;
    std::uint32_t entity_ = kNothing;
    Remembered remembered_[kRemembered];
  };

  // The periods for which the entity has any fact of this indicator, measure and kind.
  std::set<int> Periods(const Name& entity, const Name& indicator, Measure measure,
                        FactKind kind) const;

  // The entities that have any fact.
  std::set<std::string> Entities() const;

  std::size_t size() const { return size_; }
  // Fact slots allocated, for tests: a key repeated between others must not cost quadratic room.
  std::size_t slots() const;

  // Calls visit(key, facts) for every key in key order.
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (std::uint32_t g : GroupsInKeyOrder()) {
      const Group& group = groups_[g];
      visit(First(group).key, std::span<const Fact>(&First(group), group.count));
    }
  }

 private:
  // A series' indicator, measure and kind in one number, for hashing.
  static std::uint64_t SeriesBits(std::uint32_t indicator, Measure measure, FactKind kind) {
    return std::uint64_t{indicator} << 2 | static_cast<std::uint64_t>(measure) << 1 |
           static_cast<std::uint64_t>(kind);
  }
  static std::uint64_t SeriesHash(const Name& entity, const Name& indicator, Measure measure,
                                  FactKind kind);
  // The facts of one key, contiguous in one block.
  struct Group {
    std::uint32_t block = 0;
    std::uint32_t first = 0;  // within the block
    // Slots reserved in the block: the smallest power of two that holds `count`, since a
    // group starts with one and doubles when full (see Add).
    std::uint32_t count = 0;
    std::uint32_t next_in_series = kNone;  // the series' group added before this one
    int period = 0;                        // kept here so a walk reads no fact
  };
  // One entity, indicator, measure and kind: kept apart from the facts, so that a lookup
  // compares the key without reaching into the blocks.
  struct Series {
    Name entity;
    Name indicator;
    std::uint8_t measure = 0;  // Measure and FactKind in a byte each: a table of millions
    std::uint8_t kind = 0;
    std::uint32_t head = 0;                // the latest group
    std::uint32_t next_of_entity = kNone;  // the entity's series added before this one
  };
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::uint64_t kEmptySlot = UINT64_MAX;

  // The series by open addressing with linear probing over series_slots_; kNone when absent.
  std::uint32_t FindSeries(const Name& entity, const Name& indicator, Measure measure,
                           FactKind kind) const;
  // The series' group for the period (kNone for none, or when the series is kNone).
  std::uint32_t FindInSeries(std::uint32_t series, int period) const {
    if (series == kNone) return kNone;
    for (std::uint32_t g = series_[series].head; g != kNone; g = groups_[g].next_in_series) {
      if (groups_[g].period == period) return g;
    }
    return kNone;
  }
  std::span<const Fact> FactsOf(std::uint32_t group) const {
    if (group == kNone) return {};
    return std::span<const Fact>(&First(group), groups_[group].count);
  }
  void Rehash();
  void PlaceSeries(std::uint32_t series);
  std::vector<std::uint32_t> GroupsInKeyOrder() const;

  // Facts live in blocks, so that growing never copies the facts already stored (a doubling
  // vector would hold two copies of a national store at once). A block may hold copies left
  // behind when a group moved (see Add). Its room is raw memory, whole huge pages: a fact is
  // constructed where it is stored, and room no fact has reached is never touched, so never
  // paged in (a page first touched is the dearest part of storing on a virtual machine).
  class Block {
   public:
    explicit Block(std::uint32_t room)
        : facts_(LargeAllocator<Fact>().allocate(room)), room_(room) {}
    ~Block() {
      if (facts_) LargeAllocator<Fact>().deallocate(facts_, room_);
    }
    Block(Block&& other) noexcept
        : used(other.used), facts_(std::exchange(other.facts_, nullptr)), room_(other.room_) {}
    Block& operator=(Block&&) = delete;
    Block(const Block&) = delete;

    Fact* facts() const { return facts_; }
    std::uint32_t room() const { return room_; }

    std::uint32_t used = 0;  // slots handed to groups, from the start

   private:
    Fact* facts_;
    std::uint32_t room_;
  };
  static_assert(std::is_trivially_destructible_v<Fact> && std::is_trivially_copyable_v<Fact>,
                "facts are copied into and left in raw block memory");
  // Facts a block has room for: 65,536 rounded up to whole huge pages.
  static constexpr std::uint32_t kBlockFacts = static_cast<std::uint32_t>(
      LargeBlockBytes((std::size_t{1} << 16) * sizeof(Fact)) / sizeof(Fact));
  const Fact& First(const Group& group) const { return blocks_[group.block].facts()[group.first]; }
  const Fact& First(std::uint32_t group) const { return First(groups_[group]); }
  // Room for `count` contiguous facts in the open block, or in the next reserved or a new one;
  // the group returned has no facts yet.
  Group Allocate(std::uint32_t count);

  std::vector<Block> blocks_;
  std::size_t open_block_ = 0;  // the block new groups are placed in; those after it are empty
  LargeVector<Group> groups_;
  LargeVector<Series> series_;
  // Each slot: the series' hash in the high half, its number in the low half (kEmptySlot:
  // none), so that a probe reads series_ only when the hash matches.
  LargeVector<std::uint64_t> series_slots_;
  // Each entity's latest series, from which its series are chained: a reader starting on an
  // entity remembers them all with one lookup instead of hashing each into series_slots_.
  std::unordered_map<std::uint32_t, std::uint32_t> latest_series_of_entity_;
  std::size_t size_ = 0;
  // Tells stores apart for a Reader, even one made where another was destroyed.
  std::uint64_t id_ = NextId();
  static std::uint64_t NextId();
};

}  // namespace kaohe
