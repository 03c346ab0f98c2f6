// Writing a report file atomically: streamed to a temporary file beside it, then renamed over
// it, so an interrupted or failed run never leaves half a report and never touches the previous
// one. Reports are streamed rather than built in memory, because a national check's JSON report
// is hundreds of megabytes.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "engine/result.h"

namespace kaohe {

class AtomicFile {
 public:
  // Opens the temporary file; an error names the path and the reason.
  static Result<std::unique_ptr<AtomicFile>> Open(const std::string& path);
  ~AtomicFile();  // without Commit: the temporary file is removed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream();
  // Flushes, syncs and renames over the path; on any error the previous file is untouched.
  Result<bool> Commit();

 private:
  class Buffer;
  AtomicFile(std::string path, std::string temporary, int fd);
  void Abandon();

  std::string path_;
  std::string temporary_;
  int fd_;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

Result<bool> WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace kaohe
