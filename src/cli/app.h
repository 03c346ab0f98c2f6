// The kaohe command: argument parsing and wiring only. Exit codes: 0 nothing at or above
// --fail-on, 1 failing findings, 2 usage, rule or data errors.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

class StopCommandsBuffer;

struct Console {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  // Set under GitHub Actions: err's buffer, which stops workflow commands until Resume().
  StopCommandsBuffer* stop_commands = nullptr;
};

// "kaohe: <message>\n" for stderr, the message made LineSafe: messages name input files and
// quote input values.
std::string ErrorLine(std::string_view message);

// args[0] is the program path; it locates the bundled data when the working directory does
// not hold it.
int RunKaohe(const std::vector<std::string>& args, Console console);

}  // namespace kaohe
