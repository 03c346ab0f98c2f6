#include "src/extract/unread.h"

#include <fmt/format.h>

#include <algorithm>

#include "src/extract/extraction_context.h"
#include "src/extract/quantity.h"
#include "src/text/cell_value.h"

namespace kaohe {
namespace {

struct ReasonText {
  UnreadReason reason;
  std::string_view id;
  std::string_view description;
};

constexpr ReasonText kReasons[] = {
    {UnreadReason::kIncentive, "incentive", "an incentive clause: a threshold, not a figure"},
    {UnreadReason::kEachPlace, "each_place", "a figure for each of several places (各开发区)"},
    {UnreadReason::kNewlyAdded, "newly_added", "a count of new ones (新增), not the stock"},
    {UnreadReason::kNoYear, "no_year",
     "no year found in the sentence, its section or the document"},
    {UnreadReason::kNoSubject, "no_subject",
     "no subject: no place found that the document is about (give --entity)"},
    {UnreadReason::kShare, "share", "a share, rate or rank (占…比重), not the indicator"},
    {UnreadReason::kUnit, "unit", "a unit that does not fit the indicator"},
    {UnreadReason::kUnpairedList, "unpaired_list", "a 分别 list it could not pair"},
    {UnreadReason::kPartialYear, "partial_year", "a partial-year figure (1—9月, 上半年)"},
    {UnreadReason::kSpanOfYears, "span_of_years", "a span of years (过去五年), not one year's"},
    {UnreadReason::kIncrement, "increment", "an absolute increase (比上年增加), not the level"},
    {UnreadReason::kPoints, "points", "percentage points: the change of a rate"},
    {UnreadReason::kNoUnit, "no_unit", "a number with no unit"},
    {UnreadReason::kNoGrowthWord, "no_growth_word", "a percentage with no growth word before it"},
    {UnreadReason::kSurplus, "surplus", "more figures than indicators to give them"},
    {UnreadReason::kNoFigureAfter, "no_figure_after",
     "no figure after the indicator in a form kaohe reads"},
    {UnreadReason::kTableShape, "table_shape", "a table row that does not fit its header"},
    {UnreadReason::kTableColumns, "table_columns",
     "no value column with an indicator, a year and a kind (目标, 预计, 完成)"},
};

const ReasonText& TextOf(UnreadReason reason) {
  for (const ReasonText& r : kReasons) {
    if (r.reason == reason) return r;
  }
  return kReasons[std::size(kReasons) - 1];
}

bool Contains(std::u32string_view text, std::u32string_view word) {
  return text.find(word) != std::u32string_view::npos;
}

bool IsNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"一二三四五六七八九十两").find(c) != std::u32string_view::npos;
}

// 1—9月, 1-11月份, 1至9月, 前三季度, 上半年, 一季度: a stretch of the year, not the whole of it.
bool NamesPartOfYear(std::u32string_view s) {
  for (auto word : {U"上半年", U"下半年", U"季度", U"前三季", U"个月"}) {
    if (Contains(s, word)) return true;
  }
  for (std::size_t at = s.find(U'月'); at != std::u32string_view::npos;
       at = s.find(U'月', at + 1)) {
    std::size_t i = at;
    while (i > 0 && IsNumeral(s[i - 1])) --i;
    if (i == at || i == 0) continue;
    char32_t link = s[i - 1];
    if (link != U'-' && link != U'—' && link != U'–' && link != U'~' && link != U'至' &&
        link != U'到') {
      continue;
    }
    if (i >= 2 && IsNumeral(s[i - 2])) return true;
  }
  return false;
}

// 占…比重, 占比, 比重: the sentence states a share.
bool NamesShare(std::u32string_view s) {
  return Contains(s, U"比重") || Contains(s, U"占比") || Contains(s, U"占全");
}

// A data row: a cell after the first holds a value (the first is the row's label).
bool HasValueCell(const TableRow& row) {
  std::string error;
  for (std::size_t c = 1; c < row.cells.size(); ++c) {
    if (!row.cells[c].text.empty() && ParseCellValue(ToUtf8(row.cells[c].text), error)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view DescribeUnread(UnreadReason reason) { return TextOf(reason).description; }
std::string_view UnreadReasonId(UnreadReason reason) { return TextOf(reason).id; }

UnreadReason ExplainUnread(std::u32string_view sentence, std::span<const UnreadReason> noted) {
  auto was_noted = [&](UnreadReason r) {
    return std::find(noted.begin(), noted.end(), r) != noted.end();
  };
  // What the extractor said first, strongest first: each of these decides the sentence.
  for (UnreadReason r :
       {UnreadReason::kIncentive, UnreadReason::kEachPlace, UnreadReason::kNewlyAdded,
        UnreadReason::kNoYear, UnreadReason::kSpanOfYears, UnreadReason::kPartialYear,
        UnreadReason::kShare, UnreadReason::kIncrement, UnreadReason::kUnit}) {
    if (was_noted(r)) return r;
  }
  // Then what the text shows; the extractor's weaker notes are what follows from these.
  if (Contains(sentence, U"分别") || Contains(sentence, U"分別"))
    return UnreadReason::kUnpairedList;
  if (NamesPartOfYear(sentence)) return UnreadReason::kPartialYear;
  if (NamesShare(sentence)) return UnreadReason::kShare;
  for (UnreadReason r : {UnreadReason::kPoints, UnreadReason::kNoGrowthWord, UnreadReason::kNoUnit,
                         UnreadReason::kSurplus}) {
    if (was_noted(r)) return r;
  }
  return UnreadReason::kNoFigureAfter;
}

void UnreadLog::Note(UnreadReason reason, std::string_view detail) {
  noted_.push_back({reason, std::string(detail)});
}

void UnreadLog::EndSentence(const internal::ExtractionContext& ctx, const Paragraph& p,
                            std::size_t begin, std::size_t end, std::span<const Fact> facts) {
  std::vector<Noted> noted = std::move(noted_);
  noted_.clear();
  std::u32string_view s = std::u32string_view(p.text).substr(begin, end - begin);
  auto indicators = ctx.indicators.Find(s);
  if (indicators.empty()) return;
  int figures = 0;
  for (const Quantity& q : FindQuantities(s)) {
    if (!q.unit.empty()) ++figures;
  }
  if (figures == 0) return;
  ++indicator_sentences_;
  bool any_fact = false;
  for (const Fact& f : facts) {
    if (!f.key.entity.empty()) {
      ++read_sentences_;
      return;
    }
    any_fact = true;
  }
  if (!sink_) return;
  UnreadSentence out;
  out.file = ctx.doc.path;
  // Cited at its first character that is not a space (the one after 。 in "…。 规上工业…").
  std::size_t first = begin;
  while (first + 1 < end && p.text[first] == U' ') ++first;
  out.line = p.line_of[first];
  out.column = p.column_of[first] + 1;
  if (any_fact) {
    out.reason = UnreadReason::kNoSubject;
  } else {
    std::vector<UnreadReason> reasons;
    for (const Noted& n : noted) reasons.push_back(n.reason);
    out.reason = ExplainUnread(s, reasons);
    for (const Noted& n : noted) {
      if (n.reason == out.reason && !n.detail.empty()) {
        out.detail = n.detail;
        break;
      }
    }
    if (out.reason == UnreadReason::kUnpairedList) {
      out.detail = fmt::format("{} indicator(s), {} figure(s)", indicators.size(), figures);
    }
  }
  out.text = OriginalText(ctx.doc, p, first, end);
  sink_(std::move(out));
}

const std::u32string& UnreadLog::OriginalLine(const Document& doc, int number) {
  if (number != line_number_ || doc.path != line_path_) {
    line_text_ = ToUtf32(doc.Line(number).original);
    line_number_ = number;
    line_path_ = doc.path;
  }
  return line_text_;
}

std::string UnreadLog::OriginalText(const Document& doc, const Paragraph& p, std::size_t begin,
                                    std::size_t end) {
  return ParagraphOriginal(p, begin, end, [&](int line) -> std::u32string_view {
    return doc.HasLine(line) ? std::u32string_view(OriginalLine(doc, line)) : std::u32string_view();
  });
}

bool UnreadLog::NamesIndicator(const internal::ExtractionContext& ctx, const Table& table,
                               std::size_t first_data, std::size_t row) {
  if (!HasValueCell(table.rows[row])) return false;
  for (const TableCell& cell : table.rows[row].cells) {
    if (!ctx.indicators.Find(cell.text).empty()) return true;
  }
  if (header_table_ != &table) {  // a table's rows come one after another: searched once
    header_table_ = &table;
    header_names_indicator_ = false;
    for (std::size_t r = 0; r < first_data && !header_names_indicator_; ++r) {
      for (const TableCell& cell : table.rows[r].cells) {
        if (!ctx.indicators.Find(cell.text).empty()) header_names_indicator_ = true;
      }
    }
  }
  return header_names_indicator_;
}

void UnreadLog::Unread(const internal::ExtractionContext& ctx, const Table& table, std::size_t row,
                       UnreadReason reason, std::string detail) {
  if (!sink_) return;
  const TableRow& r = table.rows[row];
  UnreadSentence out;
  out.file = ctx.doc.path;
  out.line = r.cells.front().line;
  out.column = 1;
  out.reason = reason;
  out.detail = std::move(detail);
  out.text = internal::RowQuote(ctx.doc, r.cells.front().line, r.cells.back().last_line);
  sink_(std::move(out));
}

void UnreadLog::EndRow(const internal::ExtractionContext& ctx, const Table& table,
                       std::size_t first_data, std::size_t row, std::span<const Fact> facts) {
  std::vector<Noted> noted = std::move(noted_);
  noted_.clear();
  // A row that gave a fact has its indicator and its value: it is not searched again.
  bool any_fact = false;
  for (const Fact& f : facts) {
    if (!f.key.entity.empty()) {
      ++indicator_rows_;
      ++read_rows_;
      return;
    }
    any_fact = true;
  }
  if (!any_fact && !NamesIndicator(ctx, table, first_data, row)) return;
  ++indicator_rows_;
  UnreadReason reason = UnreadReason::kTableColumns;
  std::string detail;
  if (any_fact) {
    reason = UnreadReason::kNoSubject;
  } else {
    // The first that applies, strongest first.
    for (UnreadReason r : {UnreadReason::kTableShape, UnreadReason::kUnit, UnreadReason::kNoUnit,
                           UnreadReason::kNoYear}) {
      auto n =
          std::find_if(noted.begin(), noted.end(), [r](const Noted& x) { return x.reason == r; });
      if (n == noted.end()) continue;
      reason = r;
      detail = n->detail;
      break;
    }
  }
  Unread(ctx, table, row, reason, std::move(detail));
}

void UnreadLog::SkipTable(const internal::ExtractionContext& ctx, const Table& table,
                          std::size_t first_data) {
  for (std::size_t row = first_data; row < table.rows.size(); ++row) {
    if (!NamesIndicator(ctx, table, first_data, row)) continue;
    ++indicator_rows_;
    Unread(ctx, table, row, UnreadReason::kTableShape, "");
  }
}

UnreadRowScope::UnreadRowScope(const internal::ExtractionContext& ctx, const Table& table,
                               std::size_t first_data, std::size_t row)
    : ctx_(ctx), table_(table), first_data_(first_data), row_(row), facts_before_(ctx.out.size()) {}

UnreadRowScope::~UnreadRowScope() {
  if (ctx_.unread) {
    ctx_.unread->EndRow(ctx_, table_, first_data_, row_,
                        std::span<const Fact>(ctx_.out).subspan(facts_before_));
  }
}

std::string UnreadLog::Summary() const {
  std::string out =
      fmt::format("{} of {} indicator sentences read", read_sentences_, indicator_sentences_);
  if (indicator_rows_ > 0) {
    out += fmt::format(", {} of {} indicator table rows", read_rows_, indicator_rows_);
  }
  return out;
}

}  // namespace kaohe
