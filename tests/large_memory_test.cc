#include "engine/large_memory.h"

#include <doctest/doctest.h>
#include <sys/mman.h>

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
  // A small array is left to the heap as it is. The heap itself may already be advised, where
  // a large array it held was freed (test order decides that when every test shares one
  // process): the check then says nothing, which an ordinary vector beside it shows.
  std::vector<char> ordinary(64 << 10);
  if (HugePageEligibility(ordinary.data()) == "0") {
    CHECK(HugePageEligibility(plain_sized.data()) == "0");
  }
  // Past its last whole huge page too: a block is rounded up to whole huge pages, so that its
  // tail is not faulted in 4 KiB at a time.
  LargeVector<char> uneven(5 * kHugePageBytes / 2);
  CHECK(HugePageEligibility(uneven.data() + uneven.size() - 1) == "1");
}

TEST_CASE("advice on a region holding no whole huge page changes nothing") {
  // 1.5 MiB starting 256 KiB past a huge-page boundary, inside a fresh mapping: rounded
  // outwards instead of inwards, the advice would mark the huge page around it. (Not a heap
  // buffer: the heap may hand back memory a freed large array had advised.)
  const std::size_t bytes = std::size_t{6} << 20;
  void* mapping = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapping != MAP_FAILED);
  char* buffer = static_cast<char*>(mapping);
  const auto at = reinterpret_cast<std::uintptr_t>(buffer);
  char* region = buffer + (((at + kHugePageBytes - 1) & ~(kHugePageBytes - 1)) - at) +
                 (std::size_t{256} << 10);
  AdviseHugePages(region, std::size_t{3} << 19);
  if (TransparentHugePageMode().find("[madvise]") == std::string::npos) return;
  const std::string eligible = HugePageEligibility(region);
  if (!eligible.empty()) CHECK(eligible == "0");
  munmap(mapping, bytes);
}

}  // namespace kaohe
