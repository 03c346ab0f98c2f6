#include "engine/source.h"

#include <algorithm>

namespace kaohe {

int CodePointCount(std::string_view utf8) {
  int count = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++count;  // count every byte that is not a continuation byte
  }
  return count;
}

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // A line ends at LF, CRLF or a lone CR, as yaml-cpp and the document reader end them.
  line_starts_.push_back(0);
  for (std::size_t i = 0; i + 1 < text_.size(); ++i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && text_[i + 1] != '\n')) {
      line_starts_.push_back(i + 1);
    }
  }
  // yaml-cpp counts lines by LF alone; where a lone CR ends a line, its lines start elsewhere.
  if (text_.find('\r') != std::string::npos) {
    std::vector<std::size_t> lf_starts{0};
    bool lone_cr = false;
    for (std::size_t i = 0; i + 1 < text_.size(); ++i) {
      if (text_[i] == '\n') lf_starts.push_back(i + 1);
      if (text_[i] == '\r' && text_[i + 1] != '\n') lone_cr = true;
    }
    if (lone_cr) lf_line_starts_ = std::move(lf_starts);
  }
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t start = line_starts_[line - 1];
  std::size_t end = text_.find_first_of("\r\n", start);
  if (end == std::string::npos) end = text_.size();
  return std::string_view(text_).substr(start, end - start);
}

SourceLocation SourceFile::Locate(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  int line = static_cast<int>(it - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  std::string_view prefix = std::string_view(text_).substr(start, byte_offset - start);
  return {path_, line, CodePointCount(prefix) + 1};
}

SourceLocation SourceFile::LocateZeroBased(int line0, int byte_column0) const {
  if (line0 < 0) return {path_, 0, 0};
  if (lf_line_starts_.empty()) {
    std::string_view line = Line(line0 + 1);
    std::size_t bytes =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(byte_column0, 0)), line.size());
    return {path_, line0 + 1, CodePointCount(line.substr(0, bytes)) + 1};
  }
  std::size_t start = static_cast<std::size_t>(line0) < lf_line_starts_.size()
                          ? lf_line_starts_[static_cast<std::size_t>(line0)]
                          : text_.size();
  std::size_t end = std::min(text_.find('\n', start), text_.size());
  std::size_t bytes = static_cast<std::size_t>(std::max(byte_column0, 0));
  return Locate(std::min(start + bytes, end));
}

}  // namespace kaohe
