// Runs every input of tests/hostile/ through kaohe and checks the exit code and the messages its
// .expected file names: bad input is refused with a clear error and a position, never a crash
// or a hang.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "src/cli/app.h"
#include "tests/golden.h"

namespace kaohe {

namespace fs = std::filesystem;
using testing::ReadFile;

namespace {

struct Outcome {
  int code;
  std::string err;
};

Outcome Run(std::vector<std::string> args) {
  fs::current_path(KAOHE_SOURCE_DIR);
  args.insert(args.begin(), KAOHE_BINARY);
  std::ostringstream out, err;
  int code = RunKaohe(args, Console{out, err, false});
  return {code, err.str()};
}

}  // namespace

TEST_CASE("every hostile input is refused as its .expected file says") {
  const fs::path dir = fs::path(KAOHE_SOURCE_DIR) / "tests/hostile";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path input = entry.path();
    const std::string name = input.filename().string();
    if (input.extension() == ".expected" || name == "README.md") continue;
    const fs::path expected_path = dir / (input.stem().string() + ".expected");
    REQUIRE_MESSAGE(fs::exists(expected_path), name);
    std::istringstream expected(ReadFile(expected_path.string()));
    std::string first;
    std::getline(expected, first);
    REQUIRE(first.starts_with("exit "));
    const int code = std::stoi(first.substr(5));
    Outcome o;
    if (name.starts_with("rules_"))
      o = Run({"lint", "--rules", input.string()});
    else if (name.starts_with("facts_"))
      o = Run({"lint", "--facts", input.string()});
    else
      o = Run({"extract", input.string()});
    CAPTURE(name);
    CAPTURE(o.err);
    CHECK(o.code == code);
    for (std::string line; std::getline(expected, line);) {
      if (!line.empty()) CHECK(o.err.find(line) != std::string::npos);
    }
    ++cases;
  }
  CHECK(cases >= 17);
}

TEST_CASE("a line longer than the reader's limit is an error, not an allocation without end") {
  auto path =
      fs::temp_directory_path() / ("kaohe_long_line." + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path);
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 17; ++i) out << chunk;
    out << "\n";
  }
  Outcome o = Run({"extract", path.string()});
  CHECK(o.code == kExitUsage);
  CHECK(o.err.find(":1: line longer than 16777216 bytes") != std::string::npos);
  fs::remove(path);
}

}  // namespace kaohe
