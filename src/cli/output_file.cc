#include "src/cli/output_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace kaohe {

Result<bool> WriteFileAtomically(const std::string& path, const std::string& content) {
  std::string temporary = fmt::format("{}.tmp.{}", path, ::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Error{fmt::format("{}: cannot write: {}", path, std::strerror(errno))};
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(temporary, ec);
      return Error{fmt::format("{}: write failed: {}", path, std::strerror(errno))};
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    int saved = errno;
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
    return Error{fmt::format("{}: cannot replace: {}", path, std::strerror(saved))};
  }
  return true;
}

}  // namespace kaohe
