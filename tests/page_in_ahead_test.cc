#include "engine/page_in_ahead.h"

#include <doctest/doctest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

namespace kaohe {
namespace {

// Bytes of [data, data + bytes) resident in memory, as the kernel tells (mincore).
std::size_t ResidentBytes(const std::byte* data, std::size_t bytes) {
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> resident((bytes + page - 1) / page);
  REQUIRE(mincore(const_cast<std::byte*>(data), bytes, resident.data()) == 0);
  std::size_t count = 0;
  for (unsigned char r : resident) count += r & 1;
  return count * page;
}

// Waits until `done` or a few seconds have passed.
template <typename Done>
bool Eventually(Done done) {
  for (int i = 0; i < 2000 && !done(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done();
}

// Fresh anonymous memory, unmapped when done; `pageable` is false where the kernel does not page
// in on advice (MADV_POPULATE_WRITE, 5.14 on), and there is nothing to check. The last page is
// the probe.
struct FreshMemory {
  explicit FreshMemory(std::size_t size) : bytes(size) {
    void* mapping =
        mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(mapping != MAP_FAILED);
    data = static_cast<std::byte*>(mapping);
    REQUIRE(ResidentBytes(data, bytes) == 0);
    pageable = madvise(data + bytes - 4096, 4096, MADV_POPULATE_WRITE) == 0;
    if (!pageable) MESSAGE("this kernel does not page in on advice: nothing to check");
  }
  ~FreshMemory() { munmap(data, bytes); }
  FreshMemory(const FreshMemory&) = delete;
  FreshMemory& operator=(const FreshMemory&) = delete;

  std::size_t bytes;
  std::byte* data = nullptr;
  bool pageable = false;
};

}  // namespace

TEST_CASE("memory is paged in ahead of its writer, and no further than the lead") {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  FreshMemory memory(24 * kMiB);
  if (!memory.pageable) return;
  const std::byte* data = memory.data;
  {
    // Two ranges, written one after the other: 8 MiB, then 16.
    PageInAhead ahead({{data, 8 * kMiB}, {data + 8 * kMiB, 16 * kMiB}}, 4 * kMiB);
    CHECK(Eventually([&] { return ahead.paged() >= 4 * kMiB; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(ahead.paged() <= 6 * kMiB);  // the lead, and at most one step beyond it
    CHECK(ResidentBytes(data, 4 * kMiB) == 4 * kMiB);
    CHECK(ResidentBytes(data + 8 * kMiB, 16 * kMiB - 4096) == 0);

    ahead.Reached(10 * kMiB);  // into the second range
    CHECK(Eventually([&] { return ahead.paged() >= 14 * kMiB; }));
    CHECK(ResidentBytes(data + 8 * kMiB, 6 * kMiB) == 6 * kMiB);
    CHECK(ResidentBytes(data + 18 * kMiB, 6 * kMiB - 4096) == 0);
  }  // stops while waiting for the writer
}

TEST_CASE("memory is paged in no further than the writer is expected to reach") {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  FreshMemory memory(16 * kMiB);
  if (!memory.pageable) return;
  const std::byte* data = memory.data;
  {
    // Room for 16 MiB, 5 MiB expected, and a lead that would reach past it.
    PageInAhead ahead({{data, 16 * kMiB - 4096}}, 8 * kMiB, 5 * kMiB);
    ahead.Reached(4 * kMiB);
    CHECK(Eventually([&] { return ahead.paged() >= 5 * kMiB; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(ahead.paged() == 5 * kMiB);
    CHECK(ResidentBytes(data, 5 * kMiB) == 5 * kMiB);
    // Huge pages may back the whole 2 MiB the last step ended in, but nothing past it.
    CHECK(ResidentBytes(data + 6 * kMiB, 10 * kMiB - 4096) == 0);
  }
}

}  // namespace kaohe
