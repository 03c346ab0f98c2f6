#include "engine/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "engine/line_safe.h"

namespace kaohe {

// Longest stretch of a source line shown under a diagnostic, in code points.
constexpr int kMaxSnippetCodePoints = 160;
// Longest message and file name shown, in code points: a longer one is cut in its middle, so
// that a name of megabytes echoed in a message puts a few hundred bytes on stderr.
constexpr int kMaxMessageCodePoints = 400;
constexpr int kMaxEchoedCodePoints = 240;

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

namespace {

// Bytes of the UTF-8 sequence led by text[i] (1 for a stray byte), never past the text's end.
std::size_t Utf8Length(std::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  const std::size_t len = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(len, text.size() - i);
}

// A snippet line at most kMaxSnippetCodePoints long, as a window around `column`; `column`
// becomes the column in the window.
std::string SnippetWindow(std::string_view line, int& column) {
  const int total = CodePointCount(line);
  if (total <= kMaxSnippetCodePoints) return std::string(line);
  int first = std::max(1, column - kMaxSnippetCodePoints / 2);
  int last = std::min(total, first + kMaxSnippetCodePoints - 1);
  std::string window = first > 1 ? "…" : "";
  int cp = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = Utf8Length(line, i);
    ++cp;
    if (cp >= first && cp <= last) window += line.substr(i, len);
    i += len;
  }
  if (last < total) window += "…";
  column = column - first + 1 + (first > 1 ? 1 : 0);
  return window;
}

// The snippet line, escaped, and a line with a caret under `column`. Wide (CJK) characters
// take two terminal cells and an escape as many as its text, so the caret is placed by
// reproducing the prefix with each character replaced by blank cells of the same width.
void AppendSnippet(std::string& out, int line_number, std::string_view line, int column) {
  const std::string window = SnippetWindow(line, column);
  const std::string gutter = fmt::format("{:>5} | ", line_number);
  std::string shown, pad(gutter.size() - 2, ' ');
  pad += "| ";
  int col = 1;
  for (std::size_t i = 0; i < window.size(); ++col) {
    const std::size_t len = Utf8Length(window, i);
    const std::size_t before = shown.size();
    AppendLineSafe(shown, std::string_view(window).substr(i, len));
    if (col < column) {
      const bool escaped = shown.size() - before != len;
      pad.append(escaped ? shown.size() - before : len >= 3 ? 2 : 1, ' ');
    }
    i += len;
  }
  out += gutter + shown + "\n" + pad + "^\n";
}

}  // namespace

std::string RenderDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.location.file.empty()) {
    AppendLineSafe(out, Shorten(d.location.file.str(), kMaxEchoedCodePoints), LinePosition::kStart);
    if (d.location.line > 0) out += fmt::format(":{}", d.location.line);
    if (d.location.column > 0) out += fmt::format(":{}", d.location.column);
    out += ": ";
  }
  out += fmt::format("{}[{}]: ", DiagnosticSeverityName(d.severity), d.code);
  AppendLineSafe(out, Shorten(d.message, kMaxMessageCodePoints));
  out += '\n';
  if (!d.snippet.empty() && d.location.line > 0) {
    AppendSnippet(out, d.location.line, d.snippet, d.location.column);
  }
  return out;
}

std::string SnippetAt(const SourceFile& file, int line) { return std::string(file.Line(line)); }

}  // namespace kaohe
