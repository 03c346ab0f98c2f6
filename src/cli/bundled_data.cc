#include "src/cli/bundled_data.h"

#include <filesystem>

namespace kaohe {

namespace fs = std::filesystem;

std::string FindDataRoot(const std::string& program_path) {
  std::error_code ec;
  if (fs::is_directory("rules/dictionary", ec)) return ".";
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(program_path, ec);
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (fs::is_directory(dir / "rules" / "dictionary", ec)) {
      return fs::relative(dir, fs::current_path(ec), ec).string();
    }
  }
  return ".";
}

std::string FindBundledFile(const std::string& program_path, const std::string& relative) {
  std::error_code ec;
  if (fs::is_regular_file(relative, ec)) return relative;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(program_path, ec);
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / relative, ec)) {
      return fs::relative(dir / relative, fs::current_path(ec), ec).string();
    }
  }
  return relative;
}

}  // namespace kaohe
