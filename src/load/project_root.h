// The project root: the folder every path named inside an input file (a target table's
// `document:`, a fact's `source.file`, a rule test's `rules:` and `fact_files:`) must lie in,
// once made canonical (symlinks resolved). Files named on the command line may be anywhere.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kaohe {

// Canonical forms of paths, as std::filesystem::weakly_canonical gives them: absolute, with
// symlinks, ".", ".." and repeated separators resolved; past the first missing component, the
// rest lexically. Each folder met is looked at once and remembered, so a path costs a hash lookup
// per component however often its folders recur (weakly_canonical asks the kernel about every
// prefix: quadratic in the components, and `a/../a/../…` has thousands). Safe to share between
// threads.
class Canonicaliser {
 public:
  Canonicaliser();
  ~Canonicaliser();
  std::filesystem::path operator()(const std::filesystem::path& path) const;

 private:
  struct Memo;
  std::unique_ptr<Memo> memo_;
};

class ProjectRoot {
 public:
  // The working directory.
  ProjectRoot();
  // `dir`, relative to the working directory; the working directory when empty.
  explicit ProjectRoot(const std::string& dir);

  // Also accepts paths under `dir` (the bundled data, trusted as kaohe itself is).
  void Trust(const std::string& dir);

  // The canonical form of `path` (relative to the working directory).
  std::filesystem::path Canonical(const std::filesystem::path& path) const {
    return (*canonical_)(path);
  }

  // The canonical form of `path` when it lies inside the root or a trusted folder, and not in a
  // version-control folder (.git, .hg, .svn) there; nullopt otherwise.
  std::optional<std::filesystem::path> Confine(const std::string& path) const;

  // True when a path relative to the root passes through a version-control folder.
  static bool InVersionControlMetadata(const std::filesystem::path& relative);

  // True when the canonical `path` is `dir` or lies below it.
  static bool Inside(const std::filesystem::path& path, const std::filesystem::path& dir);

  // The root as diagnostics name it.
  std::string display() const { return folders_.front().string(); }

 private:
  std::shared_ptr<const Canonicaliser> canonical_;  // shared by copies
  std::vector<std::filesystem::path> folders_;      // canonical; the root first
};

}  // namespace kaohe
