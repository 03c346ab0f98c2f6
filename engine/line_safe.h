// Text from input data written to a line-oriented sink: a terminal, a CI log, stderr. Every input
// is untrusted, so such text must not start a line, move the cursor, set a terminal title, turn
// text around (bidi overrides) or make a line a GitHub workflow command. These functions show
// every such character visibly instead, as an escape: `\n`, `\r`, `\t`, `\x1b`, `\u202e`.
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

// Where the text stands in its line. At a line's start, a leading ':' or white space is escaped
// too (`\x3a`, `\x20`, `\u3000`): the runner trims white space and reads a line that then starts
// with "::" as a workflow command.
enum class LinePosition { kInside, kStart };

// Escaped: C0 controls (TAB, LF and CR included), DEL, C1 controls (U+0080-U+009F), the line
// and paragraph separators U+2028/U+2029, the bidi controls U+061C, U+200E/U+200F,
// U+202A-U+202E and U+2066-U+2069, and each byte that is not part of valid UTF-8 (`\xff`).
// Anything else is copied as it is.
void AppendLineSafe(std::string& out, std::string_view text,
                    LinePosition position = LinePosition::kInside);
std::string LineSafe(std::string_view text, LinePosition position = LinePosition::kInside);
// Whether LineSafe(text) is text itself (inside a line).
bool IsLineSafe(std::string_view text);

// The text itself when it has at most `max_code_points`; otherwise its first and last
// max_code_points / 2 code points around "…(N bytes)…", N the whole text's size. Not escaped:
// shorten, then make it LineSafe.
std::string Shorten(std::string_view text, int max_code_points);

}  // namespace kaohe
