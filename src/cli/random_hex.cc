#include "src/cli/random_hex.h"

#include <fmt/format.h>

#include <cstdint>
#include <random>

namespace kaohe {

std::string RandomHex(int digits) {
  std::random_device random;
  std::string hex;
  while (static_cast<int>(hex.size()) < digits) {
    hex += fmt::format("{:08x}", static_cast<std::uint32_t>(random()));
  }
  hex.resize(static_cast<std::size_t>(digits));
  return hex;
}

}  // namespace kaohe
