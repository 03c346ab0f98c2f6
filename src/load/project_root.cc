#include "src/load/project_root.h"

#include <algorithm>

namespace kaohe {

namespace fs = std::filesystem;

namespace {

fs::path Canonical(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path, ec).lexically_normal() : canonical;
}

}  // namespace

ProjectRoot::ProjectRoot() : ProjectRoot(std::string()) {}

ProjectRoot::ProjectRoot(const std::string& dir)
    : folders_{Canonical(dir.empty() ? fs::path(".") : fs::path(dir))} {}

void ProjectRoot::Trust(const std::string& dir) { folders_.push_back(Canonical(dir)); }

bool ProjectRoot::Inside(const fs::path& path, const fs::path& dir) {
  auto [in_dir, in_path] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  // A trailing separator gives an empty last element.
  return in_dir == dir.end() || (std::next(in_dir) == dir.end() && in_dir->empty());
}

std::optional<fs::path> ProjectRoot::Confine(const std::string& path) const {
  if (path.empty()) return std::nullopt;
  fs::path canonical = Canonical(path);
  for (const fs::path& folder : folders_) {
    if (Inside(canonical, folder)) return canonical;
  }
  return std::nullopt;
}

}  // namespace kaohe
