#include "src/text/document_reader.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "src/load/file_reader.h"

namespace kaohe {

namespace {

// Length of a UTF-8 prefix that ends on a character boundary: a character split by the end of
// a chunk is kept for the next one.
std::size_t CompleteUtf8Prefix(std::string_view bytes) {
  std::size_t n = bytes.size();
  for (std::size_t back = 1; back <= 4 && back <= n; ++back) {
    unsigned char c = static_cast<unsigned char>(bytes[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    int need = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    return need > static_cast<int>(back) ? n - back : n;
  }
  return n;
}

// The first LF or CR at or after `from`, or npos.
std::size_t FindLineBreak(const std::string& text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') return i;
  }
  return std::string::npos;
}

}  // namespace

class DocumentReader::Decoder {
 public:
  Decoder() {
    UErrorCode status = U_ZERO_ERROR;
    converter_ = ucnv_open("GB18030", &status);
    if (U_SUCCESS(status)) {
      ucnv_setToUCallBack(converter_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    }
  }
  ~Decoder() {
    if (converter_) ucnv_close(converter_);
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // Appends the UTF-8 of `bytes` to out; on an invalid sequence returns its offset in `bytes`.
  std::optional<std::size_t> Decode(std::string_view bytes, bool flush, std::string& out) {
    if (!converter_) return 0;
    std::vector<UChar> buffer(bytes.size() * 2 + 16);
    const char* source = bytes.data();
    const char* source_end = bytes.data() + bytes.size();
    UChar* target = buffer.data();
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(converter_, &target, buffer.data() + buffer.size(), &source, source_end, nullptr,
                   flush, &status);
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t length = sizeof(invalid);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter_, invalid, &length, &ignored);
      return static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(length);
    }
    int32_t utf16_length = static_cast<int32_t>(target - buffer.data());
    int32_t utf8_length = 0;
    UErrorCode measure = U_ZERO_ERROR;
    u_strToUTF8(nullptr, 0, &utf8_length, buffer.data(), utf16_length, &measure);
    std::size_t at = out.size();
    out.resize(at + static_cast<std::size_t>(utf8_length));
    UErrorCode convert = U_ZERO_ERROR;
    u_strToUTF8(out.data() + at, utf8_length, nullptr, buffer.data(), utf16_length, &convert);
    return std::nullopt;
  }

 private:
  UConverter* converter_ = nullptr;
};

Result<std::unique_ptr<DocumentReader>> DocumentReader::Open(const std::string& path) {
  if (path == "-") return std::unique_ptr<DocumentReader>(new DocumentReader("-", stdin, false));
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))};
  }
  if (!S_ISREG(st.st_mode)) return Error{NotRegularFileError(path)};
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))};
  return Adopt(path, file);
}

std::unique_ptr<DocumentReader> DocumentReader::Adopt(const std::string& path, std::FILE* file) {
  return std::unique_ptr<DocumentReader>(new DocumentReader(path, file, true));
}

DocumentReader::DocumentReader(std::string path, std::FILE* file, bool owns_file)
    : path_(std::move(path)), file_(file), owns_file_(owns_file) {}

DocumentReader::~DocumentReader() {
  if (owns_file_ && file_) std::fclose(file_);
}

bool DocumentReader::Fill() {
  if (at_end_ || error_) return false;
  std::string chunk(kChunkBytes, '\0');
  std::size_t got = std::fread(chunk.data(), 1, kChunkBytes, file_);
  chunk.resize(got);
  if (got < kChunkBytes) {
    if (std::ferror(file_)) {
      error_ = Error{fmt::format("{}: read error: {}", path_, std::strerror(errno))};
      return false;
    }
    at_end_ = true;
  }
  std::string bytes = raw_carry_ + chunk;
  std::size_t base = raw_offset_;
  raw_carry_.clear();
  if (!started_) {
    started_ = true;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
      bytes.erase(0, 3);
      base += 3;
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
      error_ = Error{fmt::format("{}: UTF-16 text is not supported: convert it to UTF-8", path_)};
      return false;
    } else {
      std::size_t complete = at_end_ ? bytes.size() : CompleteUtf8Prefix(bytes);
      if (FindInvalidUtf8(std::string_view(bytes).substr(0, complete)) != std::string::npos) {
        encoding_ = Encoding::kGb18030;
        decoder_ = std::make_unique<Decoder>();
      } else {
        first_chunk_valid_ = complete;  // no need to check these bytes again below
      }
    }
  }
  if (encoding_ == Encoding::kUtf8) {
    std::size_t complete = at_end_ ? bytes.size() : CompleteUtf8Prefix(bytes);
    std::string_view text = std::string_view(bytes).substr(0, complete);
    std::size_t bad = first_chunk_valid_ == complete ? std::string::npos : FindInvalidUtf8(text);
    first_chunk_valid_ = std::string::npos;
    if (bad != std::string::npos) {
      error_ = Error{fmt::format("{}: invalid UTF-8 at byte offset {} (byte 0x{:02X})", path_,
                                 base + bad, static_cast<unsigned char>(text[bad]))};
      return false;
    }
    pending_.append(text);
    raw_carry_ = bytes.substr(complete);
    raw_offset_ = base + complete;
  } else {
    std::string decoded;
    if (auto bad = decoder_->Decode(bytes, at_end_, decoded)) {
      std::size_t first_bad = FindInvalidUtf8(bytes);
      error_ = Error{fmt::format(
          "{}: neither UTF-8 (invalid byte at offset {}) nor GB18030 (invalid byte 0x{:02X} at "
          "offset {})",
          path_, base + (first_bad == std::string::npos ? 0 : first_bad),
          static_cast<unsigned char>(bytes[std::min(*bad, bytes.size() - 1)]), base + *bad)};
      return false;
    }
    pending_ += decoded;
    raw_offset_ = base + bytes.size();
  }
  return true;
}

bool DocumentReader::Next(std::string& line) {
  while (true) {
    // A line ends at LF, CRLF or a lone CR. A CR last in what is decoded so far waits for the
    // next chunk, which may start with its LF.
    std::size_t end = FindLineBreak(pending_, std::max(pending_pos_, scanned_));
    bool undecided =
        end != std::string::npos && pending_[end] == '\r' && end + 1 == pending_.size() && !at_end_;
    if (end != std::string::npos && !undecided) {
      line.assign(pending_, pending_pos_, end - pending_pos_);
      pending_pos_ = end + 1;
      scanned_ = 0;
      if (pending_[end] == '\r' && pending_pos_ < pending_.size() &&
          pending_[pending_pos_] == '\n') {
        ++pending_pos_;
      }
      ++line_number_;
      return true;
    }
    if (pending_.size() - pending_pos_ > kMaxLineBytes) {
      error_ = Error{
          fmt::format("{}:{}: line longer than {} bytes", path_, line_number_ + 1, kMaxLineBytes)};
      return false;
    }
    // What is pending holds no line break (but perhaps a CR last): not searched again.
    scanned_ = end != std::string::npos ? end : pending_.size();
    scanned_ -= pending_pos_;
    pending_.erase(0, pending_pos_);
    pending_pos_ = 0;
    if (!Fill()) {
      if (error_ || pending_.empty()) return false;
      if (FindLineBreak(pending_, 0) != std::string::npos) continue;  // at_end_ decides it
      line.swap(pending_);
      pending_.clear();
      ++line_number_;
      return true;
    }
  }
}

std::map<int, std::string> ReadLines(const std::string& path, const std::set<int>& lines) {
  std::map<int, std::string> found;
  if (lines.empty()) return found;
  auto reader = DocumentReader::Open(path);
  if (!reader.ok()) return found;
  std::string line;
  auto wanted = lines.begin();
  while (wanted != lines.end() && reader.value()->Next(line)) {
    const int number = reader.value()->line_number();
    while (wanted != lines.end() && *wanted < number) ++wanted;
    if (wanted != lines.end() && *wanted == number) found.emplace(number, line);
  }
  return found;
}

}  // namespace kaohe
