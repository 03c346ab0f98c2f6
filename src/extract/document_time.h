// When a document's figures are: the document model of time. A report is written in one year
// about the outcomes of a year (the outcome year) and the targets of a year (the plan year);
// its title, dates, session line and headings say which, and a figure whose sentence names no
// year takes the year its kind and the document give it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace kaohe {

enum class Genre { kUnknown, kBulletin, kPlanReport, kWorkReport, kMeetingNews };

// A date in the text. year is 0 for a month and day alone (1月15日).
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// The first date a text names: 2019-01-15, 2019年1月15日, 2019.01.15, 1月15日. Month-day
// pairs out of range are not dates; a year and month alone (2019年1月, 1—9月) are not one.
std::optional<CalendarDate> FindDate(std::u32string_view text);

// What one line (a title, a heading, a sentence) says about the document's years.
struct YearClue {
  std::optional<int> outcome;  // the year whose results are reported
  std::optional<int> plan;     // the year whose targets are set
  Genre genre = Genre::kUnknown;
  // How much the clue decides, higher first: a title or plan-report phrase (5), a review
  // heading or phrase (4), a target heading or a meeting on a year's work (3), a work report's
  // title year (2).
  int strength = 0;
};

// Reads a line for the forms that name the document's years: X年…统计公报; X年…计划执行情况
// 与Y年…计划; X年工作回顾 / 回顾X年 / X年成绩单 / X年工作总结; X年目标任务 / X年…工作会议;
// X年…政府工作报告. The strongest clue of the line, if any; none in a line longer than 200
// code points (a paragraph, not a title, heading or the sentence naming a report).
std::optional<YearClue> ReadYearClue(std::u32string_view line);

// The years a document's undated figures belong to.
struct DocumentTime {
  int outcome_year = 0;  // 0 when unknown
  int plan_year = 0;     // outcome_year + 1 unless the document says otherwise
  int writing_year = 0;  // the year 今年 means; 0 when neither a date nor the genre says
  Genre genre = Genre::kUnknown;
};

// Collects the clues of a document's lines, in order, and settles its time. Only the opening
// lines are read for the document's own date (the byline, dateline or page chrome).
class DocumentTimeFinder {
 public:
  static constexpr int kOpeningLines = 8;
  // A title's partial year (2020年前三季度…, 2017年上半年…) is read on these first lines only.
  static constexpr int kTitleLines = 2;

  // `text` is the line's normalised text (NormalizeLine: no spaces inside Chinese words).
  void AddLine(int number, std::u32string_view text);
  // A top-level heading's year and kind (from ReadSectionCue): 一、2023年工作回顾.
  void AddSection(std::optional<int> year, bool actual, bool target);
  DocumentTime Time() const;

 private:
  std::optional<YearClue> best_;
  Genre genre_ = Genre::kUnknown;
  std::optional<CalendarDate> chrome_date_;  // …on a page-chrome line (发布时间：…)
  std::optional<CalendarDate> date_;         // the first full date of the opening lines
  std::optional<CalendarDate> session_;      // …a full date on a session or meeting line
  std::optional<CalendarDate> month_day_;    // the first month-day dateline without a year
  std::map<int, int> named_years_;           // year → lines naming it, while no clue is better
  bool partial_year_ = false;                // the title is on part of a year: written in it
  std::optional<int> stated_current_year_;   // 今年（2024年）: the year the text is written in
};

// A year a sentence names, or a span of years (过去五年, 十四五期间): where it stands.
struct TimeMention {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<int> year;  // empty for a span, and for `current`
  // 今年 in a document whose date is unknown: the year the figure's kind gives it (the plan
  // year for a target, the outcome year for an outcome), not a span.
  bool current = false;
};

// The years and spans of a sentence, in order: 2023年 (not a range 2023—2025年, a base 比2020年
// or a start 2010年以来), 今年 / 去年 / 上年 / 前年 / 明年 (not a comparison 比上年, 上年同期),
// 过去一年 / 一年来 (the outcome year), 新的一年 (the plan year), and spans.
std::vector<TimeMention> FindTimeMentions(std::u32string_view sentence, const DocumentTime& time);

// How a target cue bears on a figure after it.
enum class TargetCueUse {
  kNone,    // it does not: 未达预期, 超预期 compare an outcome with the plan
  kTarget,  // the figure is a target
  kPlanOfOutcomeYear  // 完成年计划710亿元的…, 比年初目标(6.5%)低…: the plan of the outcome year
};
// `cue` is where a strong target cue begins in `s`, `figure` where the figure begins. A figure
// past the plan's 的, bracket or clause (the 89.4% of 完成年计划710亿元的89.4%) is not cued by it.
TargetCueUse ReadTargetCue(std::u32string_view s, std::size_t cue, std::size_t figure);

}  // namespace kaohe
