#include "engine/name.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_set>

namespace kaohe {
namespace {

using name_detail::Interned;

// Sharded so that threads extracting or loading in parallel seldom wait for each other.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>()(text);
  }
  std::size_t operator()(const Interned& interned) const { return (*this)(interned.text); }
};

struct TextEqual {
  using is_transparent = void;
  static std::string_view Text(std::string_view text) { return text; }
  static std::string_view Text(const Interned& interned) { return interned.text; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return Text(a) == Text(b);
  }
};

struct Shard {
  std::mutex mutex;
  std::unordered_set<Interned, TextHash, TextEqual> texts;
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
  if (it == shard.texts.end()) {
    it = shard.texts.insert(Interned{std::string(text), EscapesInJson(text)}).first;
  }
  text_ = &it->text;
}

}  // namespace kaohe
