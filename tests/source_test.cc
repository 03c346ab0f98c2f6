#include "engine/source.h"

#include <doctest/doctest.h>

namespace kaohe {

TEST_CASE("SourceFile indexes lines and counts columns in code points") {
  SourceFile file("a.txt", "ab\n中文x\r\nlast");
  CHECK(file.line_count() == 3);
  CHECK(file.Line(1) == "ab");
  CHECK(file.Line(2) == "中文x");  // CR stripped
  CHECK(file.Line(3) == "last");
  CHECK(file.Line(0).empty());
  CHECK(file.Line(4).empty());

  SourceLocation x = file.Locate(3 + 6);  // the 'x' after two 3-byte characters
  CHECK(x.line == 2);
  CHECK(x.column == 3);
  CHECK(x.file == "a.txt");

  // yaml-cpp reports 0-based lines and byte columns.
  SourceLocation y = file.LocateZeroBased(1, 6);
  CHECK(y.line == 2);
  CHECK(y.column == 3);
}

TEST_CASE("SourceFile ends lines at a lone CR too, and maps yaml-cpp's LF-counted marks") {
  SourceFile file("cr.yaml", "a: 1\rb: 中x\r\nc: 3\rd");
  CHECK(file.line_count() == 4);
  CHECK(file.Line(1) == "a: 1");
  CHECK(file.Line(2) == "b: 中x");  // CRLF is one line end
  CHECK(file.Line(3) == "c: 3");
  CHECK(file.Line(4) == "d");
  SourceLocation x = file.Locate(5 + 6);  // the 'x' on line 2
  CHECK(x.line == 2);
  CHECK(x.column == 5);
  // yaml-cpp sees "a: 1\rb: 中x\r" as its line 0: byte 11 is that 'x'.
  SourceLocation y = file.LocateZeroBased(0, 11);
  CHECK(y.line == 2);
  CHECK(y.column == 5);
  // Its line 1 starts after the LF: "c: 3\rd", byte 5 is 'd'.
  SourceLocation d = file.LocateZeroBased(1, 5);
  CHECK(d.line == 4);
  CHECK(d.column == 1);
}

TEST_CASE("CodePointCount counts characters, not bytes") {
  CHECK(CodePointCount("") == 0);
  CHECK(CodePointCount("abc") == 3);
  CHECK(CodePointCount("规上工业") == 4);
}

}  // namespace kaohe
