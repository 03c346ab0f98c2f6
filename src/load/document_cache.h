// The documents facts and target tables cite, read once per file to check that quotes and cells
// are really there. A file is known by its identity (device and inode), so spellings of one path
// share one copy; each is decoded as documents are (UTF-8 or GB18030) and folded (white space
// removed) once, line by line; and all held together stay within a byte budget.
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/source.h"
#include "src/load/project_root.h"

namespace kaohe {

// Most bytes of cited documents held at once (their folded text and line index).
inline constexpr std::size_t kCitedBytesBudget = std::size_t{1} << 30;

// Text with all white space removed, for comparing PDF-spaced text with a transcription.
std::string Squeeze(std::string_view text);

// A cited document as quotes are checked against it: its text folded by Squeeze, line by line.
// The text itself is not kept.
class CitedDocument {
 public:
  explicit CitedDocument(std::string path) : path_(std::move(path)) {}

  // Appends the next line (without its line break).
  void AddLine(std::string_view line);

  const std::string& path() const { return path_; }
  // An empty file has one empty line, as SourceFile counts them.
  int line_count() const { return std::max(1, static_cast<int>(squeezed_starts_.size())); }
  // Lines first..last (1-based, within the file) folded by Squeeze and run together; empty when
  // first > last.
  std::string_view Squeezed(int first, int last) const;
  // Bytes held.
  std::size_t bytes() const {
    return squeezed_.capacity() + squeezed_starts_.capacity() * sizeof(std::size_t);
  }

 private:
  std::string path_;
  std::string squeezed_;
  std::vector<std::size_t> squeezed_starts_;  // where each line starts in squeezed_
};

// What DocumentCache::Get found for a path.
struct CitedFile {
  std::shared_ptr<const CitedDocument> document;  // null when it cannot be used
  bool outside_root = false;                      // refused: it leaves the project root
  std::string problem;                            // why it cannot be read
};

// Safe to share between threads loading facts in parallel.
class DocumentCache {
 public:
  explicit DocumentCache(ProjectRoot root = ProjectRoot(),
                         std::size_t budget_bytes = kCitedBytesBudget);

  // `path` as cited, relative to the working directory.
  CitedFile Get(const std::string& path);

  const ProjectRoot& root() const { return root_; }

 private:
  using Identity = std::pair<dev_t, ino_t>;
  struct Held {
    std::shared_ptr<const CitedDocument> document;
    std::uint64_t last_use = 0;
  };

  CitedFile Load(const std::string& path);
  void MakeRoom(std::size_t bytes);

  const ProjectRoot root_;
  const std::size_t budget_bytes_;
  std::mutex mutex_;
  std::unordered_map<std::string, CitedFile> refused_;  // by spelling
  std::unordered_map<std::string, Identity> identity_;  // by spelling
  std::map<Identity, Held> held_;
  std::size_t held_bytes_ = 0;
  std::uint64_t uses_ = 0;
};

}  // namespace kaohe
