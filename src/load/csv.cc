#include "src/load/csv.h"

namespace kaohe {

bool ParseCsv(std::string_view text, std::vector<CsvRecord>& records, CsvError& error) {
  int line = 1, column = 1;
  std::size_t i = 0;
  auto advance = [&](std::size_t n) {
    for (std::size_t k = 0; k < n && i < text.size(); ++k, ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
  };
  while (i < text.size()) {
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      advance(text[i] == '\r' ? 2 : 1);  // blank line
      continue;
    }
    CsvRecord record;
    while (true) {
      CsvField field;
      field.line = line;
      field.column = column;
      if (i < text.size() && text[i] == '"') {
        advance(1);
        while (true) {
          if (i >= text.size()) {
            error = {field.line, field.column, "unterminated quoted field"};
            return false;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.text += '"';
              advance(2);
              continue;
            }
            advance(1);
            break;
          }
          field.text += text[i];
          advance(1);
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          error = {line, column, "unexpected text after a closing quote"};
          return false;
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') {
            error = {line, column, "a quote inside an unquoted field (quote the whole field)"};
            return false;
          }
          field.text += text[i];
          advance(1);
        }
      }
      record.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        advance(1);
        continue;
      }
      if (i < text.size() && text[i] == '\r') advance(1);
      if (i < text.size() && text[i] == '\n') advance(1);
      break;
    }
    records.push_back(std::move(record));
  }
  return true;
}

}  // namespace kaohe
