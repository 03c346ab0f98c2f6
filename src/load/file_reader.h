// Reading input files: size-bounded, BOM stripped, UTF-8 checked, so that every later stage
// can assume valid UTF-8 text and report positions in it.
#pragma once

#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/result.h"
#include "engine/source.h"
#include "src/load/project_root.h"

namespace kaohe {

// Largest input file accepted, in bytes.
inline constexpr std::size_t kMaxInputBytes = std::size_t{1} << 30;

// Extensions of report text files read from a directory.
inline const std::vector<std::string> kDocumentExtensions = {".txt", ".text", ".md"};

// Reads a UTF-8 text file (a regular file: a FIFO or a device is refused, not waited on). Errors
// name the file and, for invalid UTF-8, the line, column and byte offset of the first bad byte.
Result<SourceFile> ReadTextFile(const std::string& path);

// Validates UTF-8; returns the byte offset of the first invalid sequence, or npos.
std::size_t FindInvalidUtf8(std::string_view text);

// The error for invalid UTF-8 in a 1-based line of a file: "path:line:column: invalid UTF-8 at
// byte offset N (byte 0xXX)", the column counted in code points before the bad byte.
Error InvalidUtf8Error(const std::string& path, int line, std::string_view line_text,
                       std::size_t bad_in_line, std::size_t line_offset);

// "PATH: not a regular file ...": a FIFO, a device or a socket is refused, not waited on.
std::string NotRegularFileError(const std::string& path);

// The files named on the command line: a file as given; a directory, every file below it with
// one of the extensions, sorted by path. A path that does not exist is an error, and so is a
// folder that cannot be listed (named). A FIFO or a device is left to its reader: documents and
// files read whole refuse it, JSON Lines facts may stream from a pipe. Below a directory, a symlink
// is followed only to a file inside that directory or the project root; one leading elsewhere is
// skipped with warning P001.
Result<std::vector<std::string>> CollectFiles(const std::vector<std::string>& paths,
                                              const std::vector<std::string>& extensions,
                                              Diagnostics& warnings,
                                              const ProjectRoot& root = ProjectRoot());

// `relative` joined to the directory of `base_file`, lexically normalised; an absolute
// `relative` is returned as it is.
std::string ResolveBeside(const std::string& base_file, const std::string& relative);

}  // namespace kaohe
