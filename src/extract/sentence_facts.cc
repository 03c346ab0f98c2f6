// Facts from running text. Each sentence is read as a sequence of mentions: places, indicators,
// years, cue words and quantities. An indicator owns the quantities after it up to the next
// indicator; a place named before it in the sentence owns its figures; the year and kind come
// from the sentence's own cues, else from the section it stands in.
#include <algorithm>
#include <optional>
#include <span>
#include <unordered_map>

#include "engine/units.h"
#include "src/extract/document_time.h"
#include "src/extract/extraction_context.h"
#include "src/extract/quantity.h"
#include "src/extract/subject.h"

namespace kaohe::internal {
namespace {

// Where the words of one cue list stand in a sentence: the last one ending before a position
// is found by binary search, so a sentence of many figures is read in n log n, not n².
class CueIndex {
 public:
  CueIndex(std::u32string_view text, std::span<const std::u32string_view> words) {
    std::vector<std::pair<std::size_t, std::size_t>> found;  // (end, begin)
    for (auto w : words) {
      for (std::size_t at = text.find(w); at != std::u32string_view::npos;
           at = text.find(w, at + 1)) {
        found.emplace_back(at + w.size(), at);
      }
    }
    Index(found);
  }
  CueIndex(std::u32string_view text, const CueSet& cues, CueCategory category) {
    std::vector<std::pair<std::size_t, std::size_t>> found;  // (end, begin)
    for (CueSpan m : cues.FindAll(category, text)) found.emplace_back(m.end, m.begin);
    Index(found);
  }

  // The position of the last occurrence in text[0, before), or npos.
  std::size_t LastBefore(std::size_t before) const {
    auto k = std::upper_bound(ends_.begin(), ends_.end(), before) - ends_.begin();
    return k == 0 ? std::u32string_view::npos : latest_begin_[static_cast<std::size_t>(k - 1)];
  }

 private:
  void Index(std::vector<std::pair<std::size_t, std::size_t>>& found) {
    std::sort(found.begin(), found.end());
    std::size_t best = std::u32string_view::npos;
    for (const auto& [end, begin] : found) {
      if (best == std::u32string_view::npos || begin > best) best = begin;
      ends_.push_back(end);
      latest_begin_.push_back(best);
    }
  }

  std::vector<std::size_t> ends_;          // ascending
  std::vector<std::size_t> latest_begin_;  // the largest begin among ends_[0..k]
};

// The largest end among intervals added with a begin at or before a position (a Fenwick tree
// over positions): "is [at, end) inside a mention already found" in log time.
class CoverIndex {
 public:
  explicit CoverIndex(std::size_t size) : tree_(size + 1, 0) {}
  void Add(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin + 1; i < tree_.size(); i += i & (~i + 1)) {
      tree_[i] = std::max(tree_[i], end);
    }
  }
  bool Covers(std::size_t at, std::size_t end) const {
    std::size_t best = 0;
    for (std::size_t i = std::min(at + 1, tree_.size() - 1); i > 0; i -= i & (~i + 1)) {
      best = std::max(best, tree_[i]);
    }
    return best >= end;
  }

 private:
  std::vector<std::size_t> tree_;
};

constexpr std::u32string_view kClauseEnds[] = {U";", U"；"};

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'!' || c == U'?' || c == U'！' || c == U'？';
}

// The entity of a figure stated for each of several places: no fact is made of it.
constexpr std::string_view kEachEntity =
    "\x01"
    "each";

struct EntityMention {
  std::size_t begin;
  std::size_t end;
  std::string entity;
};

// Places named in the sentence, and the words that name the subject itself (全市, 我区).
std::vector<EntityMention> FindEntities(const ExtractionContext& ctx, std::u32string_view s) {
  std::vector<EntityMention> out;
  // The subject's entry, looked up only for a sentence that needs it.
  std::optional<const Entity*> subject_entry;
  auto subject = [&] {
    if (!subject_entry) subject_entry = ctx.dictionary.FindEntity(ctx.subject);
    return *subject_entry;
  };
  std::vector<PlaceMention> places = FindPlaces(ctx.dictionary, ctx.entities, ctx.shared, s);
  for (std::size_t i = 0; i < places.size(); ++i) {
    const PlaceMention& m = places[i];
    const Entity* e = m.entity;
    if (!e) {
      // A name several places share is the one the subject or the sentence's other places
      // decide (朝阳区 in a report of 北京市; 江苏、浙江、海南), else it stays the bare name: a
      // place, but not one the dictionary can tell.
      std::vector<const Entity*> context;
      if (subject()) context.push_back(subject());
      // The nearest places only: a sentence of many shared names stays linear.
      constexpr std::size_t kReach = 4;
      for (std::size_t j = i >= kReach ? i - kReach : 0; j < places.size() && j <= i + kReach;
           ++j) {
        if (places[j].entity) context.push_back(places[j].entity);
      }
      const auto& [word, candidates] = ctx.dictionary.shared_aliases()[m.shared];
      e = DecideShared(ctx.dictionary, candidates, context);
      if (!e) {
        out.push_back({m.begin, m.end, word});
        continue;
      }
    }
    if (e->kind == EntityKind::kProvince) continue;
    // An institution named after a place is not the place: 厦门大学, 宁波银行, 中山路.
    static constexpr std::u32string_view kInstitutions[] = {U"大学",   U"学院", U"中学", U"小学",
                                                            U"医院",   U"银行", U"日报", U"晚报",
                                                            U"电视台", U"公园", U"大道", U"路"};
    std::u32string_view after = s.substr(m.end);
    if (std::any_of(std::begin(kInstitutions), std::end(kInstitutions),
                    [&](std::u32string_view w) { return after.starts_with(w); })) {
      continue;
    }
    out.push_back({m.begin, m.end, e->name});
  }
  // 开发区, 园区 alone in a development zone's own report name the zone itself.
  if ((s.find(U"开发区") != std::u32string_view::npos ||
       s.find(U"园区") != std::u32string_view::npos) &&
      subject() && subject()->kind == EntityKind::kDevelopmentZone) {
    auto is_han = [](char32_t c) {
      return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
    };
    for (std::u32string_view word :
         {std::u32string_view(U"开发区"), std::u32string_view(U"园区")}) {
      for (std::size_t at = s.find(word); at != std::u32string_view::npos;
           at = s.find(word, at + 1)) {
        // Only the bare word: not the end of a longer name (某某开发区) nor 各开发区, 全区.
        if (at > 0 && is_han(s[at - 1])) continue;
        out.push_back({at, at + word.size(), ctx.subject});
      }
    }
  }
  for (CueSpan word : ctx.cues.FindAll(CueCategory::kSubjectWords, s)) {
    std::string entity = ctx.subject;
    std::size_t end = word.end;
    if (s.substr(end).starts_with(U"开发区") || s.substr(end).starts_with(U"各开发区")) {
      entity = ctx.SubjectZoneGroup();  // 全市开发区: the city's zones together
      end += 3;
    }
    out.push_back({word.begin, end, entity});
  }
  // Zones in no dictionary, by the form of their names: 某某经济开发区, 某某高新区.
  static constexpr std::u32string_view kZoneSuffixes[] = {
      U"经济技术开发区", U"高新技术产业开发区", U"经济开发区", U"经开区",
      U"高新区",         U"产业园区",           U"工业园区"};
  std::optional<CoverIndex> known_mentions;
  for (auto suffix : kZoneSuffixes) {
    for (std::size_t at = s.find(suffix); at != std::u32string_view::npos;
         at = s.find(suffix, at + 1)) {
      if (!known_mentions) {
        known_mentions.emplace(s.size());
        for (const EntityMention& m : out) known_mentions->Add(m.begin, m.end);
      }
      std::size_t end = at + suffix.size();
      int begin = known_mentions->Covers(at, end) ? -1 : PlaceNameBefore(s, end);
      if (begin >= 0 && at - static_cast<std::size_t>(begin) >= 2) {
        out.push_back({static_cast<std::size_t>(begin), end,
                       ZoneNameByForm(ctx.dictionary, s.substr(begin, end - begin))});
        known_mentions->Add(out.back().begin, out.back().end);
      }
    }
  }
  // 各开发区, 各县区: a figure for each of them, not for any one place or their total.
  for (CueSpan word : ctx.cues.FindAll(CueCategory::kEach, s)) {
    out.push_back({word.begin, word.end, std::string(kEachEntity)});
  }
  std::sort(out.begin(), out.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
  return out;
}

// The years and spans a sentence names (FindTimeMentions), by position: the last one starting
// before a position is found by binary search.
class YearIndex {
 public:
  YearIndex(std::u32string_view s, const DocumentTime& time)
      : mentions_(FindTimeMentions(s, time)) {}

  // The last year or span named before `before`.
  std::optional<TimeMention> Before(std::size_t before) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), before,
                               [](const TimeMention& m, std::size_t at) { return m.begin < at; });
    if (it == mentions_.begin()) return std::nullopt;
    return *std::prev(it);
  }

 private:
  std::vector<TimeMention> mentions_;  // ascending by begin
};

// 的预期目标 / 的目标 after a figure: 增长4.5%左右的预期目标有望实现.
bool FollowedByTarget(std::u32string_view after) {
  for (std::u32string_view w :
       {std::u32string_view(U"的预期目标"), std::u32string_view(U"的目标"),
        std::u32string_view(U"的年度目标"), std::u32string_view(U"的全年目标")}) {
    if (after.starts_with(w)) return true;
  }
  return false;
}

// The original lines of one paragraph in code points, each decoded once however many quotes
// are cut from it.
class OriginalLines {
 public:
  explicit OriginalLines(const Document& doc) : doc_(doc) {}
  const std::u32string& Line(int number) {
    auto [it, added] = lines_.try_emplace(number);
    if (added) it->second = ToUtf32(doc_.Line(number).original);
    return it->second;
  }

 private:
  const Document& doc_;
  std::unordered_map<int, std::u32string> lines_;
};

// The original text of paragraph code points [begin, end), across lines.
std::string Quote(OriginalLines& originals, const Paragraph& p, std::size_t begin,
                  std::size_t end) {
  std::string out;
  std::size_t i = begin;
  while (i < end) {
    int line = p.line_of[i];
    std::size_t j = i;
    while (j < end && p.line_of[j] == line) ++j;
    std::u32string_view text = originals.Line(line);
    int from = p.column_of[i];
    int to = p.column_of[j - 1] + 1;
    to = std::min<int>(to, static_cast<int>(text.size()));
    if (from < to) out += ToUtf8(text.substr(from, to - from));
    i = j;
  }
  return out;
}

// A quote is its sentence, or for a longer sentence the clauses around the figure, at most
// this many code points.
constexpr std::size_t kMaxQuoteCodePoints = 300;
// ...and on lines this close to the figure's, well inside the lines the quote checker searches
// (src/load/fact_checker.cc looks 24 lines either way).
constexpr int kQuoteLineReach = 20;

bool IsClauseMark(char32_t c) {
  return c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'：' || c == U':' ||
         c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?';
}

struct Reading {
  std::string entity;
  std::vector<const Indicator*> indicators;  // usually one; 城镇、农村…收入 gives two
  std::size_t begin;                         // the indicator mention
  std::size_t end;
};

class SentenceReader {
 public:
  SentenceReader(ExtractionContext& ctx, const Paragraph& p, OriginalLines& originals,
                 std::size_t begin, std::size_t end)
      : ctx_(ctx),
        p_(p),
        originals_(originals),
        base_(begin),
        s_(std::u32string_view(p.text).substr(begin, end - begin)) {}

  void Read() {
    // Incentive clauses name thresholds, not outcomes or targets: 对…突破50亿元的…给予加10分.
    if (s_.starts_with(U"对") && ctx_.cues.Contains(CueCategory::kIncentive, s_)) {
      return ctx_.NoteUnread(UnreadReason::kIncentive);
    }
    auto indicators = ctx_.indicators.Find(s_);
    if (indicators.empty()) return;
    entities_ = FindEntities(ctx_, s_);
    IndexEntityEnds();
    std::vector<int> out_of_range;
    quantities_ = FindQuantities(s_, &out_of_range);
    for (int at : out_of_range) WarnOutOfRange(static_cast<std::size_t>(at));
    for (std::size_t k = 0; k < indicators.size(); ++k) {
      std::size_t begin = static_cast<std::size_t>(indicators[k].begin);
      std::size_t end = static_cast<std::size_t>(indicators[k].end);
      std::size_t scope_end =
          k + 1 < indicators.size() ? static_cast<std::size_t>(indicators[k + 1].begin) : s_.size();
      const Indicator& indicator = ctx_.IndicatorOf(indicators[k].id);
      // 新增高新技术企业111家 counts new ones, not the stock the indicator measures.
      if (!indicator.id.view().starts_with("new_") && begin >= 2 &&
          ctx_.cues.Contains(CueCategory::kNewlyAdded,
                             s_.substr(begin - std::min<std::size_t>(begin, 3),
                                       std::min<std::size_t>(begin, 3)))) {
        ctx_.NoteUnread(UnreadReason::kNewlyAdded);
        continue;
      }
      Reading r{EntityAt(begin), {&indicator}, begin, end};
      if (r.entity == kEachEntity) {
        ctx_.NoteUnread(UnreadReason::kEachPlace);
        continue;
      }
      // 城镇、农村(常住)居民人均可支配收入分别增长5.1%、8.2%: two indicators share the figures.
      if (indicator.id == "rural_income" && begin >= 3 &&
          (s_.substr(begin - 3, 3) == U"城镇、" || s_.substr(begin - 3, 3) == U"城镇和")) {
        if (const Indicator* urban = ctx_.dictionary.FindIndicator("urban_income")) {
          r.indicators = {urban, &indicator};
        }
      }
      ReadScope(r, end, scope_end);
    }
  }

 private:
  // Mentions by end, each with the largest index (in begin order) of those ending by then.
  void IndexEntityEnds() {
    std::vector<std::size_t> order(entities_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return entities_[a].end < entities_[b].end; });
    std::size_t latest = 0;
    for (std::size_t i : order) {
      latest = std::max(latest, i + 1);
      entity_ends_.push_back(entities_[i].end);
      latest_entity_.push_back(latest);
    }
  }

  // The subject, or the last place named (in the order mentions begin) that ends by `position`.
  std::string EntityAt(std::size_t position) const {
    auto k =
        std::upper_bound(entity_ends_.begin(), entity_ends_.end(), position) - entity_ends_.begin();
    if (k == 0) return ctx_.subject;
    return entities_[latest_entity_[static_cast<std::size_t>(k - 1)] - 1].entity;
  }

  void WarnOutOfRange(std::size_t at) {
    ctx_.diagnostics.Warning("X002",
                             {ctx_.doc.path, p_.line_of[base_ + at], p_.column_of[base_ + at] + 1},
                             "a figure too large to be a number: no fact is made of it");
  }

  void ReadScope(const Reading& r, std::size_t from, std::size_t to) {
    std::size_t previous = from;
    std::size_t levels = 0, growths = 0;
    // Quantities stand in the order they begin: only those of this scope are visited.
    auto first = std::partition_point(
        quantities_.begin(), quantities_.end(),
        [&](const Quantity& q) { return static_cast<std::size_t>(q.begin) < from; });
    for (auto it = first; it != quantities_.end(); ++it) {
      const Quantity& q = *it;
      std::size_t qb = static_cast<std::size_t>(q.begin);
      if (qb >= to) break;
      std::size_t qe = static_cast<std::size_t>(q.end);
      // The words between the last figure and this one (none when they touch).
      std::u32string_view window =
          qb > previous ? s_.substr(previous, qb - previous) : std::u32string_view();
      previous = qe;
      if (ctx_.cues.Contains(CueCategory::kNotThisIndicator, window)) {
        ctx_.NoteUnread(UnreadReason::kShare);
        continue;
      }
      if (q.unit == "%") {
        bool cued = ctx_.cues.Contains(CueCategory::kGrowth, window) ||
                    (growths > 0 && growths < r.indicators.size());
        if (!cued || growths >= r.indicators.size()) {
          ctx_.NoteUnread(cued ? UnreadReason::kSurplus : UnreadReason::kNoGrowthWord);
          continue;
        }
        double value = ctx_.cues.Contains(CueCategory::kDecline, window) ? -q.value : q.value;
        Emit(r, *r.indicators[growths], Measure::kGrowth, value, "%", q.qualifier, qb, qe);
        ++growths;
        continue;
      }
      if (levels >= r.indicators.size()) {
        ctx_.NoteUnread(UnreadReason::kSurplus);
        continue;
      }
      const Indicator& indicator = *r.indicators[levels];
      std::string unit = q.unit;
      double value = q.value;
      // 突破百亿大关: an amount in 亿 with its 元 left unsaid.
      std::u32string_view number =
          s_.substr(static_cast<std::size_t>(q.number_begin),
                    static_cast<std::size_t>(q.number_end - q.number_begin));
      if (unit.empty() && indicator.AcceptsUnit(Measure::kLevel, "元") &&
          (number.find(U'亿') != std::u32string_view::npos ||
           number.find(U'億') != std::u32string_view::npos)) {
        unit = "元";
      }
      if (unit.empty() || unit == "pp" || !indicator.AcceptsUnit(Measure::kLevel, unit)) {
        ctx_.NoteUnread(unit.empty()   ? UnreadReason::kNoUnit
                        : unit == "pp" ? UnreadReason::kPoints
                                       : UnreadReason::kUnit,
                        q.surface_unit);
        continue;
      }
      Emit(r, indicator, Measure::kLevel, value, unit, q.qualifier, qb, qe);
      ++levels;
    }
    // 与去年同期基本持平: a growth of zero.
    if (growths == 0) {
      std::u32string_view scope = s_.substr(from, to - from);
      // The first occurrence of the first flat cue found.
      std::vector<CueSpan> flats = ctx_.cues.FindAll(CueCategory::kFlat, scope);
      if (!flats.empty() &&
          !ctx_.cues.Contains(CueCategory::kNotThisIndicator, scope.substr(0, flats[0].begin))) {
        Emit(r, *r.indicators.front(), Measure::kGrowth, 0, "%", Qualifier::kNone,
             from + flats[0].begin, from + flats[0].end);
      }
    }
  }

  // The cue indexes, built the first time a figure of the sentence is read.
  struct Cues {
    Cues(std::u32string_view s, const DocumentTime& time, const CueSet& cues)
        : years(s, time),
          target(s, cues, CueCategory::kTarget),
          preliminary(s, cues, CueCategory::kPreliminary),
          strive(s, cues, CueCategory::kStrive),
          clause_ends(s, kClauseEnds) {}
    YearIndex years;
    CueIndex target;
    CueIndex preliminary;
    CueIndex strive;
    CueIndex clause_ends;
  };

  void Emit(const Reading& r, const Indicator& indicator, Measure measure, double value,
            const std::string& unit, Qualifier qualifier, std::size_t at, std::size_t figure_end) {
    const std::size_t npos = std::u32string_view::npos;
    if (!cues_) cues_.emplace(s_, ctx_.time, ctx_.cues);
    // The year: the sentence's own (2023年, 今年, 过去一年), else its section's, else the
    // document's. A span (过去五年, 十四五期间) makes the figure no one year's.
    std::optional<TimeMention> mention = cues_->years.Before(at);
    if (mention && !mention->year && !mention->current) {
      return ctx_.NoteUnread(UnreadReason::kSpanOfYears);
    }
    const bool year = mention && mention->year;  // the sentence names the figure's year
    int period = year ? *mention->year : p_.section.year ? *p_.section.year : ctx_.report_year;
    if (period == 0) {  // no year anywhere: nothing to say when
      return ctx_.NoteUnread(UnreadReason::kNoYear);
    }
    std::size_t target_cue = cues_->target.LastBefore(at);
    TargetCueUse target_use =
        target_cue == npos ? TargetCueUse::kNone : ReadTargetCue(s_, target_cue, at);
    if (target_use == TargetCueUse::kNone) target_cue = npos;
    // 增长4.5%左右的预期目标: the target named after its figure.
    if (target_use == TargetCueUse::kNone && FollowedByTarget(s_.substr(figure_end))) {
      target_use = TargetCueUse::kTarget;
      target_cue = figure_end;
    }
    std::size_t estimate_cue = cues_->preliminary.LastBefore(at);
    const int first_line = p_.line_of[base_];
    ExtractionContext::TargetList& list = ctx_.target_list;
    // (预计 in a list of targets forecasts: 进出口总值预计增长3%.)
    const bool continues_list = list.period && !year && target_use == TargetCueUse::kNone &&
                                first_line <= list.last_line + 1 &&
                                p_.section.kind != FactKind::kActual;
    // The sentence's own cues decide; then a year the sentence names, read against the year
    // the document reports on; then a target list running on; then the section; then the
    // document.
    FactKind kind;
    const bool after_report = ctx_.report_year && period > ctx_.report_year;
    if (target_use == TargetCueUse::kPlanOfOutcomeYear) {
      kind = FactKind::kTarget;
    } else if (continues_list && estimate_cue != npos) {
      kind = FactKind::kTarget;
      period = list.period;
    } else if (estimate_cue != npos && (target_cue == npos || estimate_cue > target_cue) &&
               !after_report) {
      kind = FactKind::kActual;
    } else if (target_cue != npos) {
      kind = FactKind::kTarget;
    } else if (year && ctx_.report_year && period != p_.section.year) {
      kind = after_report ? FactKind::kTarget : FactKind::kActual;
    } else if (continues_list) {
      kind = FactKind::kTarget;
      period = list.period;
    } else if (p_.section.kind) {
      kind = *p_.section.kind;
    } else {
      kind = after_report ? FactKind::kTarget : FactKind::kActual;
    }
    // A target the sentence dates by neither year nor section is the plan year's; the plan an
    // outcome is measured against (完成年计划…) is the outcome year's.
    if (!year && !p_.section.year && !continues_list && kind == FactKind::kTarget &&
        target_use != TargetCueUse::kPlanOfOutcomeYear && ctx_.time.plan_year) {
      period = ctx_.time.plan_year;
    }
    const int last_line = p_.line_of[base_ + s_.size() - 1];
    if (kind == FactKind::kTarget && target_use != TargetCueUse::kPlanOfOutcomeYear) {
      if (target_use == TargetCueUse::kTarget || continues_list) list = {last_line, period};
    } else if (kind == FactKind::kActual && first_line > list.last_line) {
      list = {};
    }
    Fact f;
    f.key = {r.entity, indicator.id, measure, period, kind};
    f.value = value;
    f.unit = unit;
    f.qualifier = qualifier;
    f.preliminary = kind == FactKind::kActual && (p_.preliminary || estimate_cue != npos);
    // 力争 marks the items of its own clause: 增长5%左右,力争突破百亿大关;规上工业增加值…
    std::size_t clause = cues_->clause_ends.LastBefore(r.begin);
    std::size_t strive_cue = cues_->strive.LastBefore(at);
    f.strive =
        kind == FactKind::kTarget && strive_cue != npos && (clause == npos || strive_cue > clause);
    f.source = {ctx_.doc.path, p_.line_of[base_ + at], QuoteFor(r.begin, at, figure_end)};
    ctx_.out.push_back(std::move(f));
  }

  // The sentence, or the clauses from the indicator's (else the figure's) to the figure's end.
  std::string QuoteFor(std::size_t indicator, std::size_t at, std::size_t figure_end) {
    std::size_t begin = 0, end = s_.size();
    if (s_.size() > kMaxQuoteCodePoints) {
      if (clause_marks_.empty()) {
        for (std::size_t i = 0; i < s_.size(); ++i) {
          if (IsClauseMark(s_[i])) clause_marks_.push_back(i);
        }
        clause_marks_.push_back(s_.size());
      }
      begin = ClauseStart(indicator);
      if (figure_end - begin > kMaxQuoteCodePoints) begin = ClauseStart(at);
      if (figure_end - begin > kMaxQuoteCodePoints) begin = figure_end - kMaxQuoteCodePoints;
      end = std::min(*std::lower_bound(clause_marks_.begin(), clause_marks_.end(), figure_end) + 1,
                     s_.size());
      end = std::min(end, begin + kMaxQuoteCodePoints);
    } else if (!quote_.empty()) {
      return quote_;
    }
    // Keep to lines near the figure's, where the quote checker looks for it.
    const int line = p_.line_of[base_ + at];
    while (begin < at && p_.line_of[base_ + begin] < line - kQuoteLineReach) ++begin;
    while (end > figure_end && p_.line_of[base_ + end - 1] > line + kQuoteLineReach) --end;
    std::string quote = Quote(originals_, p_, base_ + begin, base_ + end);
    if (s_.size() <= kMaxQuoteCodePoints && begin == 0 && end == s_.size()) quote_ = quote;
    return quote;
  }

  // Just after the last clause mark before `position`, or the sentence's start.
  std::size_t ClauseStart(std::size_t position) const {
    auto it = std::lower_bound(clause_marks_.begin(), clause_marks_.end(), position);
    return it == clause_marks_.begin() ? 0 : *std::prev(it) + 1;
  }

  ExtractionContext& ctx_;
  const Paragraph& p_;
  OriginalLines& originals_;
  std::size_t base_;
  std::u32string_view s_;
  std::vector<EntityMention> entities_;
  std::vector<std::size_t> entity_ends_;    // ascending
  std::vector<std::size_t> latest_entity_;  // 1 + index into entities_
  std::vector<Quantity> quantities_;
  std::optional<Cues> cues_;
  std::vector<std::size_t> clause_marks_;  // positions, then s_.size()
  std::string quote_;                      // the whole sentence, once quoted
};

}  // namespace

void ExtractSentences(ExtractionContext& ctx) {
  for (const Paragraph& p : ctx.doc.paragraphs) {
    OriginalLines originals(ctx.doc);
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= p.text.size(); ++i) {
      if (i < p.text.size() && !IsSentenceEnd(p.text[i])) continue;
      std::size_t end = std::min(i + 1, p.text.size());
      const std::size_t facts_before = ctx.out.size();
      if (end > begin) SentenceReader(ctx, p, originals, begin, end).Read();
      if (ctx.unread && end > begin) {
        ctx.unread->EndSentence(ctx, p, begin, end, std::span(ctx.out).subspan(facts_before));
      }
      begin = end;
    }
  }
}

}  // namespace kaohe::internal
