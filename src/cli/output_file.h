// Writing reports. A file is written atomically: streamed to a temporary file beside it, then
// renamed over it, so an interrupted or failed run never leaves half a report and never touches
// the previous one. Reports are streamed rather than built in memory, because a national
// check's JSON report is hundreds of megabytes. Standard output is written through the same
// checked buffer, so that a failed write (a full disk, /dev/full) is an error, not a silent
// truncation.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "engine/result.h"

namespace kaohe {

// Hands what is written to a file descriptor (not closed here) through a buffer. The first
// failed write is remembered (its errno) and everything after it is dropped, so that a caller
// checks once, at the end, whether all of it was written.
class FdOutputBuffer : public std::streambuf {
 public:
  FdOutputBuffer(int fd, std::size_t buffer_bytes);

  // Writes out what is buffered; false once any write has failed.
  bool Flush();
  // The errno of the first failed write; 0 while every write succeeded.
  int error() const { return error_; }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  void WriteAll(const char* p, std::size_t left);

  int fd_;
  int error_ = 0;
  std::vector<char> data_;
};

// Standard output as kaohe writes it: every write checked.
class StandardOutput {
 public:
  StandardOutput();
  std::ostream& stream() { return stream_; }
  // Flushes; the message to print when anything written failed to reach standard output
  // ("cannot write to standard output: No space left on device"), empty when all of it did.
  std::string Finish();

 private:
  FdOutputBuffer buffer_;
  std::ostream stream_;
};

class AtomicFile {
 public:
  // Opens a new temporary file beside the path. A path that names a character device or a FIFO
  // (after links), or this process's standard output or error, is written directly instead: it
  // is a stream, with nothing to replace. A symbolic link at the path is replaced by the report,
  // and what it pointed to is left as it was. A block device or a socket is refused. A report
  // that replaces a regular file keeps its permission bits. The target's own temporaries that
  // killed runs left (an hour old) are removed first. An error names the path and the reason.
  static Result<std::unique_ptr<AtomicFile>> Open(const std::string& path);
  ~AtomicFile();  // without Commit: the temporary file is removed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream();
  // Flushes, syncs and renames over the path; on any error the previous file is untouched.
  Result<bool> Commit();

 private:
  AtomicFile(std::string path, std::string temporary, int fd);
  void Abandon();
  Result<bool> CommitStream();

  std::string path_;
  std::string temporary_;  // empty: the path is a stream, written as it is
  int fd_;
  std::unique_ptr<FdOutputBuffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

Result<bool> WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace kaohe
