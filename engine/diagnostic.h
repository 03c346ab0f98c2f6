// Diagnostics: mistakes in the user's input (rule packs, dictionaries, fact files), each with
// a stable code and a position. Loaders collect every diagnostic of a phase, then the caller
// refuses to go on if any is an error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/source.h"

namespace kaohe {

enum class DiagnosticSeverity { kError, kWarning, kNote };

std::string_view DiagnosticSeverityName(DiagnosticSeverity severity);

struct Diagnostic {
  DiagnosticSeverity severity = DiagnosticSeverity::kError;
  std::string code;  // stable, e.g. "R002"; listed in README
  SourceLocation location;
  std::string message;
  std::string snippet;  // the source line, for the caret display; may be empty
};

// An ordered collection of diagnostics.
class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);
  void Error(std::string code, SourceLocation location, std::string message,
             std::string snippet = {});
  void Warning(std::string code, SourceLocation location, std::string message,
               std::string snippet = {});
  void Append(const Diagnostics& other);

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  bool empty() const { return items_.empty(); }

  // Sorts by file, line, column, then code, and drops exact duplicates.
  void Sort();

 private:
  std::vector<Diagnostic> items_;
};

// "file:line:col: error[R002]: message" followed, when a snippet is known, by the line and a
// caret under the column.
std::string RenderDiagnostic(const Diagnostic& diagnostic);

// A snippet for a location in a source file (the whole line).
std::string SnippetAt(const SourceFile& file, int line);

}  // namespace kaohe
