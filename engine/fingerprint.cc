#include "engine/fingerprint.h"

#include <fmt/format.h>

#include <cstdint>

namespace kaohe {

std::string Fingerprint(const Finding& f) {
  std::string identity =
      fmt::format("{}|{}|{}|{}|{}", f.rule, f.entity, f.indicator, MeasureId(f.measure), f.period);
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : identity) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace kaohe
