// Transparent huge pages for malloc's own heap. A national check makes millions of small
// allocations (interned names, dictionaries, rule packs, each thread's scratch), and on virtual
// machines each 4 KiB page the heap touches first costs a fault: measured on the 2-core
// development machine, `kaohe check` at N = 3,000 ran in 0.375 s with glibc's huge-page heap
// against 0.43 s without (median of 8 alternating runs), for 130 MiB of peak memory against
// 119. Large arrays ask for huge pages themselves (engine/large_memory.h); malloc's heap can
// only be told through glibc's `glibc.malloc.hugetlb=1` tunable, which glibc reads from the
// environment at startup, so kaohe sets it (with a heap pad of 16 MiB, see
// TunablesForHugePageHeap) and executes itself again, once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kaohe {

// The GLIBC_TUNABLES value to run with, or nullopt to run as is: when the tunable is already
// set (by the user, or by this very mechanism), when huge pages are not in `madvise` mode
// (`always` needs no advice, `never` takes none), or when `preloaded` (LD_PRELOAD) shows that
// another malloc stands in, such as valgrind's, which would lose its process on a new exec.
std::optional<std::string> TunablesForHugePageHeap(const char* tunables, std::string_view thp_mode,
                                                   const char* preloaded);

// Executes the program again with the tunable when TunablesForHugePageHeap says so; returns
// (and the program runs as is) when it need not or cannot. Off in sanitizer builds, whose
// allocator is their own, and when KAOHE_MALLOC_HUGE_PAGES=0.
void UseHugePageHeap(char** argv);

}  // namespace kaohe
