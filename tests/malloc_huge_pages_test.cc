#include "src/cli/malloc_huge_pages.h"

#include <doctest/doctest.h>

namespace kaohe {

TEST_CASE("kaohe asks for glibc's huge-page heap only where it helps and nobody chose otherwise") {
  constexpr const char* kMadvise = "always [madvise] never";
  CHECK(TunablesForHugePageHeap(nullptr, kMadvise, nullptr) == "glibc.malloc.hugetlb=1");
  CHECK(TunablesForHugePageHeap("", kMadvise, "") == "glibc.malloc.hugetlb=1");
  // The user's tunables are kept, after which the heap's is added.
  CHECK(TunablesForHugePageHeap("glibc.malloc.check=3", kMadvise, nullptr) ==
        "glibc.malloc.check=3:glibc.malloc.hugetlb=1");
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
