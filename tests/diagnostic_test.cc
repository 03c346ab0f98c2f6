#include "engine/diagnostic.h"

#include <doctest/doctest.h>

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

}  // namespace kaohe
