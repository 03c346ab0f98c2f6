#include "src/cli/output_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <streambuf>
#include <string_view>
#include <utility>
#include <vector>

#include "src/cli/random_hex.h"

namespace kaohe {
namespace {

// The temporary file being written, for the signal handler to remove: a fixed buffer, because
// a handler may only touch what is async-signal-safe.
char g_temporary[4096] = {};
volatile std::sig_atomic_t g_writing = 0;

extern "C" void RemoveTemporaryAndDie(int signal) {
  if (g_writing) ::unlink(g_temporary);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void InstallHandlersOnce() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  // A file size limit (ulimit -f) must fail the write, not kill the process mid-report.
  std::signal(SIGXFSZ, SIG_IGN);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, RemoveTemporaryAndDie);
}

Error WriteError(const std::string& path, const char* what, int error) {
  return Error{fmt::format("{}: {}: {}", path, what, std::strerror(error))};
}

// A temporary file is named `.<the target's name>.kaohe-tmp-<16 hex digits>`, beside the target
// (a rename cannot cross file systems), with random digits: a pid repeats across containers
// sharing a volume, and a predictable name can be planted in advance.
constexpr std::string_view kTemporaryMarker = ".kaohe-tmp-";
constexpr std::size_t kRandomDigits = 16;
// At most this much of the target's name is repeated, so that the temporary's name stays within
// NAME_MAX (255 bytes).
constexpr std::size_t kNameBytesKept = 200;

struct TemporaryName {
  std::string directory;  // with its final slash; empty: the working directory
  std::string prefix;     // the name without the random digits
};

TemporaryName TemporaryNameOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t name_start = slash == std::string::npos ? 0 : slash + 1;
  std::string name = path.substr(name_start, kNameBytesKept);
  return {path.substr(0, name_start), "." + name + std::string(kTemporaryMarker)};
}

// A temporary of the target's own pattern left unmodified this long is a dead run's (SIGKILL
// cannot be caught): a live run writes its temporary from creating it to renaming it.
constexpr std::time_t kStaleSeconds = 60 * 60;

bool IsTemporaryOf(std::string_view entry, const TemporaryName& name) {
  if (entry.size() != name.prefix.size() + kRandomDigits || !entry.starts_with(name.prefix)) {
    return false;
  }
  const std::string_view digits = entry.substr(name.prefix.size());
  return digits.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Removes the target's own temporaries that killed runs left: exactly its pattern, a regular
// file or a link, the caller's own, an hour old. Best effort: what cannot be removed stays.
void RemoveStaleTemporaries(const TemporaryName& name) {
  DIR* directory = ::opendir(name.directory.empty() ? "." : name.directory.c_str());
  if (!directory) return;
  const std::time_t cutoff = std::time(nullptr) - kStaleSeconds;
  while (const dirent* entry = ::readdir(directory)) {
    if (!IsTemporaryOf(entry->d_name, name)) continue;
    struct stat st;
    if (::fstatat(::dirfd(directory), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) continue;
    if (st.st_uid != ::geteuid() || st.st_mtime >= cutoff) continue;
    ::unlinkat(::dirfd(directory), entry->d_name, 0);
  }
  ::closedir(directory);
}

}  // namespace

// Large blocks (a reporter's rendered findings) go to the descriptor as they are, after what is
// buffered, instead of being copied through the buffer.
constexpr std::size_t kDirectBytes = 64 << 10;

FdOutputBuffer::FdOutputBuffer(int fd, std::size_t buffer_bytes) : fd_(fd), data_(buffer_bytes) {
  setp(data_.data(), data_.data() + data_.size());
}

bool FdOutputBuffer::Flush() {
  WriteAll(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(data_.data(), data_.data() + data_.size());
  return error_ == 0;
}

std::streamsize FdOutputBuffer::xsputn(const char* s, std::streamsize n) {
  if (static_cast<std::size_t>(n) < kDirectBytes) return std::streambuf::xsputn(s, n);
  Flush();
  WriteAll(s, static_cast<std::size_t>(n));
  return n;  // an error is remembered and reported at the end, as for buffered writes
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type c) {
  if (!Flush()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int FdOutputBuffer::sync() { return Flush() ? 0 : -1; }

void FdOutputBuffer::WriteAll(const char* p, std::size_t left) {
  while (left > 0 && error_ == 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : ENOSPC;
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

StandardOutput::StandardOutput() : buffer_(STDOUT_FILENO, kDirectBytes), stream_(&buffer_) {}

std::string StandardOutput::Finish() {
  stream_.flush();
  buffer_.Flush();
  int error = buffer_.error();
  // The buffer reports every failed write; a stream that went bad otherwise has lost output too.
  if (error == 0 && !stream_) error = EIO;
  if (error == 0) return {};
  return fmt::format("cannot write to standard output: {}", std::strerror(error));
}

namespace {

// A character device (a terminal, /dev/null) or a FIFO (a pipe, /dev/stdout in a pipeline) at the
// path, after links, is written as it is: it is a stream, not a file to replace. -1 when the
// path names none (or stopped naming one before it could be opened).
int OpenStream(const std::string& path, const struct stat& target) {
  if (!S_ISCHR(target.st_mode) && !S_ISFIFO(target.st_mode)) return -1;
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat opened;
  if (::fstat(fd, &opened) != 0 || (!S_ISCHR(opened.st_mode) && !S_ISFIFO(opened.st_mode))) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// The path names this process's own standard output or error, redirected to a file
// (`--format json:/dev/stdout > out.json`): the report goes on through that descriptor, since
// replacing the file would cut off what the shell redirected. -1 otherwise.
int DuplicateStandardStream(const struct stat& target) {
  for (int standard : {STDOUT_FILENO, STDERR_FILENO}) {
    struct stat s;
    if (::fstat(standard, &s) == 0 && s.st_dev == target.st_dev && s.st_ino == target.st_ino) {
      return ::fcntl(standard, F_DUPFD_CLOEXEC, 0);
    }
  }
  return -1;
}

}  // namespace

Result<std::unique_ptr<AtomicFile>> AtomicFile::Open(const std::string& path) {
  InstallHandlersOnce();
  struct stat target;
  if (::stat(path.c_str(), &target) == 0) {
    if (S_ISBLK(target.st_mode) || S_ISSOCK(target.st_mode)) {
      return Error{fmt::format(
          "{}: is a block device or a socket; a report goes to a file, a character device or a "
          "FIFO",
          path)};
    }
    int stream =
        S_ISREG(target.st_mode) ? DuplicateStandardStream(target) : OpenStream(path, target);
    if (stream >= 0) return std::unique_ptr<AtomicFile>(new AtomicFile(path, "", stream));
  }
  const TemporaryName name = TemporaryNameOf(path);
  RemoveStaleTemporaries(name);
  // A report that replaces another keeps its permissions (a private report stays private).
  struct stat previous;
  const bool replacing = ::lstat(path.c_str(), &previous) == 0 && S_ISREG(previous.st_mode);
  for (int attempt = 0;; ++attempt) {
    std::string temporary = name.directory + name.prefix + RandomHex(16);
    if (temporary.size() >= sizeof g_temporary) {
      return Error{fmt::format("{}: path too long", path)};
    }
    // Never through a link, never a file that is already there.
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      if (errno == EEXIST && attempt < 8) continue;
      return WriteError(path, "cannot write", errno);
    }
    std::memcpy(g_temporary, temporary.c_str(), temporary.size() + 1);
    g_writing = 1;
    auto file = std::unique_ptr<AtomicFile>(new AtomicFile(path, temporary, fd));
    if (replacing && ::fchmod(fd, previous.st_mode & 0777) != 0) {
      return WriteError(path, "cannot keep the previous file's permissions", errno);
    }
    return file;
  }
}

AtomicFile::AtomicFile(std::string path, std::string temporary, int fd)
    : path_(std::move(path)),
      temporary_(std::move(temporary)),
      fd_(fd),
      buffer_(std::make_unique<FdOutputBuffer>(fd, std::size_t{1} << 20)),
      stream_(std::make_unique<std::ostream>(buffer_.get())) {}

AtomicFile::~AtomicFile() { Abandon(); }

std::ostream& AtomicFile::stream() { return *stream_; }

void AtomicFile::Abandon() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
  if (temporary_.empty()) return;  // a stream: nothing to remove
  ::unlink(temporary_.c_str());
  g_writing = 0;
}

Result<bool> AtomicFile::Commit() {
  stream_->flush();
  if (temporary_.empty()) return CommitStream();
  if (!buffer_->Flush() || buffer_->error() != 0) {
    int saved = buffer_->error();
    Abandon();
    return WriteError(path_, "write failed, the previous file is untouched", saved);
  }
  // Not forced to disk (no fsync): a report is rebuilt by running the check again, and waiting
  // for hundreds of megabytes to reach the disk took half of a national run. Renaming only a
  // whole file is what keeps readers, full disks and signals from seeing half a report. close()
  // is checked: some file systems (NFS) report a failed write only there.
  int closed = ::close(fd_);
  int close_error = errno;
  fd_ = -1;
  if (closed != 0 && close_error != EINTR) {
    ::unlink(temporary_.c_str());
    g_writing = 0;
    return WriteError(path_, "write failed, the previous file is untouched", close_error);
  }
  // The new file and the previous one trade names in one step, then the previous one is
  // removed: readers see one or the other, never neither. A plain rename over the previous file
  // would make ext4 (auto_da_alloc) write the whole new file out inside the rename, which took
  // half a second for a 250 MB report; exchanging names does not.
  // Only a regular file is exchanged: a directory at the path must make the run fail, as a
  // rename over it does, not be moved aside.
  struct stat previous;
  bool previous_is_file = ::lstat(path_.c_str(), &previous) == 0 && S_ISREG(previous.st_mode);
  if (previous_is_file &&
      ::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, path_.c_str(), RENAME_EXCHANGE) == 0) {
    ::unlink(temporary_.c_str());
    g_writing = 0;
    return true;
  }
  // No previous file, or a file system that cannot exchange names.
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    int saved = errno;
    ::unlink(temporary_.c_str());
    g_writing = 0;
    return WriteError(path_, "cannot replace", saved);
  }
  g_writing = 0;
  return true;
}

Result<bool> AtomicFile::CommitStream() {
  const bool written = buffer_->Flush();
  const int write_error = buffer_->error();
  const int closed = ::close(fd_);
  const int close_error = errno;
  fd_ = -1;
  if (!written) return WriteError(path_, "write failed", write_error);
  if (closed != 0 && close_error != EINTR) return WriteError(path_, "write failed", close_error);
  return true;
}

Result<bool> WriteFileAtomically(const std::string& path, const std::string& content) {
  auto file = AtomicFile::Open(path);
  if (!file.ok()) return file.error();
  file.value()->stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return file.value()->Commit();
}

}  // namespace kaohe
