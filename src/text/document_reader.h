// Reading a document line by line, decoded to UTF-8, in fixed-size chunks so that a file of
// any size is never held whole. The encoding is UTF-8 (with or without a BOM) or GB18030/GBK,
// decided from the first chunk; bytes that are invalid in it end the read with an error that
// gives their byte offset.
#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "engine/result.h"

namespace kaohe {

enum class Encoding { kUtf8, kGb18030 };

class DocumentReader {
 public:
  // `path` "-" reads standard input; anything else must be a regular file (a FIFO or a device
  // is refused rather than waited on).
  static Result<std::unique_ptr<DocumentReader>> Open(const std::string& path);
  // Reads `file`, already open, and closes it at the end; `path` names it in errors.
  static std::unique_ptr<DocumentReader> Adopt(const std::string& path, std::FILE* file);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // The next line without its line break (LF, CRLF or a lone CR); false at the end or after
  // an error.
  bool Next(std::string& line);
  int line_number() const { return line_number_; }
  Encoding encoding() const { return encoding_; }
  // Set when reading stopped on a decoding or read error.
  const std::optional<Error>& error() const { return error_; }

  // Chunk size in bytes.
  static constexpr std::size_t kChunkBytes = 1 << 16;
  // Longest line accepted, in bytes of UTF-8.
  static constexpr std::size_t kMaxLineBytes = 1 << 24;

 private:
  class Decoder;
  DocumentReader(std::string path, std::FILE* file, bool owns_file);
  bool Fill();  // decodes another chunk into pending_; false at the end or on error

  std::string path_;
  std::FILE* file_;
  bool owns_file_;
  Encoding encoding_ = Encoding::kUtf8;
  bool started_ = false;
  bool at_end_ = false;
  std::unique_ptr<Decoder> decoder_;
  std::string pending_;  // decoded UTF-8; bytes before pending_pos_ were returned
  std::size_t pending_pos_ = 0;
  std::size_t scanned_ = 0;     // bytes of pending_ from pending_pos_ known to hold no line break
  std::string raw_carry_;       // undecoded bytes at the end of a chunk (a split character)
  std::size_t raw_offset_ = 0;  // file offset of the first byte of raw_carry_
  std::size_t first_chunk_valid_ = std::string::npos;  // bytes of the first chunk already checked
  int line_number_ = 0;
  std::optional<Error> error_;
};

// The given 1-based lines of a document, read in one pass that stops after the last of them, so
// the file is never held whole. Lines it does not reach (past the end, after a decoding error)
// are absent.
std::map<int, std::string> ReadLines(const std::string& path, const std::set<int>& lines);

}  // namespace kaohe
