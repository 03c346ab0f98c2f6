#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/cli/app.h"
#include "src/cli/malloc_huge_pages.h"
#include "src/cli/stop_commands.h"

int main(int argc, char** argv) {
  kaohe::UseHugePageHeap(argv);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  kaohe::Console console{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1};
  std::optional<kaohe::StopCommandsBuffer> stop_commands;
  if (const char* actions = std::getenv("GITHUB_ACTIONS");
      actions && std::string_view(actions) == "true") {
    stop_commands.emplace(std::cerr.rdbuf(), kaohe::NewStopToken());
    std::cerr.rdbuf(&*stop_commands);
    console.stop_commands = &*stop_commands;
  }
  int code = kaohe::RunKaohe(args, console);
  std::cout.flush();
  if (stop_commands) {
    stop_commands->Resume();
    std::cerr.rdbuf(stop_commands->target());
  }
  return code;
}
