#include "src/load/file_reader.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace kaohe {

namespace fs = std::filesystem;

std::size_t FindInvalidUtf8(std::string_view text) {
  // This runs over every byte kaohe reads: simdjson's vectorised check answers for valid text
  // (the rules are the same: no overlong forms, no surrogates, nothing above U+10FFFF); the
  // byte-wise walk below runs only to find where invalid text goes wrong.
  if (simdjson::validate_utf8(text.data(), text.size())) return std::string_view::npos;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // no overlong forms
      if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + length > n || s[i + 1] < low || s[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

Error InvalidUtf8Error(const std::string& path, int line, std::string_view line_text,
                       std::size_t bad_in_line, std::size_t line_offset) {
  return Error{fmt::format("{}:{}:{}: invalid UTF-8 at byte offset {} (byte 0x{:02X})", path, line,
                           CodePointCount(line_text.substr(0, bad_in_line)) + 1,
                           line_offset + bad_in_line,
                           static_cast<unsigned char>(line_text[bad_in_line]))};
}

Result<SourceFile> ReadTextFile(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::is_directory(status)) return Error{fmt::format("{}: is a directory", path)};
  if (fs::exists(status) && !fs::is_regular_file(status)) return Error{NotRegularFileError(path)};
  auto size = fs::file_size(path, ec);
  if (ec) return Error{fmt::format("{}: cannot read: {}", path, ec.message())};
  if (size > kMaxInputBytes) {
    return Error{
        fmt::format("{}: file is larger than the limit of {} bytes", path, kMaxInputBytes)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open", path)};
  std::string text;
  text.resize(size);
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) {
    return Error{fmt::format("{}: read fewer bytes than the file holds", path)};
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::size_t bad = FindInvalidUtf8(text);
  if (bad != std::string::npos) {
    std::size_t newline = text.rfind('\n', bad);  // text[bad] is never a line break
    std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
    return InvalidUtf8Error(path, line, std::string_view(text).substr(line_start), bad - line_start,
                            line_start);
  }
  return SourceFile(path, std::move(text));
}

std::string NotRegularFileError(const std::string& path) {
  return fmt::format("{}: not a regular file (a FIFO, device or socket is not read)", path);
}

namespace {

bool HasExtension(const fs::path& path, const std::vector<std::string>& extensions) {
  return std::find(extensions.begin(), extensions.end(), path.extension().string()) !=
         extensions.end();
}

// Every file with one of the extensions below `dir`, in no particular order. `named` is the
// canonical form of the directory named on the command line.
std::optional<Error> WalkDirectory(const fs::path& dir, const fs::path& named,
                                   const std::vector<std::string>& extensions,
                                   const ProjectRoot& root, Diagnostics& warnings,
                                   std::vector<std::string>& found) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code status_ec;
    const fs::file_status own = entry.symlink_status(status_ec);
    if (status_ec) {
      return Error{fmt::format("{}: cannot list: {}", entry.path().string(), status_ec.message())};
    }
    if (fs::is_directory(own)) {
      if (auto error = WalkDirectory(entry.path(), named, extensions, root, warnings, found)) {
        return error;
      }
      continue;
    }
    if (!HasExtension(entry.path(), extensions)) continue;
    if (fs::is_regular_file(own)) {
      found.push_back(entry.path().string());
    } else if (fs::is_symlink(own) && fs::is_regular_file(entry.status(status_ec))) {
      const fs::path target = root.Canonical(entry.path());
      if (ProjectRoot::Inside(target, named) || root.Confine(target.string())) {
        found.push_back(entry.path().string());
      } else {
        warnings.Warning("P001", {entry.path().string(), 0, 0},
                         fmt::format("skipped: a symlink to {}, outside {} and the project root {}",
                                     target.string(), named.string(), root.display()));
      }
    }
  }
  if (ec) return Error{fmt::format("{}: cannot list: {}", dir.string(), ec.message())};
  return std::nullopt;
}

}  // namespace

Result<std::vector<std::string>> CollectFiles(const std::vector<std::string>& paths,
                                              const std::vector<std::string>& extensions,
                                              Diagnostics& warnings, const ProjectRoot& root) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      const fs::path named = root.Canonical(path);
      if (auto error = WalkDirectory(path, named, extensions, root, warnings, found)) {
        return *error;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(status)) {
      files.push_back(path);  // each reader refuses what it cannot read (a FIFO but for JSONL)
    } else {
      return Error{fmt::format("{}: no such file or directory", path)};
    }
  }
  return files;
}

std::string ResolveBeside(const std::string& base_file, const std::string& relative) {
  fs::path rel(relative);
  if (rel.is_absolute()) return relative;
  fs::path joined = (fs::path(base_file).parent_path() / rel).lexically_normal();
  return joined.string();
}

}  // namespace kaohe
