#include "engine/diagnostic.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "engine/line_safe.h"

namespace kaohe {

TEST_CASE("a diagnostic renders with position, code and a caret under the column") {
  Diagnostic d{DiagnosticSeverity::kError,
               "R004",
               {"rules/a.yaml", 12, 4},
               "unknown indicator '规上企业'",
               "ab规上企业"};
  std::string text = RenderDiagnostic(d);
  CHECK(text.find("rules/a.yaml:12:4: error[R004]: unknown indicator '规上企业'\n") == 0);
  CHECK(text.find("   12 | ab规上企业\n") != std::string::npos);
  // Columns 1-2 are ASCII (one cell each) and column 3 is wide (two cells): the caret under
  // column 4 stands after 1 + 1 + 2 cells.
  CHECK(text.find("      |     ^\n") != std::string::npos);
}

TEST_CASE("diagnostics sort by file, line and column and drop duplicates") {
  Diagnostics all;
  all.Error("B", {"b.yaml", 1, 1}, "second file");
  all.Error("A", {"a.yaml", 9, 1}, "later line");
  all.Error("A", {"a.yaml", 2, 5}, "earlier line");
  all.Error("A", {"a.yaml", 2, 5}, "earlier line");
  all.Warning("W", {"a.yaml", 3, 1}, "a warning");
  all.Sort();
  REQUIRE(all.all().size() == 4);
  CHECK(all.all()[0].message == "earlier line");
  CHECK(all.all()[1].message == "a warning");
  CHECK(all.all()[2].message == "later line");
  CHECK(all.all()[3].message == "second file");
  CHECK(all.error_count() == 3);
  CHECK(all.warning_count() == 1);
}

TEST_CASE("a diagnostic keeps input text on its line: file, message and snippet escaped") {
  Diagnostic d{DiagnosticSeverity::kWarning,
               "F010",
               {"x\n::error file=a::forged.jsonl", 3, 3},
               "entity 'x\n::stop-commands::pwned\r::notice::ok\x1b]0;t\x07' is not known",
               "a\tb\x1b[2Kc"};
  const std::string text = RenderDiagnostic(d);
  CHECK(text.find("x\\n::error file=a::forged.jsonl:3:3: warning[F010]: entity "
                  "'x\\n::stop-commands::pwned\\r::notice::ok\\x1b]0;t\\x07' is not known\n") == 0);
  CHECK(text.find("    3 | a\\tb\\x1b[2Kc\n") != std::string::npos);
  // Column 3 is 'b': the caret stands after 'a' (one cell) and "\t" (two cells).
  CHECK(text.find("      |    ^\n") != std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("a file name that starts with a workflow command does not start the line") {
  Diagnostic d{DiagnosticSeverity::kError, "F003", {"::error::x.jsonl", 1, 1}, "bad", ""};
  CHECK(RenderDiagnostic(d).find("\\x3a:error::x.jsonl:1:1: error[F003]: bad\n") == 0);
}

TEST_CASE("an echoed name of megabytes is cut in the message's middle") {
  const std::string name(8'000'000, 'x');
  Diagnostic d{DiagnosticSeverity::kWarning,
               "F010",
               {"f.jsonl", 1, 1},
               "entity '" + name + "' is not in the dictionary",
               ""};
  const std::string text = RenderDiagnostic(d);
  CHECK(text.size() < 1000);
  CHECK(text.find("entity 'xxx") != std::string::npos);
  CHECK(text.find("…(" + std::to_string(d.message.size()) + " bytes)…") != std::string::npos);
  CHECK(text.find("xxx' is not in the dictionary\n") != std::string::npos);
}

TEST_CASE("LineSafe shows every control, separator, bidi control and stray byte as an escape") {
  CHECK(LineSafe("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(LineSafe(std::string("\0\x1b\x7f", 3)) == "\\x00\\x1b\\x7f");
  CHECK(LineSafe("\u0085\u009b") == "\\u0085\\u009b");  // C1: NEL, CSI
  CHECK(LineSafe("\u2028\u2029") == "\\u2028\\u2029");
  CHECK(LineSafe("\u202a\u202e\u2066\u2069\u200e\u200f\u061c") ==
        "\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c");
  CHECK(LineSafe("\x9b\xc0\xaf\xed\xa0\x80") == "\\x9b\\xc0\\xaf\\xed\\xa0\\x80");
  CHECK(LineSafe("杜集区 \u00a0 ok: 5%") == "杜集区 \u00a0 ok: 5%");
  CHECK(LineSafe("\xe6\x9d") == "\\xe6\\x9d");  // a sequence cut short
}

TEST_CASE("at a line's start, ':' and white space are escaped as well") {
  CHECK(LineSafe("::error::x", LinePosition::kStart) == "\\x3a:error::x");
  CHECK(LineSafe(" ::x", LinePosition::kStart) == "\\x20::x");
  CHECK(LineSafe("\u3000::x", LinePosition::kStart) == "\\u3000::x");
  CHECK(LineSafe("杜集区", LinePosition::kStart) == "杜集区");
  CHECK(LineSafe("::x") == "::x");
}

TEST_CASE("Shorten keeps short texts and cuts long ones at code points") {
  CHECK(Shorten("杜集区", 3) == "杜集区");
  CHECK(Shorten("一二三四五六", 4) == "一二…(18 bytes)…五六");
}

}  // namespace kaohe
