#include "engine/name.h"

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <new>
#include <stdexcept>
#include <unordered_map>

namespace kaohe {

namespace name_detail {
Interned* chunks[std::size_t{1} << (32 - kChunkBits)];
}  // namespace name_detail

namespace {

using name_detail::Interned;

// Sharded so that threads extracting or loading in parallel seldom wait for each other. The
// keys view the interned texts, which never move.
struct Shard {
  std::mutex mutex;
  std::unordered_map<std::string_view, std::uint32_t> numbers;
};

bool EscapesInJson(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return EscapedInJson(static_cast<unsigned char>(c)); });
}

constexpr std::size_t kShards = 64;

std::array<Shard, kShards>& Shards() {
  // Never destroyed: Names may be used by other static objects' destructors.
  static auto* shards = new std::array<Shard, kShards>();
  return *shards;
}

// Numbers the text and stores it in its chunk, making the chunk when it is the first there.
std::uint32_t Number(std::string_view text) {
  static std::mutex mutex;
  static std::uint32_t next = 1;  // 0 is the empty text
  std::lock_guard<std::mutex> lock(mutex);
  if (next == UINT32_MAX) throw std::length_error("more than 4 billion distinct names");
  const std::uint32_t number = next++;
  Interned*& chunk = name_detail::chunks[number >> name_detail::kChunkBits];
  if (!chunk) {
    // Raw room, each entry constructed as it is numbered: a chunk is paged in as it fills.
    constexpr std::size_t kEntries = std::size_t{1} << name_detail::kChunkBits;
    chunk = static_cast<Interned*>(::operator new(kEntries * sizeof(Interned)));
  }
  std::construct_at(&chunk[number & name_detail::kChunkMask],
                    Interned{std::string(text), EscapesInJson(text)});
  return number;
}

}  // namespace

Name::Name(std::string_view text) {
  if (text.empty()) return;
  const std::size_t hash = std::hash<std::string_view>()(text);
  // The high bits choose the shard; the map inside uses the low ones.
  Shard& shard = Shards()[(hash >> 32) % kShards];
  std::lock_guard<std::mutex> lock(shard.mutex);
  auto it = shard.numbers.find(text);
  if (it == shard.numbers.end()) {
    const std::uint32_t number = Number(text);
    it = shard.numbers.emplace(name_detail::Lookup(number).text, number).first;
  }
  number_ = it->second;
}

}  // namespace kaohe
