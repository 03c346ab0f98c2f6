#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/cli/app.h"
#include "src/cli/malloc_huge_pages.h"
#include "src/cli/output_file.h"
#include "src/cli/stop_commands.h"

int main(int argc, char** argv) {
  kaohe::UseHugePageHeap(argv);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  kaohe::StandardOutput out;
  kaohe::Console console{out.stream(), std::cerr, ::isatty(STDOUT_FILENO) == 1};
  std::optional<kaohe::StopCommandsBuffer> stop_commands;
  if (const char* actions = std::getenv("GITHUB_ACTIONS");
      actions && std::string_view(actions) == "true") {
    stop_commands.emplace(std::cerr.rdbuf(), kaohe::NewStopToken());
    std::cerr.rdbuf(&*stop_commands);
    console.stop_commands = &*stop_commands;
  }
  int code = kaohe::RunKaohe(args, console);
  // A report, facts or extraction cut short by a full disk must not look like a success.
  const std::string failed = out.Finish();
  if (stop_commands) {
    stop_commands->Resume();
    std::cerr.rdbuf(stop_commands->target());
  }
  if (!failed.empty()) {
    std::cerr << kaohe::ErrorLine(failed);
    return kaohe::kExitUsage;
  }
  return code;
}
