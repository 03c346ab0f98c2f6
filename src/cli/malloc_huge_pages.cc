#include "src/cli/malloc_huge_pages.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace kaohe {
namespace {

// Sanitizer builds bring their own allocator: glibc's tunable would not reach it.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
constexpr bool kSanitized = __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||
                            __has_feature(memory_sanitizer);
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

std::optional<std::string> TunablesForHugePageHeap(const char* tunables, std::string_view thp_mode,
                                                   const char* preloaded) {
  const std::string_view current = tunables ? tunables : "";
  if (current.find("glibc.malloc.hugetlb") != std::string_view::npos) return std::nullopt;
  if (thp_mode.find("[madvise]") == std::string_view::npos) return std::nullopt;
  if (preloaded && *preloaded) return std::nullopt;
  constexpr std::string_view kHugePageHeap = "glibc.malloc.hugetlb=1";
  if (current.empty()) return std::string(kHugePageHeap);
  return std::string(current) + ":" + std::string(kHugePageHeap);
}

void UseHugePageHeap(char** argv) {
  if (kSanitized) return;
  if (const char* choice = std::getenv("KAOHE_MALLOC_HUGE_PAGES"); choice && *choice == '0') return;
  // Once only, whatever becomes of the tunable on the way (glibc drops it for setuid programs).
  if (std::getenv("KAOHE_REEXECUTED")) {
    // Executed as /proc/self/exe, the process would be named "exe" in ps, top and pkill: it
    // takes back the name it was started under.
    const std::string_view program = argv[0] ? argv[0] : "kaohe";
    const std::string name(program.substr(program.rfind('/') + 1));
    ::prctl(PR_SET_NAME, name.c_str(), 0, 0, 0);
    return;
  }
  std::string mode;
  std::getline(std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled"), mode);
  auto tunables =
      TunablesForHugePageHeap(std::getenv("GLIBC_TUNABLES"), mode, std::getenv("LD_PRELOAD"));
  if (!tunables) return;
  if (::setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
  if (::setenv("KAOHE_REEXECUTED", "1", 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // Still here: the program could not be executed again (no /proc), and runs as it is.
}

}  // namespace kaohe
