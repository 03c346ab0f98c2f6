#include "engine/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace kaohe {

// Longest stretch of a source line shown under a diagnostic, in code points.
constexpr int kMaxSnippetCodePoints = 160;

std::string_view DiagnosticSeverityName(DiagnosticSeverity severity) {
  switch (severity) {
    case DiagnosticSeverity::kError:
      return "error";
    case DiagnosticSeverity::kWarning:
      return "warning";
    case DiagnosticSeverity::kNote:
      return "note";
  }
  return "error";
}

void Diagnostics::Add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }

void Diagnostics::Error(std::string code, SourceLocation location, std::string message,
                        std::string snippet) {
  items_.push_back({DiagnosticSeverity::kError, std::move(code), std::move(location),
                    std::move(message), std::move(snippet)});
}

void Diagnostics::Warning(std::string code, SourceLocation location, std::string message,
                          std::string snippet) {
  items_.push_back({DiagnosticSeverity::kWarning, std::move(code), std::move(location),
                    std::move(message), std::move(snippet)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == DiagnosticSeverity::kError;
  }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == DiagnosticSeverity::kWarning;
  }));
}

void Diagnostics::Sort() {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.location.file, d.location.line, d.location.column, d.code, d.message);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) {
                             return key(a) == key(b) && a.severity == b.severity;
                           }),
               items_.end());
}

std::string RenderDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.location.file.empty()) {
    out += d.location.file;
    if (d.location.line > 0) out += fmt::format(":{}", d.location.line);
    if (d.location.column > 0) out += fmt::format(":{}", d.location.column);
    out += ": ";
  }
  out += fmt::format("{}[{}]: {}\n", DiagnosticSeverityName(d.severity), d.code, d.message);
  if (!d.snippet.empty() && d.location.line > 0) {
    // A long line is shown as a window around the column.
    std::string snippet = d.snippet;
    int column = d.location.column;
    const int total = CodePointCount(snippet);
    if (total > kMaxSnippetCodePoints) {
      int first = std::max(1, column - kMaxSnippetCodePoints / 2);
      int last = std::min(total, first + kMaxSnippetCodePoints - 1);
      std::string window = first > 1 ? "…" : "";
      int cp = 0;
      for (std::size_t i = 0; i < snippet.size();) {
        unsigned char c = static_cast<unsigned char>(snippet[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        ++cp;
        if (cp >= first && cp <= last) window += snippet.substr(i, len);
        i += len;
      }
      if (last < total) window += "…";
      snippet = window;
      column = column - first + 1 + (first > 1 ? 1 : 0);
    }
    std::string gutter = fmt::format("{:>5} | ", d.location.line);
    out += gutter + snippet + "\n";
    // Wide (CJK) characters take two terminal cells, so the caret is placed by reproducing
    // the prefix with each character replaced by blank cells of the same width.
    std::string pad(gutter.size() - 2, ' ');
    pad += "| ";
    int col = 1;
    for (std::size_t i = 0; i < snippet.size() && col < column;) {
      unsigned char c = static_cast<unsigned char>(snippet[i]);
      int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
      if (c == '\t') {
        pad += '\t';
      } else {
        pad += len >= 3 ? "  " : " ";
      }
      i += len;
      ++col;
    }
    out += pad + "^\n";
  }
  return out;
}

std::string SnippetAt(const SourceFile& file, int line) { return std::string(file.Line(line)); }

}  // namespace kaohe
