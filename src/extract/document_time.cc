#include "src/extract/document_time.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

namespace kaohe {
namespace {

using View = std::u32string_view;
constexpr std::size_t npos = View::npos;

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool Contains(View text, View word) { return text.find(word) != npos; }

bool StartsWithAny(View text, std::initializer_list<View> words) {
  for (View w : words) {
    if (text.starts_with(w)) return true;
  }
  return false;
}

bool EndsWithAny(View text, std::initializer_list<View> words) {
  for (View w : words) {
    if (text.ends_with(w)) return true;
  }
  return false;
}

// The ASCII number of 1 to `max_digits` digits at text[at], not preceded by a digit; its length
// in `length`.
std::optional<int> NumberAt(View text, std::size_t at, std::size_t max_digits,
                            std::size_t& length) {
  if (at > 0 && IsDigit(text[at - 1])) return std::nullopt;
  std::size_t end = at;
  int value = 0;
  while (end < text.size() && IsDigit(text[end]) && end - at < max_digits) {
    value = value * 10 + static_cast<int>(text[end] - U'0');
    ++end;
  }
  if (end == at || (end < text.size() && IsDigit(text[end]))) return std::nullopt;
  length = end - at;
  return value;
}

// A Chinese-numeral day or month, 一 to 三十一, at text[at].
std::optional<int> HanNumberAt(View text, std::size_t at, std::size_t& length) {
  static constexpr View kDigits = U"〇一二三四五六七八九";
  auto digit = [&](std::size_t k) -> int {
    if (k >= text.size()) return -1;
    std::size_t d = kDigits.find(text[k]);
    return d == npos ? -1 : static_cast<int>(d);
  };
  std::size_t k = at;
  int value = 0;
  if (int d = digit(k); d > 0) {
    value = d;
    ++k;
  }
  if (k < text.size() && text[k] == U'十') {
    value = (value == 0 ? 1 : value) * 10;
    ++k;
    if (int d = digit(k); d > 0) {
      value += d;
      ++k;
    }
  }
  if (k == at || value == 0) return std::nullopt;
  length = k - at;
  return value;
}

bool ValidYear(int y) { return y >= 1949 && y <= 2100; }

// A year of four digits (2019) or four Chinese numerals (二〇一九) at text[at], followed by 年
// (a space may stand before it). `end` is just past the 年.
std::optional<int> YearAt(View text, std::size_t at, std::size_t& end) {
  std::size_t length = 0;
  std::optional<int> year;
  if (IsDigit(text[at])) {
    year = NumberAt(text, at, 4, length);
    if (length != 4) return std::nullopt;
  } else {
    static constexpr View kHan = U"〇零一二三四五六七八九";
    if (at > 0 && kHan.find(text[at - 1]) != npos) return std::nullopt;
    int value = 0;
    while (length < 4 && at + length < text.size()) {
      std::size_t d = kHan.find(text[at + length]);
      if (d == npos) break;
      value = value * 10 + static_cast<int>(d == 0 ? 0 : d - 1);
      ++length;
    }
    if (length != 4) return std::nullopt;
    year = value;
  }
  std::size_t k = at + length;
  if (k < text.size() && text[k] == U' ') ++k;
  if (k >= text.size() || text[k] != U'年' || !ValidYear(*year)) return std::nullopt;
  end = k + 1;
  return year;
}

struct YearAtPosition {
  std::size_t begin;
  std::size_t end;
  int year;
};

std::vector<YearAtPosition> YearsIn(View text) {
  std::vector<YearAtPosition> out;
  // From each 年 back to the four digits before it (a space may stand between).
  for (std::size_t k = text.find(U'年'); k != npos; k = text.find(U'年', k + 1)) {
    for (std::size_t back : {std::size_t{4}, std::size_t{5}}) {
      if (k < back) break;
      std::size_t end = 0;
      auto y = YearAt(text, k - back, end);
      if (y && end == k + 1 && (out.empty() || out.back().end <= k - back)) {
        out.push_back({k - back, end, *y});
        break;
      }
    }
  }
  return out;
}

// The last year in `years` that ends at or before `position`.
const YearAtPosition* LastYearBefore(const std::vector<YearAtPosition>& years,
                                     std::size_t position) {
  const YearAtPosition* found = nullptr;
  for (const YearAtPosition& y : years) {
    if (y.end <= position) found = &y;
  }
  return found;
}

// The first year after `position`.
const YearAtPosition* FirstYearAfter(const std::vector<YearAtPosition>& years,
                                     std::size_t position) {
  for (const YearAtPosition& y : years) {
    if (y.begin >= position) return &y;
  }
  return nullptr;
}

void Keep(std::optional<YearClue>& best, const YearClue& clue) {
  if (!best || clue.strength > best->strength) best = clue;
}

// Clue strengths: see YearClue.
constexpr std::size_t kMaxClueLine = 200;
constexpr int kPartialYearStrength = 60;
constexpr int kTitleStrength = 50;
constexpr int kReviewStrength = 40;
constexpr int kSessionDateStrength = 35;
constexpr int kTargetStrength = 30;
constexpr int kOpeningDateStrength = 25;
constexpr int kWorkReportStrength = 20;
constexpr int kChromeDateStrength = 15;
constexpr int kSectionYearStrength = 5;
constexpr int kFirstYearStrength = 1;

}  // namespace

std::optional<CalendarDate> FindDate(View t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::size_t length = 0;
    // 2019-01-15, 2019.01.15, 2019/1/15, 2019年1月15日
    if (IsDigit(t[i])) {
      auto year = NumberAt(t, i, 4, length);
      if (year && length == 4 && ValidYear(*year) && i + 4 < t.size()) {
        char32_t sep = t[i + 4];
        std::size_t k = i + 5;
        if (k < t.size() && t[k] == U' ') ++k;
        std::size_t ml = 0, dl = 0;
        if (sep == U'-' || sep == U'.' || sep == U'/') {
          auto month = k < t.size() ? NumberAt(t, k, 2, ml) : std::nullopt;
          if (month && k + ml + 1 < t.size() && t[k + ml] == sep) {
            auto day = NumberAt(t, k + ml + 1, 2, dl);
            if (day && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31) {
              return CalendarDate{*year, *month, *day};
            }
          }
        } else if (sep == U'年' || (sep == U' ' && k < t.size() && t[k] == U'年')) {
          if (sep == U' ') ++k;
          if (k < t.size() && t[k] == U' ') ++k;
          auto month = k < t.size() ? NumberAt(t, k, 2, ml) : std::nullopt;
          std::size_t m_end = k + ml;
          if (month && m_end < t.size() && t[m_end] == U' ') ++m_end;
          if (month && m_end < t.size() && t[m_end] == U'月') {
            std::size_t d_at = m_end + 1;
            if (d_at < t.size() && t[d_at] == U' ') ++d_at;
            auto day = d_at < t.size() ? NumberAt(t, d_at, 2, dl) : std::nullopt;
            std::size_t d_end = d_at + dl;
            if (day && d_end < t.size() && t[d_end] == U' ') ++d_end;
            if (day && d_end < t.size() && (t[d_end] == U'日' || t[d_end] == U'号') &&
                *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31) {
              return CalendarDate{*year, *month, *day};
            }
          }
        }
        i += 3;
        continue;
      }
    }
    // 1月15日, 一月八日: a month and day with the year left to the rest of the document.
    std::optional<int> month;
    if (IsDigit(t[i])) {
      month = NumberAt(t, i, 2, length);
    } else if (i == 0 || t[i - 1] != U'年') {
      month = HanNumberAt(t, i, length);
    }
    if (!month || *month < 1 || *month > 12) continue;
    if (i > 0 && (t[i - 1] == U'年' || t[i - 1] == U'—' || t[i - 1] == U'-' || t[i - 1] == U'至' ||
                  t[i - 1] == U'~')) {
      continue;  // part of a date with its year, or a span of months (1—9月)
    }
    std::size_t k = i + length;
    if (k >= t.size() || t[k] != U'月') continue;
    ++k;
    std::size_t dl = 0;
    std::optional<int> day = k < t.size() && IsDigit(t[k])
                                 ? NumberAt(t, k, 2, dl)
                                 : (k < t.size() ? HanNumberAt(t, k, dl) : std::nullopt);
    if (!day || *day < 1 || *day > 31) continue;
    std::size_t d_end = k + dl;
    if (d_end < t.size() && (t[d_end] == U'日' || t[d_end] == U'号' || t[d_end] == U'电')) {
      return CalendarDate{0, *month, *day};
    }
  }
  return std::nullopt;
}

std::optional<YearClue> ReadYearClue(View line) {
  // Titles, headings and the sentences that name a report are short; a long paragraph is not
  // searched for them.
  if (line.size() > kMaxClueLine) return std::nullopt;
  std::vector<YearAtPosition> years = YearsIn(line);
  if (years.empty()) return std::nullopt;
  std::optional<YearClue> best;
  // X年…统计公报: the bulletin of year X.
  if (std::size_t at = line.find(U"统计公报"); at != npos) {
    if (const YearAtPosition* y = LastYearBefore(years, at)) {
      Keep(best, {y->year, std::nullopt, Genre::kBulletin, kTitleStrength});
    }
  }
  // X年…计划执行情况(与|和|及)Y年…计划: outcomes of X, targets of Y.
  for (View word : {View(U"执行情况"), View(U"完成情况")}) {
    std::size_t at = line.find(word);
    if (at == npos) continue;
    const YearAtPosition* x = LastYearBefore(years, at);
    if (!x) continue;
    const YearAtPosition* y = FirstYearAfter(years, at + word.size());
    if (y && y->year > x->year && Contains(line.substr(y->end), U"计划")) {
      Keep(best, {x->year, y->year, Genre::kPlanReport, kTitleStrength});
    } else {
      Keep(best, {x->year, std::nullopt, Genre::kUnknown, kReviewStrength});
    }
  }
  // A review of year X: X年工作回顾, 回顾X年, X年成绩单, X年工作总结, X年…经济运行情况.
  static constexpr std::array<View, 7> kReview = {U"回顾", U"成绩",     U"总结",    U"运行情况",
                                                  U"成效", U"经济运行", U"工作情况"};
  for (View word : kReview) {
    for (std::size_t at = line.find(word); at != npos; at = line.find(word, at + 1)) {
      const YearAtPosition* y = LastYearBefore(years, at);
      // 回顾2013年工作, 回顾了2024年以来的工作: the year after the word.
      if (word == U"回顾") {
        const YearAtPosition* after = FirstYearAfter(years, at + word.size());
        if (after && after->begin <= at + word.size() + 1) y = after;
      }
      if (y && (y->begin > at || at - y->end <= 12)) {
        Keep(best, {y->year, std::nullopt, Genre::kUnknown, kReviewStrength});
      }
    }
  }
  // Targets of year X: X年目标任务, X年主要预期目标, X年…工作会议 / 工作部署 / 工作打算.
  static constexpr std::array<View, 9> kPlan = {U"目标任务", U"预期目标", U"主要目标",
                                                U"工作会议", U"工作部署", U"工作打算",
                                                U"工作安排", U"计划草案", U"发展计划"};
  for (View word : kPlan) {
    std::size_t at = line.find(word);
    if (at == npos) continue;
    const YearAtPosition* y = LastYearBefore(years, at);
    if (y && at - y->end <= 12) {
      Genre genre = word == U"工作会议" ? Genre::kMeetingNews : Genre::kUnknown;
      Keep(best, {y->year - 1, y->year, genre, kTargetStrength});
    }
  }
  // X年…政府工作报告: usually the report given early in year X on year X - 1.
  if (std::size_t at = line.find(U"政府工作报告"); at != npos) {
    const YearAtPosition* y = LastYearBefore(years, at);
    if (y && at - y->end <= 12) {
      Keep(best, {y->year - 1, y->year, Genre::kWorkReport, kWorkReportStrength});
    }
  }
  return best;
}

void DocumentTimeFinder::AddLine(int number, View text) {
  if (!best_ || best_->strength <= kSectionYearStrength) {
    // Nothing better yet: the years the text names, counted (not ranges, bases or starts).
    for (const TimeMention& m : FindTimeMentions(text, DocumentTime{})) {
      if (m.year) ++named_years_[*m.year];
    }
  }
  // The normalised text keeps no spaces inside Chinese words, so it is read as it is.
  View squeezed = text;
  // No later line beats a title's clue (the stronger part-of-a-year title is read below), and a
  // title's clue names the genre: the rest need not be read for one.
  std::optional<YearClue> clue;
  if (!best_ || best_->strength < kTitleStrength) clue = ReadYearClue(squeezed);
  if (clue) {
    Keep(best_, *clue);
    if (clue->genre != Genre::kUnknown && genre_ == Genre::kUnknown) genre_ = clue->genre;
  }
  if (number <= kTitleLines) {
    // 2020年前三季度经济运行情况, 2017年上半年计划执行情况: outcomes and targets of that year.
    for (const YearAtPosition& y : YearsIn(squeezed)) {
      View after = squeezed.substr(y.end);
      const bool months =
          !after.empty() && IsDigit(after[0]) &&
          (after.substr(1, 1) == U"—" || after.substr(1, 1) == U"-" || after.substr(1, 1) == U"至");
      if (months || StartsWithAny(after, {U"上半年", U"前三季度", U"一季度", U"第一季度",
                                          U"前两季度", U"三季度", U"前三个季度"})) {
        Keep(best_, {y.year, y.year, Genre::kUnknown, kPartialYearStrength});
        partial_year_ = true;
        break;
      }
    }
  }
  if (number > kOpeningLines) return;
  // 今年（2024年）: the text says which year it is written in.
  if (!stated_current_year_) {
    for (std::size_t at = squeezed.find(U"今年"); at != npos; at = squeezed.find(U"今年", at + 1)) {
      std::size_t open = at + 2;
      if (open + 1 >= squeezed.size() || (squeezed[open] != U'（' && squeezed[open] != U'(')) {
        continue;
      }
      std::size_t end = 0;
      std::optional<int> year = YearAt(squeezed, open + 1, end);
      if (year && end < squeezed.size() && (squeezed[end] == U'）' || squeezed[end] == U')')) {
        stated_current_year_ = year;
        break;
      }
    }
  }
  if (genre_ == Genre::kUnknown && Contains(squeezed, U"政府工作报告")) genre_ = Genre::kWorkReport;
  auto date = FindDate(text);  // with its spaces: 2023-12-28 23:17
  if (!date) return;
  if (date->year == 0) {
    if (!month_day_) month_day_ = date;
    return;
  }
  // The byline or lead of a session or meeting: the day the report was given.
  const bool session = Contains(squeezed, U"会议") || Contains(squeezed, U"大会") ||
                       Contains(squeezed, U"人民代表大会");
  // Page chrome (发布时间：2021-07-27 17:14) dates the page, which may be a later copy.
  const bool chrome = Contains(squeezed, U"时间") || Contains(squeezed, U"发布") ||
                      Contains(squeezed, U"来源") || Contains(squeezed, U"日期") ||
                      Contains(squeezed, U"浏览") || Contains(squeezed, U"阅读") ||
                      Contains(squeezed, U"编辑") || Contains(text, U":");
  if (session && !session_) {
    session_ = date;
  } else if (chrome && !session) {
    if (!chrome_date_) chrome_date_ = date;
  } else if (!date_) {
    date_ = date;
  }
}

void DocumentTimeFinder::AddSection(std::optional<int> year, bool actual, bool target) {
  if (!year) return;
  if (actual) {
    Keep(best_, {*year, std::nullopt, Genre::kUnknown, kReviewStrength});
  } else if (target) {
    Keep(best_, {*year - 1, *year, Genre::kUnknown, kTargetStrength});
  } else {
    Keep(best_, {*year, std::nullopt, Genre::kUnknown, kSectionYearStrength});
  }
}

DocumentTime DocumentTimeFinder::Time() const {
  std::optional<YearClue> best = best_;
  // A report given in the first half of a year is on the year before; one given later, on
  // the year it is in (a year-end meeting or summary).
  auto from_date = [](const CalendarDate& d, int strength) {
    int outcome = d.month <= 6 ? d.year - 1 : d.year;
    return YearClue{outcome, outcome + 1, Genre::kUnknown, strength};
  };
  if (session_) Keep(best, from_date(*session_, kSessionDateStrength));
  // The year named most often (the earliest of equals) is the one the text is about.
  std::optional<int> most_named;
  int most = 0;
  for (const auto& [year, count] : named_years_) {
    if (count > most) {
      most = count;
      most_named = year;
    }
  }
  if (most_named) Keep(best, {*most_named, std::nullopt, Genre::kUnknown, kFirstYearStrength});
  if (date_) Keep(best, from_date(*date_, kOpeningDateStrength));
  if (chrome_date_) Keep(best, from_date(*chrome_date_, kChromeDateStrength));
  // A text that says which year 今年 is, and no more, sets that year's targets and reviews the
  // year before, as a report early in the year does.
  if (stated_current_year_) {
    Keep(best,
         {*stated_current_year_ - 1, *stated_current_year_, Genre::kUnknown, kWorkReportStrength});
  }
  DocumentTime time;
  time.genre = genre_;
  if (!best || !best->outcome) return time;
  time.outcome_year = *best->outcome;
  time.plan_year = best->plan.value_or(time.outcome_year + 1);
  const std::optional<CalendarDate>& written = session_ ? session_ : date_ ? date_ : chrome_date_;
  if (written) {
    time.writing_year = written->year;
  } else if (stated_current_year_) {
    time.writing_year = *stated_current_year_;
  } else if (partial_year_ || (month_day_ && month_day_->month > 6)) {
    time.writing_year = time.outcome_year;
  } else if (month_day_ || time.genre != Genre::kUnknown) {
    // Reports, plans and their meetings are given early in the plan year; a bulletin early in
    // the year after its own.
    time.writing_year = time.outcome_year + 1;
  }
  return time;
}

TargetCueUse ReadTargetCue(View s, std::size_t cue, std::size_t figure) {
  View before = s.substr(0, cue);
  if (before.ends_with(U"预期")) before.remove_suffix(2);  // 超预期目标
  if (EndsWithAny(before, {U"未达", U"未达到", U"达到", U"超", U"超出", U"好于", U"高于", U"低于",
                           U"不及", U"符合", U"优于", U"实现", U"完成"}) &&
      !EndsWithAny(s.substr(0, cue), {U"年", U"年初", U"年度", U"全年"})) {
    return TargetCueUse::kNone;
  }
  // 计划总投资, 计划投资: a project's planned cost, not a target.
  if (StartsWithAny(s.substr(cue), {U"计划总投资", U"计划投资"})) return TargetCueUse::kNone;
  for (View year_word : {View(U"年初"), View(U"年度"), View(U"全年"), View(U"年")}) {
    if (!before.ends_with(year_word)) continue;
    View verb = before.substr(0, before.size() - year_word.size());
    if (!EndsWithAny(verb, {U"完成", U"比", U"较", U"为", U"超", U"超过", U"占", U"达", U"实现",
                            U"高于", U"低于", U"好于", U"快于", U"慢于"})) {
      break;
    }
    View between = s.substr(cue, figure > cue ? figure - cue : 0);
    for (char32_t c : between) {
      if (c == U'的' || c == U'）' || c == U')' || c == U'，' || c == U',' || c == U'；' ||
          c == U';') {
        return TargetCueUse::kNone;
      }
    }
    return TargetCueUse::kPlanOfOutcomeYear;
  }
  return TargetCueUse::kTarget;
}

namespace {

// Where the words of a sentence that hold 年 stand, found from its 年s: a sentence is scanned
// once for 年, not once per word.
class NianIndex {
 public:
  explicit NianIndex(View s) : s_(s) {
    for (std::size_t k = s.find(U'年'); k != npos; k = s.find(U'年', k + 1)) nian_.push_back(k);
  }
  // Calls f(begin) for each occurrence of `word`, which holds a 年, in order.
  template <typename F>
  void ForEach(View word, F f) const {
    const std::size_t offset = word.find(U'年');
    for (std::size_t k : nian_) {
      if (k >= offset && s_.substr(k - offset).starts_with(word)) f(k - offset);
    }
  }
  bool empty() const { return nian_.empty(); }

 private:
  View s_;
  std::vector<std::size_t> nian_;
};

}  // namespace

std::vector<TimeMention> FindTimeMentions(View s, const DocumentTime& time) {
  std::vector<TimeMention> out;
  const NianIndex nian(s);
  // Years: not a bound of a range (2023—2025年, 2016年至2018年), a base (比2020年, 与2019年相比)
  // or a start (2010年以来).
  for (const YearAtPosition& y : YearsIn(s)) {
    View before = s.substr(0, y.begin);
    View after = s.substr(y.end);
    auto ends_range = [](View v) {
      return EndsWithAny(v, {U"—", U"-", U"–", U"~", U"至", U"到"}) && v.size() >= 2 &&
             (IsDigit(v[v.size() - 2]) || v[v.size() - 2] == U'年' || v[v.size() - 2] == U'—');
    };
    if (ends_range(before)) continue;
    if (StartsWithAny(after, {U"—", U"-", U"–", U"~"}) ||
        ((after.starts_with(U"至") || after.starts_with(U"到")) && after.size() > 1 &&
         IsDigit(after[1]))) {
      continue;
    }
    if (EndsWithAny(before, {U"比", U"较", U"与", U"同", U"自", U"从"})) continue;
    if (StartsWithAny(after, {U"以来", U"相比", U"同期", U"同比"})) continue;
    // X年度 reads as X年.
    out.push_back({y.begin, y.end, y.year});
  }
  if (time.outcome_year) {
    // Relative years, read against the year the document was written and the year it reports.
    struct Relative {
      View word;
      int offset;
      bool from_outcome;  // counted from the outcome year, not the writing year
    };
    static constexpr Relative kRelative[] = {
        {U"刚刚过去的一年", 0, true}, {U"过去的一年", 0, true}, {U"过去一年", 0, true},
        {U"一年来", 0, true},         {U"这一年", 0, true},     {U"新的一年", 1, true},
        {U"今年", 0, false},          {U"去年", -1, false},     {U"上年", -1, false},
        {U"前年", -2, false},         {U"明年", 1, false}};
    std::vector<bool> relative_taken(nian.empty() ? 0 : s.size(), false);
    for (const Relative& r : kRelative) {
      nian.ForEach(r.word, [&](std::size_t at) {
        std::size_t end = at + r.word.size();
        View before = s.substr(0, at);
        View after = s.substr(end);
        // 比上年, 与去年同期, 上年同期: a comparison, not the figure's year.
        if (EndsWithAny(before, {U"比", U"较", U"与", U"同", U"于", U"超", U"及", U"过"}) &&
            !r.from_outcome) {
          return;
        }
        if (StartsWithAny(after, {U"同期", U"同口径", U"相比", U"水平", U"基数", U"以来"})) return;
        // 一年来 inside 五年来 / 十一年来 is a span, found below.
        if (r.word == U"一年来" && at > 0 && (IsDigit(s[at - 1]) || s[at - 1] == U'十')) return;
        // 过去的一年 inside 刚刚过去的一年: the longer word, matched first, holds it.
        for (std::size_t k = at; k < end; ++k) {
          if (relative_taken[k]) return;
        }
        std::fill(relative_taken.begin() + static_cast<std::ptrdiff_t>(at),
                  relative_taken.begin() + static_cast<std::ptrdiff_t>(end), true);
        if (r.from_outcome) {
          out.push_back({at, end, time.outcome_year + r.offset});
        } else if (time.writing_year) {
          out.push_back({at, end, time.writing_year + r.offset});
        } else if (r.offset == 0) {
          out.push_back({at, end, std::nullopt, true});
        } else {
          // Undated: 明年 is the plan year, 去年 the outcome year, 前年 the one before.
          int year =
              r.offset > 0 ? time.plan_year + r.offset - 1 : time.outcome_year + r.offset + 1;
          out.push_back({at, end, year});
        }
      });
    }
  }
  // Spans of years: 过去五年, 五年来, 今后五年, 近三年, 近年来, “十四五”期间.
  auto numeral_before = [&](std::size_t at) {
    return at > 0 && (Contains(U"两二三四五六七八九十", View(&s[at - 1], 1)) || IsDigit(s[at - 1]));
  };
  nian.ForEach(U"年来", [&](std::size_t at) {
    if (numeral_before(at) && !(at >= 1 && s[at - 1] == U'一' && (at < 2 || s[at - 2] != U'十'))) {
      out.push_back({at - 1, at + 2, std::nullopt});
    } else if (at >= 1 && s[at - 1] == U'近') {
      out.push_back({at - 1, at + 2, std::nullopt});
    }
  });
  for (View word : {View(U"过去五年"), View(U"今后五年"), View(U"未来五年"), View(U"近五年"),
                    View(U"近三年"), View(U"过去三年"), View(U"今后三年")}) {
    nian.ForEach(word, [&](std::size_t at) {
      out.push_back({at, at + word.size(), std::nullopt});
    });
  }
  for (std::size_t ten = s.find(U'十'); ten != npos; ten = s.find(U'十', ten + 1)) {
    // 十三五 / 十四五 followed by 期间, 时期 or 以来 (with or without quotes).
    const std::size_t at = ten + 2;  // the 五
    if (at >= s.size() || s[at] != U'五') continue;
    std::size_t k = at + 1;
    if (k < s.size() && (s[k] == U'”' || s[k] == U'"')) ++k;
    View after = s.substr(k);
    if (StartsWithAny(after, {U"期间", U"时期", U"以来"})) {
      std::size_t begin = at - 2;
      if (begin > 0 && (s[begin - 1] == U'“' || s[begin - 1] == U'"')) --begin;
      out.push_back({begin, k + 2, std::nullopt});
    }
  }
  // Parts of a year: 上半年, 前三季度, 1—9月, 1至11月, 前2个月, 今年以来. A figure for part of a
  // year is not the year's.
  for (View word :
       {View(U"上半年"), View(U"下半年"), View(U"季度"), View(U"今年以来"), View(U"年初以来")}) {
    for (std::size_t at = s.find(word); at != npos; at = s.find(word, at + 1)) {
      std::size_t begin = at;
      if (word == U"季度") {
        // 一季度, 首季度, 前三季度, 第二季度; not 季度 alone (分季度).
        if (at == 0 || !Contains(U"一二三四首", View(&s[at - 1], 1))) continue;
        begin = at - 1;
        if (begin > 0 && (s[begin - 1] == U'前' || s[begin - 1] == U'第')) --begin;
      }
      out.push_back({begin, at + word.size(), std::nullopt});
    }
  }
  auto is_numeral = [](char32_t c) {
    return IsDigit(c) || Contains(U"一二三四五六七八九十", View(&c, 1));
  };
  for (std::size_t at = s.find(U"月"); at != npos; at = s.find(U"月", at + 1)) {
    // 1—9月, 1-11月, 1至11月, 一至九月
    std::size_t j = at;
    while (j > 0 && at - j < 2 && is_numeral(s[j - 1])) --j;
    if (j == at || j < 2) continue;
    if (!Contains(U"—-–~至到", View(&s[j - 1], 1)) || !is_numeral(s[j - 2])) continue;
    std::size_t begin = j - 2;
    while (begin > 0 && j - 2 - begin < 1 && is_numeral(s[begin - 1])) --begin;
    // 1—12月 is the whole year.
    const View last = s.substr(j, at - j);
    if (s.substr(begin, j - 1 - begin) == U"1" && (last == U"12" || last == U"十二")) continue;
    if (s.substr(begin, j - 1 - begin) == U"一" && last == U"十二") continue;
    out.push_back({begin, at + 1, std::nullopt});
  }
  for (std::size_t at = s.find(U"个月"); at != npos; at = s.find(U"个月", at + 1)) {
    // 前2个月, 前十个月
    std::size_t j = at;
    while (j > 0 && at - j < 2 && is_numeral(s[j - 1])) --j;
    if (j < at && j > 0 && s[j - 1] == U'前') out.push_back({j - 1, at + 2, std::nullopt});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TimeMention& a, const TimeMention& b) { return a.begin < b.begin; });
  // 全年 after a part of a year (2025年1—9月…，全年预计…) is the whole year again: the year last
  // named, else the one the figure's kind gives.
  // One walk over the mentions and the 全年s together, both in order.
  std::vector<TimeMention> wholes;
  std::size_t next = 0;
  std::optional<int> last_year;
  bool after_part = false;
  nian.ForEach(U"全年", [&](std::size_t at) {
    for (; next < out.size() && out[next].begin < at; ++next) {
      if (out[next].year) {
        last_year = out[next].year;
        after_part = false;
      } else if (!out[next].current) {
        after_part = true;
      }
    }
    if (!after_part) return;
    TimeMention whole{at, at + 2, last_year};
    whole.current = !last_year;
    wholes.push_back(whole);
  });
  if (!wholes.empty()) {
    std::vector<TimeMention> merged;
    merged.reserve(out.size() + wholes.size());
    std::merge(out.begin(), out.end(), wholes.begin(), wholes.end(), std::back_inserter(merged),
               [](const TimeMention& a, const TimeMention& b) { return a.begin < b.begin; });
    out = std::move(merged);
  }
  return out;
}

}  // namespace kaohe
