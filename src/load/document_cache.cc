#include "src/load/document_cache.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "src/text/document_reader.h"

namespace kaohe {

namespace {

void AppendSqueezed(std::string_view text, std::string& out) {
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '\xE3' && i + 2 < n && text[i + 1] == '\x80' && text[i + 2] == '\x80') {
      i += 3;  // U+3000 IDEOGRAPHIC SPACE
    } else {
      out += c;
      ++i;
    }
  }
}

}  // namespace

std::string Squeeze(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendSqueezed(text, out);
  return out;
}

void CitedDocument::AddLine(std::string_view line) {
  squeezed_starts_.push_back(squeezed_.size());
  AppendSqueezed(line, squeezed_);
}

std::string_view CitedDocument::Squeezed(int first, int last) const {
  if (first < 1 || last > line_count() || first > last || squeezed_starts_.empty()) return {};
  const std::size_t begin = squeezed_starts_[static_cast<std::size_t>(first - 1)];
  const std::size_t end = static_cast<std::size_t>(last) < squeezed_starts_.size()
                              ? squeezed_starts_[static_cast<std::size_t>(last)]
                              : squeezed_.size();
  return std::string_view(squeezed_).substr(begin, end - begin);
}

DocumentCache::DocumentCache(ProjectRoot root, std::size_t budget_bytes)
    : root_(std::move(root)), budget_bytes_(budget_bytes) {}

CitedFile DocumentCache::Get(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto refused = refused_.find(path); refused != refused_.end()) return refused->second;
  if (auto known = identity_.find(path); known != identity_.end()) {
    if (auto held = held_.find(known->second); held != held_.end()) {
      held->second.last_use = ++uses_;
      return {held->second.document, false, {}};
    }
  }
  CitedFile loaded = Load(path);
  if (!loaded.document) refused_.emplace(path, loaded);
  return loaded;
}

namespace {

// Closes a descriptor on every path out, unless handed to a FILE.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string TooLarge(std::size_t budget_bytes) {
  return fmt::format("larger than the {} bytes of cited documents kaohe holds at once",
                     budget_bytes);
}

}  // namespace

CitedFile DocumentCache::Load(const std::string& path) {
  CitedFile out;
  auto canonical = root_.Confine(path);
  if (!canonical) {
    out.outside_root = true;
    out.problem = fmt::format("it is outside the project root {}", root_.display());
    return out;
  }
  // Non-blocking, so that opening a FIFO does not wait for a writer; it is refused below.
  Descriptor file{::open(canonical->c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  struct stat st {};
  if (file.fd < 0 || ::fstat(file.fd, &st) != 0) {
    out.problem = std::strerror(errno);
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.problem = "not a regular file";
    return out;
  }
  const Identity identity{st.st_dev, st.st_ino};
  if (auto held = held_.find(identity); held != held_.end()) {
    identity_[path] = identity;
    held->second.last_use = ++uses_;
    out.document = held->second.document;
    return out;
  }
  if (static_cast<std::size_t>(st.st_size) > budget_bytes_) {
    out.problem = TooLarge(budget_bytes_);
    return out;
  }
  std::FILE* stream = ::fdopen(file.fd, "rb");
  if (!stream) {
    out.problem = std::strerror(errno);
    return out;
  }
  file.fd = -1;  // the reader owns it now
  auto reader = DocumentReader::Adopt(path, stream);
  auto document = std::make_shared<CitedDocument>(path);
  std::string line;
  while (reader->Next(line)) {
    document->AddLine(line);
    if (document->bytes() > budget_bytes_) {
      out.problem = TooLarge(budget_bytes_);
      return out;
    }
  }
  if (reader->error()) {
    out.problem = reader->error()->message;
    return out;
  }
  MakeRoom(document->bytes());
  held_bytes_ += document->bytes();
  held_[identity] = {document, ++uses_};
  identity_[path] = identity;
  out.document = std::move(document);
  return out;
}

void DocumentCache::MakeRoom(std::size_t bytes) {
  while (!held_.empty() && held_bytes_ + bytes > budget_bytes_) {
    auto oldest = held_.begin();
    for (auto it = held_.begin(); it != held_.end(); ++it) {
      if (it->second.last_use < oldest->second.last_use) oldest = it;
    }
    held_bytes_ -= oldest->second.document->bytes();
    held_.erase(oldest);
  }
}

}  // namespace kaohe
