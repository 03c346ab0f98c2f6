// Seeing what was not read: the sentences of running text that name an indicator next to a
// number but gave no fact, each with the reason, and the count `N of M indicator sentences read`.
//
// An *indicator sentence* is a sentence of running text — a paragraph cut after 。！？ as the
// extractor cuts it; flattened tables and headings are not sentences — in which the dictionary
// names an indicator (a name or alias, the extractor's own automaton) and which holds a figure:
// a quantity with a unit, a percentage or percentage points (kaohe quantities reads them). A
// bare number (第三次, 2024年, 1月15日) is not a figure. It is *read* when it gave at least one
// fact with an entity; a sentence whose facts all lack one is unread for want of a subject.
//
// Flattened tables are counted apart, by row: an *indicator table row* is a data row (one with a
// value cell, after the header rows) whose own cells or whose table's header rows name an
// indicator; it is read, likewise, when it gave a fact with an entity.
//
// The extractor notes why it drops a figure (UnreadLog::Note, through ExtractionContext) and
// hands over each sentence when it is done with it (UnreadLog::EndSentence). Where no note
// explains a sentence, its text does: a 分别 list, a partial-year figure, a share.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/fact.h"

namespace kaohe {

struct Document;
struct Paragraph;
struct Table;

namespace internal {
struct ExtractionContext;
}

enum class UnreadReason {
  kIncentive,      // 对…达到10亿元的…给予奖励: a threshold, not a figure
  kEachPlace,      // 各开发区…1家以上: a figure for each of several places
  kNewlyAdded,     // 新增高新技术企业: a count of new ones, not the stock
  kNoYear,         // no year in the sentence, its section or the document
  kNoSubject,      // figures read, but no subject to give them
  kShare,          // 占…比重, 覆盖率, 排名: a share, rate or rank, not the indicator
  kUnit,           // 万亩 after 规上工业企业: a unit that does not fit the indicator
  kUnpairedList,   // 分别 with a count of indicators and figures that do not pair
  kPartialYear,    // 1—9月, 上半年, 前三季度: a part of the year
  kSpanOfYears,    // 过去五年, 十四五期间: a span of years, not one year's figure
  kIncrement,      // 比上年增加12亿元: an absolute increase, not the level
  kPoints,         // 个百分点: the change of a rate
  kNoUnit,         // a number with no unit
  kNoGrowthWord,   // a percentage with no growth word before it
  kSurplus,        // more figures than the indicators before them
  kNoFigureAfter,  // no figure after the indicator, before the next one
  kTableShape,     // a table whose header does not fit its rows, or a row that does not fit
  kTableColumns,   // a row with no value column that has an indicator, a year and a kind
};

// A few words a reviewer reads: "a 分别 list it could not pair".
std::string_view DescribeUnread(UnreadReason reason);
// A stable id for machines: "no_year".
std::string_view UnreadReasonId(UnreadReason reason);

struct UnreadSentence {
  std::string file;
  int line = 0;    // of the sentence's first character
  int column = 0;  // 1-based, in code points of the original line
  UnreadReason reason = UnreadReason::kNoFigureAfter;
  std::string detail;  // the unit that did not fit, the counts of an unpaired list; or ""
  std::string text;    // the sentence as it stands in the file, lines joined
};

// Receives the unread sentences in the order they stand in the document.
using UnreadSink = std::function<void(UnreadSentence&&)>;

class UnreadLog {
 public:
  explicit UnreadLog(UnreadSink sink = {}) : sink_(std::move(sink)) {}

  // A figure of the sentence being read was dropped, for `reason`; `detail` as in
  // UnreadSentence.
  void Note(UnreadReason reason, std::string_view detail = {});
  // The extractor is done with paragraph text [begin, end): `facts` are those it gave.
  void EndSentence(const internal::ExtractionContext& ctx, const Paragraph& p, std::size_t begin,
                   std::size_t end, std::span<const Fact> facts);

  // The extractor is done with row `row` of `table` (rows [0, first_data) are its header):
  // `facts` are those it gave.
  void EndRow(const internal::ExtractionContext& ctx, const Table& table, std::size_t first_data,
              std::size_t row, std::span<const Fact> facts);
  // The extractor reads none of `table`'s rows: its header does not fit them.
  void SkipTable(const internal::ExtractionContext& ctx, const Table& table,
                 std::size_t first_data);

  int indicator_sentences() const { return indicator_sentences_; }
  int read_sentences() const { return read_sentences_; }
  int indicator_rows() const { return indicator_rows_; }
  int read_rows() const { return read_rows_; }
  // "N of M indicator sentences read", and when there are indicator table rows
  // "N of M indicator sentences read, n of m indicator table rows"
  std::string Summary() const;

 private:
  struct Noted {
    UnreadReason reason;
    std::string detail;
  };
  // The sentence as it stands in the file: paragraph text [begin, end) mapped back to the
  // original lines, joined.
  std::string OriginalText(const Document& doc, const Paragraph& p, std::size_t begin,
                           std::size_t end);
  // One original line in code points, decoded once however many sentences stand on it.
  const std::u32string& OriginalLine(const Document& doc, int number);

  UnreadSink sink_;
  std::vector<Noted> noted_;  // for the sentence being read
  std::string line_path_;
  int line_number_ = 0;
  std::u32string line_text_;
  // Whether row `row` of `table` is an indicator table row.
  bool NamesIndicator(const internal::ExtractionContext& ctx, const Table& table,
                      std::size_t first_data, std::size_t row);
  void Unread(const internal::ExtractionContext& ctx, const Table& table, std::size_t row,
              UnreadReason reason, std::string detail);

  int indicator_sentences_ = 0;
  int read_sentences_ = 0;
  int indicator_rows_ = 0;
  int read_rows_ = 0;
  const Table* header_table_ = nullptr;  // the table whose header rows were last searched
  bool header_names_indicator_ = false;
};

// Calls UnreadLog::EndRow when it goes out of scope, with the facts made since it was made:
// one line at the top of a row's loop, whatever way the loop leaves the row.
class UnreadRowScope {
 public:
  UnreadRowScope(const internal::ExtractionContext& ctx, const Table& table, std::size_t first_data,
                 std::size_t row);
  ~UnreadRowScope();
  UnreadRowScope(const UnreadRowScope&) = delete;
  UnreadRowScope& operator=(const UnreadRowScope&) = delete;

 private:
  const internal::ExtractionContext& ctx_;
  const Table& table_;
  std::size_t first_data_;
  std::size_t row_;
  std::size_t facts_before_;
};

// The reason for an indicator sentence that gave no fact, from what the extractor noted and
// the sentence's own text (normalised): exposed for tests.
UnreadReason ExplainUnread(std::u32string_view sentence, std::span<const UnreadReason> noted);

}  // namespace kaohe
