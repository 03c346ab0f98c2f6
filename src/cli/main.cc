#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "src/cli/app.h"
#include "src/cli/malloc_huge_pages.h"

int main(int argc, char** argv) {
  kaohe::UseHugePageHeap(argv);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  kaohe::Console console{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1};
  int code = kaohe::RunKaohe(args, console);
  std::cout.flush();
  return code;
}
