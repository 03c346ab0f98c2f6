#include "src/extract/document.h"

#include <algorithm>

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

Document BuildDocument(std::string path, std::vector<std::string> raw_lines) {
  Document doc;
  doc.path = std::move(path);
  doc.lines.reserve(raw_lines.size());
  for (std::size_t i = 0; i < raw_lines.size(); ++i) {
    DocumentLine line;
    line.number = static_cast<int>(i) + 1;
    line.cell = !raw_lines[i].empty() && raw_lines[i][0] == '\t';
    line.text = NormalizeLine(raw_lines[i]);
    line.original = std::move(raw_lines[i]);
    doc.lines.push_back(std::move(line));
  }

  SectionCue section;
  bool preliminary = false;
  Paragraph current;
  std::u32string recent_text;  // the running text before a table, for its title
  auto flush = [&] {
    if (!current.text.empty()) doc.paragraphs.push_back(std::move(current));
    current = Paragraph{};
  };
  auto append = [&](const DocumentLine& line) {
    if (current.text.empty()) {
      current.section = section;
      current.preliminary = preliminary;
    }
    const NormalizedLine& n = line.text;
    current.text.reserve(current.text.size() + n.text.size());
    current.line_of.reserve(current.line_of.size() + n.text.size());
    current.column_of.reserve(current.column_of.size() + n.text.size());
    for (std::size_t k = 0; k < n.text.size(); ++k) {
      current.text += n.text[k];
      current.line_of.push_back(line.number);
      current.column_of.push_back(n.original[k]);
    }
  };

  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    const DocumentLine& line = doc.lines[i];
    std::u32string_view text = line.text.text;
    // Year ranges anywhere: 2023—2025年, 2023-2025年.
    for (std::size_t k = 0; k + 9 < text.size(); ++k) {
      if (!IsDigit4(text, k) || (k > 0 && text[k - 1] >= U'0' && text[k - 1] <= U'9')) continue;
      char32_t dash = text[k + 4];
      if (dash != U'—' && dash != U'-' && dash != U'–' && dash != U'~' && dash != U'至') continue;
      std::size_t next = k + 5;
      while (next < text.size() && text[next] == U'—') ++next;
      if (next + 5 > text.size() || !IsDigit4(text, next) || text[next + 4] != U'年') continue;
      int from = Year4(text, k), to = Year4(text, next);
      if (from >= 1949 && to > from && to <= 2100) doc.plan_ranges.emplace_back(from, to);
    }
    if (line.cell) {
      // A flattened table: tab lines, their continuation lines, blank lines between rows.
      flush();
      Table table;
      table.title = recent_text;
      table.section = section;
      TableRow row;
      std::size_t j = i;
      for (; j < doc.lines.size(); ++j) {
        const DocumentLine& l = doc.lines[j];
        std::u32string squeezed = Squeezed(l.text);
        if (l.cell) {
          row.cells.push_back({squeezed, l.number, l.number});
        } else if (squeezed.empty()) {
          if (!row.cells.empty()) table.rows.push_back(std::move(row));
          row = TableRow{};
          // Two blank lines, or a blank line before running text, end the table.
          std::size_t k = j + 1;
          while (k < doc.lines.size() && Squeezed(doc.lines[k].text).empty()) ++k;
          if (k >= doc.lines.size() || !doc.lines[k].cell) break;
        } else if (!row.cells.empty() && !IsNumericCell(row.cells.back().text) &&
                   squeezed.size() <= 16) {
          row.cells.back().text += squeezed;  // a header or label broken over two lines
          row.cells.back().last_line = l.number;
        } else {
          break;
        }
      }
      if (!row.cells.empty()) table.rows.push_back(std::move(row));
      if (!table.rows.empty()) doc.tables.push_back(std::move(table));
      i = j < doc.lines.size() && !doc.lines[j].cell && !Squeezed(doc.lines[j].text).empty() ? j - 1
                                                                                             : j;
      recent_text.clear();
      continue;
    }
    std::u32string squeezed = Squeezed(line.text);
    if (squeezed.empty()) {
      flush();
      continue;
    }
    if (IsTopHeading(squeezed)) {
      flush();
      SectionCue cue = ReadSectionCue(squeezed);
      if (cue.year || cue.kind) {
        if (cue.year) section.year = cue.year;
        if (cue.kind) section.kind = cue.kind;
      }
      preliminary = false;
      append(line);
      flush();
      recent_text = squeezed;
      continue;
    }
    if (IsSubHeading(squeezed)) {
      flush();
      preliminary = false;
    }
    // A lead-in that announces estimates: 主要经济指标预计完成情况如下：
    if ((Contains(squeezed, U"预计") || Contains(squeezed, U"初步")) &&
        (squeezed.back() == U':' || squeezed.back() == U'：')) {
      flush();
      append(line);
      flush();
      preliminary = true;
      recent_text = squeezed;
      continue;
    }
    // Join a line to the paragraph before it unless that one ended a sentence, or this one
    // starts a list item.
    bool starts_item = squeezed.starts_with(U"——") || squeezed.starts_with(U"—");
    if (!current.text.empty() && (IsSentenceEnd(current.text.back()) || starts_item)) flush();
    append(line);
    recent_text = squeezed;
  }
  flush();
  return doc;
}

}  // namespace kaohe
