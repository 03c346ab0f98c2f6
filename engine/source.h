// Source text and positions. Every diagnostic, fact and finding points back to a place in a
// file through these types. Lines and columns are 1-based and columns count Unicode code
// points, because the people who read them count characters, not bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/name.h"

namespace kaohe {

struct SourceLocation {
  Name file;       // a Name: every finding of a rule copies its location
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based, in code points; 0 when unknown

  bool known() const { return line > 0; }
  auto operator<=>(const SourceLocation&) const = default;
};

// A file's text with an index of its line starts. Owns its text.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  // The text of a 1-based line without its line break; empty when out of range.
  std::string_view Line(int line) const;

  // Location of a byte offset into text().
  SourceLocation Locate(std::size_t byte_offset) const;

  // Location of a 0-based line and 0-based byte column, as yaml-cpp reports them (its lines
  // end at LF only; a lone CR also ends a line here).
  SourceLocation LocateZeroBased(int line0, int byte_column0) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> lf_line_starts_;  // only when some line ends with a CR alone
};

// Number of code points in a UTF-8 string (invalid bytes count one each).
int CodePointCount(std::string_view utf8);

}  // namespace kaohe
