#include "src/cli/malloc_huge_pages.h"

#include <doctest/doctest.h>

#include <string>

namespace kaohe {

TEST_CASE("kaohe asks for glibc's huge-page heap only where it helps and nobody chose otherwise") {
  constexpr const char* kMadvise = "always [madvise] never";
  constexpr const char* kHeap = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=16777216";
  CHECK(TunablesForHugePageHeap(nullptr, kMadvise, nullptr) == kHeap);
  CHECK(TunablesForHugePageHeap("", kMadvise, "") == kHeap);
  // The user's tunables are kept, after which the heap's are added.
  CHECK(TunablesForHugePageHeap("glibc.malloc.check=3", kMadvise, nullptr) ==
        std::string("glibc.malloc.check=3:") + kHeap);
  // A pad the user chose is theirs.
  CHECK(TunablesForHugePageHeap("glibc.malloc.top_pad=0", kMadvise, nullptr) ==
        "glibc.malloc.top_pad=0:glibc.malloc.hugetlb=1");
  // Set already: by the user (either way), or by the first execution.
  CHECK_FALSE(TunablesForHugePageHeap("glibc.malloc.hugetlb=0", kMadvise, nullptr));
  CHECK_FALSE(TunablesForHugePageHeap("a=1:glibc.malloc.hugetlb=1", kMadvise, nullptr));
  // `always` backs the heap with huge pages unasked; `never` refuses them; no file, no mode.
  CHECK_FALSE(TunablesForHugePageHeap(nullptr, "[always] madvise never", nullptr));
  CHECK_FALSE(TunablesForHugePageHeap(nullptr, "always madvise [never]", nullptr));
  CHECK_FALSE(TunablesForHugePageHeap(nullptr, "", nullptr));
  // Another allocator is preloaded (valgrind's, say): a new exec would escape it.
  CHECK_FALSE(TunablesForHugePageHeap(nullptr, kMadvise,
                                      "/usr/libexec/valgrind/vgpreload_core-amd64-linux.so"));
}

}  // namespace kaohe
