#include "src/cli/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

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

}  // namespace

Result<bool> WriteFileAtomically(const std::string& path, const std::string& content) {
  InstallHandlersOnce();
  std::string temporary = fmt::format("{}.tmp.{}", path, ::getpid());
  if (temporary.size() >= sizeof g_temporary) {
    return Error{fmt::format("{}: path too long", path)};
  }
  std::memcpy(g_temporary, temporary.c_str(), temporary.size() + 1);
  g_writing = 1;
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    g_writing = 0;
    return WriteError(path, "cannot write", errno);
  }
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = n < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(temporary.c_str());
      g_writing = 0;
      return WriteError(path, "write failed, the previous file is untouched", saved);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) {
    int saved = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    g_writing = 0;
    return WriteError(path, "write failed, the previous file is untouched", saved);
  }
  ::close(fd);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(temporary.c_str());
    g_writing = 0;
    return WriteError(path, "cannot replace", saved);
  }
  g_writing = 0;
  return true;
}

}  // namespace kaohe
