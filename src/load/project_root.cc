#include "src/load/project_root.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace kaohe {

namespace fs = std::filesystem;

struct Canonicaliser::Memo {
  std::mutex mutex;
  // A canonical folder joined with one component → its canonical form; empty when missing.
  std::unordered_map<std::string, std::string> known;
};

Canonicaliser::Canonicaliser() : memo_(std::make_unique<Memo>()) {}
Canonicaliser::~Canonicaliser() = default;

namespace {

// The canonical form of `joined`, a canonical folder and one more component; empty when it does
// not exist.
std::string Resolve(const std::string& joined) {
  struct stat st {};
  if (::lstat(joined.c_str(), &st) != 0) return {};
  if (!S_ISLNK(st.st_mode)) return joined;
  char* resolved = ::realpath(joined.c_str(), nullptr);
  if (!resolved) return {};
  std::string out(resolved);
  std::free(resolved);
  return out;
}

}  // namespace

fs::path Canonicaliser::operator()(const fs::path& path) const {
  std::error_code ec;
  const std::string absolute = fs::absolute(path, ec).string();
  if (ec) return path.lexically_normal();
  // Plain strings, split at '/': std::filesystem::path splits and allocates per component.
  std::string resolved;  // canonical so far, without a trailing '/'; empty for "/"
  bool missing = false;  // past a missing component, the rest is taken lexically
  std::lock_guard<std::mutex> lock(memo_->mutex);
  std::string_view rest = absolute;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    rest.remove_prefix(slash == std::string_view::npos ? rest.size() : slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      resolved.resize(resolved.rfind('/') == std::string::npos ? 0 : resolved.rfind('/'));
      continue;  // a canonical folder's parent is lexical
    }
    std::string joined = resolved + "/";
    joined += part;
    if (!missing) {
      auto [known, added] = memo_->known.try_emplace(joined);
      if (added) known->second = Resolve(joined);
      if (!known->second.empty()) {
        resolved = known->second == "/" ? "" : known->second;
        continue;
      }
      missing = true;
    }
    resolved = std::move(joined);
  }
  return resolved.empty() ? fs::path("/") : fs::path(resolved);
}

ProjectRoot::ProjectRoot() : ProjectRoot(std::string()) {}

ProjectRoot::ProjectRoot(const std::string& dir)
    : canonical_(std::make_shared<const Canonicaliser>()),
      folders_{Canonical(dir.empty() ? fs::path(".") : fs::path(dir))} {}

void ProjectRoot::Trust(const std::string& dir) { folders_.push_back(Canonical(dir)); }

bool ProjectRoot::Inside(const fs::path& path, const fs::path& dir) {
  auto [in_dir, in_path] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  // A trailing separator gives an empty last element.
  return in_dir == dir.end() || (std::next(in_dir) == dir.end() && in_dir->empty());
}

// A checkout's version-control folder holds what no report cites and some of what a pull request
// must never see (a CI checkout keeps its access token in .git/config), so it is out of bounds
// even inside the root.
bool ProjectRoot::InVersionControlMetadata(const fs::path& relative) {
  for (const fs::path& part : relative) {
    if (part == ".git" || part == ".hg" || part == ".svn") return true;
  }
  return false;
}

std::optional<fs::path> ProjectRoot::Confine(const std::string& path) const {
  if (path.empty()) return std::nullopt;
  fs::path canonical = Canonical(path);
  for (const fs::path& folder : folders_) {
    if (Inside(canonical, folder)) {
      if (InVersionControlMetadata(canonical.lexically_relative(folder))) return std::nullopt;
      return canonical;
    }
  }
  return std::nullopt;
}

}  // namespace kaohe
