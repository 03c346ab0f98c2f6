// Golden files: compare output with a checked-in file; KAOHE_UPDATE_GOLDEN=1 rewrites it.
// Every rewrite is read by a person before it is committed.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace kaohe::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void CheckGolden(const std::string& relative_path, const std::string& actual) {
  const std::string path = std::string(KAOHE_SOURCE_DIR) + "/" + relative_path;
  const char* update = std::getenv("KAOHE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("rewrote " << relative_path);
    return;
  }
  std::string expected = ReadFile(path);
  if (expected == actual) return;
  std::istringstream e(expected), a(actual);
  std::string el, al;
  int line = 0;
  while (true) {
    ++line;
    bool more_e = static_cast<bool>(std::getline(e, el));
    bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (el != al || more_e != more_a) {
      FAIL_CHECK(relative_path << ":" << line << " differs\n  expected: " << el << "\n  actual:   "
                               << al << "\n(KAOHE_UPDATE_GOLDEN=1 rewrites golden files)");
      return;
    }
  }
}

}  // namespace kaohe::testing
