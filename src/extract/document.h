// A document as the extractor sees it: its lines, original and normalised, sorted into
// headings, flattened tables and running text, with the running text joined into paragraphs
// across the line breaks PDF conversion leaves inside sentences.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/fact.h"
#include "src/text/normalize.h"

namespace kaohe {

struct DocumentLine {
  int number = 0;        // 1-based
  std::string original;  // as decoded
  NormalizedLine text;   // normalised
  bool cell = false;     // a table cell: the line starts with a tab
};

// A top-level heading's reading: 一、2023年…执行情况 → 2023, actual.
struct SectionCue {
  std::optional<int> year;
  std::optional<FactKind> kind;
};

// A stretch of running text, joined from one or more lines.
struct Paragraph {
  std::u32string text;
  // For each code point of text: the line it came from and its column (code points) in that
  // line's original text.
  std::vector<int> line_of;
  std::vector<int> column_of;
  SectionCue section;        // the section it stands in
  bool preliminary = false;  // under a lead-in such as 主要经济指标预计完成情况如下：
};

// One cell of a flattened table: a tab line and its continuation lines.
struct TableCell {
  std::u32string text;  // normalised, white space removed
  int line = 0;         // its first line
  int last_line = 0;
};

struct TableRow {
  std::vector<TableCell> cells;
};

struct Table {
  std::vector<TableRow> rows;  // header rows first
  std::u32string title;        // the running text just before it
  SectionCue section;
};

struct Document {
  std::string path;
  std::vector<DocumentLine> lines;
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
  std::vector<std::pair<int, int>> plan_ranges;  // year ranges named in the text: 2023—2025年
};

// Reads headings, tables and paragraphs from decoded lines.
Document BuildDocument(std::string path, std::vector<std::string> lines);

// The year of a heading or header text ("2023年…"), when it names exactly one.
std::optional<int> SingleYear(std::u32string_view text);

// Reads a heading for its year and kind: 执行情况/回顾/成效 → actual; 计划/目标/思路/重点 → target.
SectionCue ReadSectionCue(std::u32string_view heading);

// True for a top-level heading: 一、…, 第一部分, 附件.
bool IsTopHeading(std::u32string_view text);
// True for a second-level heading: （一）…
bool IsSubHeading(std::u32string_view text);

}  // namespace kaohe
