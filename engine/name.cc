#include "engine/name.h"

#include <array>
#include <mutex>
#include <unordered_set>

namespace kaohe {
namespace {

// Sharded so that threads extracting or loading in parallel seldom wait for each other.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>()(text);
  }
};

struct Shard {
  std::mutex mutex;
  std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
};

constexpr std::size_t kShards = 64;

std::array<Shard, kShards>& Shards() {
  // Never destroyed: Names may be used by other static objects' destructors.
  static auto* shards = new std::array<Shard, kShards>();
  return *shards;
}

}  // namespace

Name::Name(std::string_view text) {
  if (text.empty()) {
    text_ = &name_detail::EmptyText();
    return;
  }
  std::size_t hash = TextHash()(text);
  // The high bits choose the shard; the set inside uses the low ones.
  Shard& shard = Shards()[(hash >> 32) % kShards];
  std::lock_guard<std::mutex> lock(shard.mutex);
  auto it = shard.texts.find(text);
  if (it == shard.texts.end()) it = shard.texts.emplace(text).first;
  text_ = &*it;
}

}  // namespace kaohe
