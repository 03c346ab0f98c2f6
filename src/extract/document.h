// A document as the extractor sees it: its lines, original and normalised, sorted into
// headings, flattened tables and running text, with the running text joined into paragraphs
// across the line breaks PDF conversion leaves inside sentences.
#pragma once

#include <cstddef>
#include <functional>
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

// The lines, paragraphs and tables of a document, or of the stretch of it a DocumentBuilder
// hands over: lines holds numbers [first_line, first_line + lines.size()).
struct Document {
  std::string path;
  int first_line = 1;
  std::vector<DocumentLine> lines;
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
  std::vector<std::pair<int, int>> plan_ranges;  // year ranges named in the text: 2023—2025年

  const DocumentLine& Line(int number) const {
    return lines[static_cast<std::size_t>(number - first_line)];
  }
  bool HasLine(int number) const {
    return number >= first_line && number < first_line + static_cast<int>(lines.size());
  }
};

// Sorts decoded lines, one at a time, into headings, tables and paragraphs. What is complete
// can be taken at any time, so a document of any length is read in stretches of bounded size.
// A paragraph longer than kSplitCodePoints is cut after a sentence end (。！？), else after a
// ；, else between its lines, so no stretch of text is held whole; a line with none of these in
// kMaxUnbrokenCodePoints is refused (error X003), as is a table row that long. A table longer
// than kSplitCodePoints is handed over in pieces, each with the header rows.
class DocumentBuilder {
 public:
  static constexpr std::size_t kSplitCodePoints = 1 << 16;
  static constexpr std::size_t kMaxUnbrokenCodePoints = 1 << 20;
  // A table cell's label joined from short continuation lines stops growing here.
  static constexpr std::size_t kMaxJoinedCell = 256;

  explicit DocumentBuilder(std::string path);
  struct Refusal {
    int line = 0;  // where the stretch that cannot be cut starts
    std::string message;
  };
  // Adds the next line; a Refusal for a stretch of text that cannot be cut.
  std::optional<Refusal> Add(std::string line);
  // Ends the open table or paragraph: the last line was added.
  void Finish();
  // Code points of the paragraphs and tables completed since the last Take.
  std::size_t completed_code_points() const { return completed_; }
  // The paragraphs, tables and plan ranges completed since the last Take, with every line they
  // cite; lines the open paragraph or table still cites are kept for the next.
  Document Take();

 private:
  void Process(const DocumentLine& line, std::u32string squeezed);
  void Append(const DocumentLine& line);
  void Flush();
  void PushRow();
  void EndTable();
  std::optional<Refusal> SplitLongParagraph();
  void EmitPiece(std::size_t begin, std::size_t end);

  Document doc_;
  int line_count_ = 0;
  SectionCue section_;
  // A second-level heading that names a year: （二）2025年主要预期目标. Until the next heading.
  SectionCue subsection_;
  // A lead-in that announces targets: 主要预期目标是： Until a paragraph ends a sentence (。).
  SectionCue lead_;
  bool preliminary_ = false;
  // The section a paragraph or table starting now stands in.
  SectionCue Section() const;
  Paragraph current_;
  std::u32string recent_text_;  // the running text before a table, for its title
  bool in_table_ = false;
  Table table_;
  std::size_t table_code_points_ = 0;       // of table_'s rows
  std::optional<std::size_t> header_rows_;  // once a data row is seen: the rows before it
  std::size_t data_width_ = 0;              // cells of the first data row
  TableRow row_;
  std::size_t row_code_points_ = 0;
  std::size_t completed_ = 0;
};

// The original text of paragraph code points [begin, end), across the lines they came from;
// `line(number)` gives a line's original text in code points (callers cache the decoding).
// A line `line` returns empty contributes nothing.
std::string ParagraphOriginal(const Paragraph& p, std::size_t begin, std::size_t end,
                              const std::function<std::u32string_view(int)>& line);

// Reads headings, tables and paragraphs from decoded lines, all at once.
Document BuildDocument(std::string path, std::vector<std::string> lines);

// The year of a heading or header text ("2023年…"), when it names exactly one.
std::optional<int> SingleYear(std::u32string_view text);

// Reads a heading for its year and kind: 执行情况/回顾/成效 → actual; 计划/目标/思路/重点 → target.
SectionCue ReadSectionCue(std::u32string_view heading);

// True for a top-level heading: 一、…, 第一部分, 附件.
bool IsTopHeading(std::u32string_view text);
// True for a second-level heading: （一）…
bool IsSubHeading(std::u32string_view text);

// A line that is a heading by its words, not its numbering: ■2024年成绩单, 2013年政府工作回顾,
// ●2025年主要预期目标 — short (or after a bullet mark), naming one year and no other number,
// with no sentence or clause mark, and read by ReadSectionCue as a review or a plan.
std::optional<SectionCue> ReadCueHeading(std::u32string_view text);

// A lead-in that announces a list of targets: 主要预期目标是：, 2024年发展目标：
std::optional<SectionCue> ReadTargetLead(std::u32string_view text);

}  // namespace kaohe
