// RFC 4180 CSV with positions: quoted fields, doubled quotes, CRLF or LF line ends, fields
// that span lines inside quotes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

struct CsvField {
  std::string text;
  int line = 0;    // 1-based line where the field starts
  int column = 0;  // 1-based, in code points
};

using CsvRecord = std::vector<CsvField>;

struct CsvError {
  int line = 0;
  int column = 0;
  std::string message;
};

// Parses the whole text; stops at the first error and returns it. Blank lines are skipped.
bool ParseCsv(std::string_view text, std::vector<CsvRecord>& records, CsvError& error);

}  // namespace kaohe
