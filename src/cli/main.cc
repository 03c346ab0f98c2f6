#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "src/cli/app.h"
#include "src/cli/malloc_huge_pages.h"
#include "src/cli/output_file.h"

int main(int argc, char** argv) {
  kaohe::UseHugePageHeap(argv);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  kaohe::StandardOutput out;
  kaohe::Console console{out.stream(), std::cerr, ::isatty(STDOUT_FILENO) == 1};
  int code = kaohe::RunKaohe(args, console);
  // A report, facts or extraction cut short by a full disk must not look like a success.
  if (std::string failed = out.Finish(); !failed.empty()) {
    std::cerr << "kaohe: " << failed << "\n";
    return kaohe::kExitUsage;
  }
  return code;
}
