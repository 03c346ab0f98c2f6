#include "src/extract/document.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "src/text/cell_value.h"

namespace kaohe {
namespace {

bool IsHanNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'!' || c == U'?' || c == U';' || c == U':' || c == U'！' ||
         c == U'？' || c == U'；' || c == U'：';
}

bool EndsSentenceMark(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?';
}

bool Contains(std::u32string_view text, std::u32string_view word) {
  return text.find(word) != std::u32string_view::npos;
}

// A value cell ("7 以上", "- 15", "持平"); a header such as "2023年目标" is not one.
bool IsNumericCell(std::u32string_view text) {
  std::string error;
  return !text.empty() && ParseCellValue(ToUtf8(text), error).has_value();
}

std::u32string Squeezed(const NormalizedLine& line) {
  if (line.text.find_first_of(U" \t") == std::u32string::npos) return line.text;
  std::u32string out;
  out.reserve(line.text.size());
  for (char32_t c : line.text) {
    if (c != U' ' && c != U'\t') out += c;
  }
  return out;
}

bool IsDigit4(std::u32string_view t, std::size_t k) {
  if (k + 4 > t.size()) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (t[k + i] < U'0' || t[k + i] > U'9') return false;
  }
  return true;
}

int Year4(std::u32string_view t, std::size_t k) {
  return static_cast<int>((t[k] - U'0') * 1000 + (t[k + 1] - U'0') * 100 + (t[k + 2] - U'0') * 10 +
                          (t[k + 3] - U'0'));
}

}  // namespace

std::optional<int> SingleYear(std::u32string_view text) {
  std::optional<int> found;
  for (std::size_t i = 0; i + 5 <= text.size(); ++i) {
    if (text[i + 4] != U'年' || !IsDigit4(text, i)) continue;
    if (i > 0 && text[i - 1] >= U'0' && text[i - 1] <= U'9') continue;
    int year = Year4(text, i);
    if (year < 1949 || year > 2100) continue;
    if (found && *found != year) return std::nullopt;
    found = year;
  }
  return found;
}

SectionCue ReadSectionCue(std::u32string_view heading) {
  SectionCue cue;
  // The first year named: "2023年…执行情况与2024年…计划" is about 2023's execution first.
  for (std::size_t i = 0; i + 5 <= heading.size(); ++i) {
    if (auto y = SingleYear(heading.substr(i, 5))) {
      cue.year = y;
      break;
    }
  }
  static constexpr std::u32string_view kActual[] = {U"执行情况", U"完成情况", U"回顾", U"成效",
                                                    U"取得",     U"成绩",     U"总结", U"进展"};
  static constexpr std::u32string_view kTarget[] = {U"计划", U"目标", U"预期", U"思路", U"重点",
                                                    U"任务", U"草案", U"安排", U"打算"};
  std::size_t actual_at = std::u32string_view::npos, target_at = std::u32string_view::npos;
  for (auto w : kActual) actual_at = std::min(actual_at, heading.find(w));
  for (auto w : kTarget) target_at = std::min(target_at, heading.find(w));
  // "计划执行情况" reports on a plan's execution: an execution cue anywhere wins.
  if (actual_at != std::u32string_view::npos) {
    cue.kind = FactKind::kActual;
  } else if (target_at != std::u32string_view::npos) {
    cue.kind = FactKind::kTarget;
  }
  return cue;
}

bool IsTopHeading(std::u32string_view t) {
  if (t.starts_with(U"附件")) return true;
  std::size_t i = 0;
  while (i < t.size() && IsHanNumeral(t[i])) ++i;
  if (i > 0 && i < t.size() && (t[i] == U'、' || t[i] == U'.')) return t.size() <= 60;
  return t.starts_with(U"第") && Contains(t.substr(0, 6), U"部分");
}

bool IsSubHeading(std::u32string_view t) {
  if (t.empty() || !(t[0] == U'(' || t[0] == U'（')) return false;
  std::size_t i = 1;
  while (i < t.size() && IsHanNumeral(t[i])) ++i;
  return i > 1 && i < t.size() && (t[i] == U')' || t[i] == U'）');
}

std::optional<SectionCue> ReadCueHeading(std::u32string_view t) {
  static constexpr std::u32string_view kBullets = U"■●◆▲★□○◇";
  const bool bullet = !t.empty() && kBullets.find(t[0]) != std::u32string_view::npos;
  if (bullet) t.remove_prefix(1);
  if (t.empty() || (!bullet && t.size() > 20) || t.size() > 40) return std::nullopt;
  auto year = SingleYear(t);
  if (!year) return std::nullopt;
  int digits = 0;
  for (char32_t c : t) {
    if (c >= U'0' && c <= U'9') ++digits;
    if (IsSentenceEnd(c) || c == U'，' || c == U',' || c == U'、' || c == U'%') return std::nullopt;
  }
  if (digits != 4) return std::nullopt;
  // Only the words that name a review or a plan as such: 重点 or 思路 alone also title
  // articles (2023年全市重点项目建设情况).
  static constexpr std::u32string_view kWords[] = {U"回顾",     U"成绩",     U"成效",    U"总结",
                                                   U"执行情况", U"完成情况", U"目标",    U"预期",
                                                   U"计划",     U"打算",     U"工作安排"};
  bool named = false;
  for (auto w : kWords) named |= Contains(t, w);
  if (!named) return std::nullopt;
  SectionCue cue = ReadSectionCue(t);
  if (!cue.kind) return std::nullopt;
  return cue;
}

std::optional<SectionCue> ReadTargetLead(std::u32string_view t) {
  // A lead-in ends in a colon, or is a short line of its own that ends in 目标 (建议全年经济社会
  // 发展预期目标, followed by ●… items).
  constexpr std::size_t kMaxTitleLead = 30;
  const bool colon = !t.empty() && (t.back() == U'：' || t.back() == U':');
  const bool title = t.size() <= kMaxTitleLead && t.ends_with(U"目标") &&
                     std::none_of(t.begin(), t.end(), [](char32_t c) {
                       return IsSentenceEnd(c) || c == U'，' || c == U',';
                     });
  if (!colon && !title) return std::nullopt;
  if (!Contains(t, U"目标") && !Contains(t, U"预期") && !Contains(t, U"计划")) return std::nullopt;
  if (Contains(t, U"执行情况") || Contains(t, U"完成情况") || Contains(t, U"预计"))
    return std::nullopt;
  SectionCue cue;
  cue.kind = FactKind::kTarget;
  cue.year = SingleYear(t);
  return cue;
}

SectionCue DocumentBuilder::Section() const {
  SectionCue cue = section_;
  for (const SectionCue* over : {&subsection_, &lead_}) {
    if (over->year) cue.year = over->year;
    if (over->kind) cue.kind = over->kind;
  }
  return cue;
}

DocumentBuilder::DocumentBuilder(std::string path) { doc_.path = std::move(path); }

std::optional<DocumentBuilder::Refusal> DocumentBuilder::Add(std::string raw) {
  DocumentLine line;
  line.number = ++line_count_;
  line.cell = !raw.empty() && raw[0] == '\t';
  line.text = NormalizeLine(raw);
  line.original = std::move(raw);
  doc_.lines.push_back(std::move(line));
  const DocumentLine& added = doc_.lines.back();
  std::u32string_view text = added.text.text;
  // Year ranges anywhere: 2023—2025年, 2023-2025年.
  for (std::size_t k = 0; k + 9 < text.size(); ++k) {
    if (!IsDigit4(text, k) || (k > 0 && text[k - 1] >= U'0' && text[k - 1] <= U'9')) continue;
    char32_t dash = text[k + 4];
    if (dash != U'—' && dash != U'-' && dash != U'–' && dash != U'~' && dash != U'至') continue;
    std::size_t next = k + 5;
    while (next < text.size() && text[next] == U'—') ++next;
    if (next + 5 > text.size() || !IsDigit4(text, next) || text[next + 4] != U'年') continue;
    int from = Year4(text, k), to = Year4(text, next);
    if (from >= 1949 && to > from && to <= 2100) doc_.plan_ranges.emplace_back(from, to);
  }
  Process(added, Squeezed(added.text));
  if (in_table_ && row_code_points_ > kMaxUnbrokenCodePoints) {
    return Refusal{row_.cells.front().line,
                   fmt::format("a table row of more than {} characters with no blank line",
                               kMaxUnbrokenCodePoints)};
  }
  return SplitLongParagraph();
}

void DocumentBuilder::Process(const DocumentLine& line, std::u32string squeezed) {
  if (in_table_) {
    // A flattened table: tab lines, their continuation lines, blank lines between rows. Two
    // blank lines, or a blank line before running text, end it.
    if (line.cell) {
      row_code_points_ += squeezed.size();
      row_.cells.push_back({squeezed, line.number, line.number});
      return;
    }
    if (squeezed.empty()) {
      PushRow();
      return;
    }
    if (!row_.cells.empty() && squeezed.size() <= 16 &&
        row_.cells.back().text.size() + squeezed.size() <= kMaxJoinedCell &&
        !IsNumericCell(row_.cells.back().text)) {
      row_code_points_ += squeezed.size();
      row_.cells.back().text += squeezed;  // a header or label broken over two lines
      row_.cells.back().last_line = line.number;
      return;
    }
    EndTable();  // and the line is read as running text
  }
  if (line.cell) {
    Flush();
    in_table_ = true;
    table_ = Table{};
    table_.title = recent_text_;
    table_.section = Section();
    header_rows_.reset();
    table_code_points_ = 0;
    row_ = TableRow{};
    row_code_points_ = squeezed.size();
    row_.cells.push_back({squeezed, line.number, line.number});
    return;
  }
  if (squeezed.empty()) {
    Flush();
    return;
  }
  if (IsTopHeading(squeezed)) {
    Flush();
    SectionCue cue = ReadSectionCue(squeezed);
    if (cue.year) section_.year = cue.year;
    if (cue.kind) section_.kind = cue.kind;
    subsection_ = lead_ = SectionCue{};
    preliminary_ = false;
    Append(line);
    Flush();
    recent_text_ = std::move(squeezed);
    return;
  }
  if (IsSubHeading(squeezed)) {
    Flush();
    preliminary_ = false;
    subsection_ = lead_ = SectionCue{};
    // （二）2025年主要预期目标。…: the heading is the text before its first sentence end.
    std::u32string_view heading = squeezed;
    for (std::size_t i = 0; i < heading.size(); ++i) {
      if (IsSentenceEnd(heading[i])) {
        heading = heading.substr(0, i);
        break;
      }
    }
    if (SingleYear(heading)) subsection_ = ReadSectionCue(heading);
  } else if (auto cue = ReadCueHeading(squeezed)) {
    Flush();
    section_ = *cue;
    subsection_ = lead_ = SectionCue{};
    preliminary_ = false;
    Append(line);
    Flush();
    recent_text_ = std::move(squeezed);
    return;
  }
  if (auto lead = ReadTargetLead(squeezed)) {
    Flush();
    Append(line);
    Flush();
    lead_ = *lead;
    recent_text_ = std::move(squeezed);
    return;
  }
  // A lead-in that announces estimates: 主要经济指标预计完成情况如下：
  if ((Contains(squeezed, U"预计") || Contains(squeezed, U"初步")) &&
      (squeezed.back() == U':' || squeezed.back() == U'：')) {
    Flush();
    Append(line);
    Flush();
    preliminary_ = true;
    recent_text_ = std::move(squeezed);
    return;
  }
  // Join a line to the paragraph before it unless that one ended a sentence, or this one
  // starts a list item.
  bool starts_item = squeezed.starts_with(U"——") || squeezed.starts_with(U"—") ||
                     squeezed.starts_with(U"●") || squeezed.starts_with(U"■") ||
                     squeezed.starts_with(U"◆");
  if (!current_.text.empty() && (IsSentenceEnd(current_.text.back()) || starts_item)) Flush();
  Append(line);
  recent_text_ = std::move(squeezed);
}

void DocumentBuilder::Append(const DocumentLine& line) {
  if (current_.text.empty()) {
    current_.section = Section();
    current_.preliminary = preliminary_;
  }
  const NormalizedLine& n = line.text;
  current_.text += n.text;
  current_.line_of.insert(current_.line_of.end(), n.text.size(), line.number);
  current_.column_of.insert(current_.column_of.end(), n.original.begin(),
                            n.original.begin() + static_cast<std::ptrdiff_t>(n.text.size()));
}

void DocumentBuilder::Flush() {
  if (!current_.text.empty()) {
    // A list of targets ends with the sentence that ends it.
    if (EndsSentenceMark(current_.text.back())) lead_ = SectionCue{};
    completed_ += current_.text.size();
    doc_.paragraphs.push_back(std::move(current_));
  }
  current_ = Paragraph{};
}

// A row with a value past its label: the first one ends the table's header rows.
bool IsDataRow(const TableRow& row) {
  for (std::size_t i = 1; i < row.cells.size(); ++i) {
    if (IsNumericCell(row.cells[i].text)) return true;
  }
  return false;
}

void DocumentBuilder::PushRow() {
  if (row_.cells.empty()) return;
  const bool data = IsDataRow(row_);
  if (!header_rows_ && data) {
    header_rows_ = table_.rows.size();
    data_width_ = row_.cells.size();
  }
  if (!header_rows_ && table_code_points_ > kMaxUnbrokenCodePoints) {
    // No figure in a megabyte of rows: not a table of figures, and not held any longer.
    completed_ += table_code_points_;
    table_code_points_ = 0;
    Table title_only;
    title_only.title = table_.title;
    title_only.section = table_.section;
    doc_.tables.push_back(std::exchange(table_, std::move(title_only)));
  }
  // A long table is handed over in pieces, each cut before a data row as wide as the first and
  // given the header rows again, so each piece reads as the whole table would.
  if (header_rows_ && data && table_code_points_ > kSplitCodePoints &&
      row_.cells.size() == data_width_) {
    Table piece = std::move(table_);
    table_ = Table{};
    table_.title = piece.title;
    table_.section = piece.section;
    table_.rows.assign(piece.rows.begin(),
                       piece.rows.begin() + static_cast<std::ptrdiff_t>(*header_rows_));
    completed_ += table_code_points_;
    table_code_points_ = 0;
    doc_.tables.push_back(std::move(piece));
  }
  table_code_points_ += row_code_points_;
  table_.rows.push_back(std::move(row_));
  row_ = TableRow{};
  row_code_points_ = 0;
}

void DocumentBuilder::EndTable() {
  PushRow();
  completed_ += table_code_points_;
  if (!table_.rows.empty()) doc_.tables.push_back(std::move(table_));
  table_ = Table{};
  table_code_points_ = 0;
  in_table_ = false;
  recent_text_.clear();
}

namespace {

bool EndsSentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?';
}
bool EndsClause(char32_t c) { return c == U'；' || c == U';'; }

// Where to cut text[from, …) into a paragraph of its own: after the last mark that `ends`
// within kSplitCodePoints, else after the first one within kMaxUnbrokenCodePoints; 0 for none.
template <typename Ends>
std::size_t CutAfter(const Paragraph& p, std::size_t from, Ends ends) {
  const std::size_t split = std::min(p.text.size(), from + DocumentBuilder::kSplitCodePoints);
  for (std::size_t i = split; i > from + 1; --i) {
    if (ends(p, i - 1)) return i;
  }
  const std::size_t last = std::min(p.text.size(), from + DocumentBuilder::kMaxUnbrokenCodePoints);
  for (std::size_t i = split; i < last; ++i) {
    if (ends(p, i)) return i + 1;
  }
  return 0;
}

}  // namespace

std::optional<DocumentBuilder::Refusal> DocumentBuilder::SplitLongParagraph() {
  std::size_t from = 0;
  while (current_.text.size() - from > kSplitCodePoints) {
    // A cut after a sentence end changes nothing: sentences are read one by one. A cut after
    // a ； or between lines is the price of a bounded paragraph.
    std::size_t cut = CutAfter(
        current_, from, [](const Paragraph& p, std::size_t i) { return EndsSentence(p.text[i]); });
    if (!cut) {
      cut = CutAfter(current_, from, [](const Paragraph& p, std::size_t i) {
        return EndsClause(p.text[i]) || (i + 1 < p.text.size() && p.line_of[i + 1] != p.line_of[i]);
      });
    }
    if (!cut) {
      if (current_.text.size() - from <= kMaxUnbrokenCodePoints) break;
      return Refusal{current_.line_of[from],
                     fmt::format("more than {} characters with no sentence end (。！？；) or "
                                 "line break: the text cannot be read in bounded pieces",
                                 kMaxUnbrokenCodePoints)};
    }
    EmitPiece(from, cut);
    from = cut;
  }
  if (from > 0) {
    current_.text.erase(0, from);
    current_.line_of.erase(current_.line_of.begin(),
                           current_.line_of.begin() + static_cast<std::ptrdiff_t>(from));
    current_.column_of.erase(current_.column_of.begin(),
                             current_.column_of.begin() + static_cast<std::ptrdiff_t>(from));
  }
  return std::nullopt;
}

void DocumentBuilder::EmitPiece(std::size_t begin, std::size_t end) {
  Paragraph piece;
  piece.section = current_.section;
  piece.preliminary = current_.preliminary;
  piece.text = current_.text.substr(begin, end - begin);
  piece.line_of.assign(current_.line_of.begin() + static_cast<std::ptrdiff_t>(begin),
                       current_.line_of.begin() + static_cast<std::ptrdiff_t>(end));
  piece.column_of.assign(current_.column_of.begin() + static_cast<std::ptrdiff_t>(begin),
                         current_.column_of.begin() + static_cast<std::ptrdiff_t>(end));
  completed_ += piece.text.size();
  doc_.paragraphs.push_back(std::move(piece));
}

void DocumentBuilder::Finish() {
  if (in_table_) EndTable();
  Flush();
}

Document DocumentBuilder::Take() {
  // The first line the open paragraph or table cites: it and the lines after it stay.
  int keep_from = line_count_ + 1;
  if (!current_.line_of.empty()) keep_from = current_.line_of.front();
  if (in_table_) {
    // Header rows are never quoted: only the rows from the first data row on cite lines.
    for (std::size_t r = header_rows_.value_or(0); r < table_.rows.size(); ++r) {
      if (!table_.rows[r].cells.empty()) {
        keep_from = std::min(keep_from, table_.rows[r].cells.front().line);
        break;
      }
    }
    if (!row_.cells.empty()) keep_from = std::min(keep_from, row_.cells.front().line);
  }
  Document taken = std::move(doc_);
  doc_ = Document{};
  doc_.path = taken.path;
  doc_.first_line = std::max(keep_from, taken.first_line);
  for (int n = doc_.first_line; taken.HasLine(n); ++n) doc_.lines.push_back(taken.Line(n));
  completed_ = 0;
  return taken;
}

std::string ParagraphOriginal(const Paragraph& p, std::size_t begin, std::size_t end,
                              const std::function<std::u32string_view(int)>& line) {
  std::string out;
  std::size_t i = begin;
  while (i < end) {
    const int number = p.line_of[i];
    std::size_t j = i;
    while (j < end && p.line_of[j] == number) ++j;
    std::u32string_view text = line(number);
    const int from = p.column_of[i];
    const int to = std::min<int>(p.column_of[j - 1] + 1, static_cast<int>(text.size()));
    if (from < to) out += ToUtf8(text.substr(from, to - from));
    i = j;
  }
  return out;
}

Document BuildDocument(std::string path, std::vector<std::string> raw_lines) {
  DocumentBuilder builder(std::move(path));
  for (std::string& line : raw_lines) builder.Add(std::move(line));
  builder.Finish();
  return builder.Take();
}

}  // namespace kaohe
