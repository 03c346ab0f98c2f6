#include "engine/large_memory.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace kaohe {
namespace {

// The "THPeligible" line of /proc/self/smaps for the mapping that holds `address`: "1" when
// the kernel may back it with huge pages, "" when the kernel does not say.
std::string HugePageEligibility(const void* address) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
    } else if (inside && line.starts_with("THPeligible:")) {
      std::istringstream value(line.substr(12));
      std::string word;
      value >> word;
      return word;
    }
  }
  return "";
}

std::string TransparentHugePageMode() {
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string text;
  std::getline(mode, text);
  return text;
}

}  // namespace

TEST_CASE("large arrays start on a huge page and keep their contents through growth") {
  LargeVector<std::uint64_t> numbers;
  for (std::uint64_t i = 0; i < 3 * kHugePageBytes / sizeof(std::uint64_t); ++i) {
    numbers.push_back(i);
  }
  CHECK(reinterpret_cast<std::uintptr_t>(numbers.data()) % kHugePageBytes == 0);
  CHECK(numbers[12345] == 12345);
  CHECK(std::accumulate(numbers.begin(), numbers.end(), std::uint64_t{0}) ==
        numbers.size() * (numbers.size() - 1) / 2);

  LargeVector<char> small(100, 'x');  // below a huge page: a plain allocation
  CHECK(std::string(small.begin(), small.end()) == std::string(100, 'x'));

  LargeString text(5 * kHugePageBytes / 2, 'a');
  text += "尾";
  CHECK(text.size() == 5 * kHugePageBytes / 2 + 3);
  CHECK(std::string_view(text).ends_with("尾"));
}

TEST_CASE("a large array is advised to use huge pages where the kernel takes advice") {
  const std::string mode = TransparentHugePageMode();
  if (mode.find("[madvise]") == std::string::npos) {
    MESSAGE("transparent huge pages are '" << mode << "', not [madvise]: advice has no effect");
    return;
  }
  LargeVector<char> plain_sized(64 << 10);
  LargeVector<char> large(4 * kHugePageBytes);
  const std::string eligible = HugePageEligibility(large.data());
  if (eligible.empty()) {
    MESSAGE("this kernel's smaps does not report THPeligible");
    return;
  }
  CHECK(eligible == "1");
  CHECK(HugePageEligibility(plain_sized.data()) == "0");
}

TEST_CASE("advice on a region holding no whole huge page changes nothing") {
  // 1.5 MiB starting 256 KiB past a huge-page boundary, inside a plain allocation: rounded
  // outwards instead of inwards, the advice would mark the huge page around it.
  std::vector<char> buffer(std::size_t{6} << 20);
  const auto at = reinterpret_cast<std::uintptr_t>(buffer.data());
  char* region = buffer.data() + (((at + kHugePageBytes - 1) & ~(kHugePageBytes - 1)) - at) +
                 (std::size_t{256} << 10);
  AdviseHugePages(region, std::size_t{3} << 19);
  if (TransparentHugePageMode().find("[madvise]") == std::string::npos) return;
  const std::string eligible = HugePageEligibility(region);
  if (!eligible.empty()) CHECK(eligible == "0");
}

}  // namespace kaohe
