// Facts from running text. Each sentence is read as a sequence of mentions: places, indicators,
// years, cue words and quantities. An indicator owns the quantities after it up to the next
// indicator; a place named before it in the sentence owns its figures; the year and kind come
// from the sentence's own cues, else from the section it stands in.
#include <algorithm>
#include <optional>
#include <span>

#include "engine/units.h"
#include "src/extract/cues.h"
#include "src/extract/extraction_context.h"
#include "src/extract/quantity.h"
#include "src/extract/subject.h"

namespace kaohe::internal {
namespace {

bool HasAny(std::u32string_view text, std::span<const std::u32string_view> words) {
  for (auto w : words) {
    if (text.find(w) != std::u32string_view::npos) return true;
  }
  return false;
}

// The position of the last occurrence of any of `words` in text[0, before), or npos.
std::size_t LastOf(std::u32string_view text, std::size_t before,
                   std::span<const std::u32string_view> words) {
  std::size_t best = std::u32string_view::npos;
  std::u32string_view head = text.substr(0, std::min(before, text.size()));
  for (auto w : words) {
    std::size_t at = head.rfind(w);
    if (at != std::u32string_view::npos && (best == std::u32string_view::npos || at > best)) {
      best = at;
    }
  }
  return best;
}

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
  for (const PhraseMatch& m : ctx.entities.Find(s)) {
    const Entity& e = ctx.EntityOf(m.id);
    if (e.kind == EntityKind::kProvince) continue;
    out.push_back({static_cast<std::size_t>(m.begin), static_cast<std::size_t>(m.end), e.name});
  }
  for (auto word : cues::kSubjectWords) {
    for (std::size_t at = s.find(word); at != std::u32string_view::npos;
         at = s.find(word, at + 1)) {
      std::string entity = ctx.subject;
      std::size_t end = at + word.size();
      if (s.substr(end).starts_with(U"开发区") || s.substr(end).starts_with(U"各开发区")) {
        entity = ctx.SubjectZoneGroup();  // 全市开发区: the city's zones together
        end += 3;
      }
      out.push_back({at, end, entity});
    }
  }
  // Zones in no dictionary, by the form of their names: 某某经济开发区, 某某高新区.
  static constexpr std::u32string_view kZoneSuffixes[] = {
      U"经济技术开发区", U"高新技术产业开发区", U"经济开发区", U"经开区",
      U"高新区",         U"产业园区",           U"工业园区"};
  for (auto suffix : kZoneSuffixes) {
    for (std::size_t at = s.find(suffix); at != std::u32string_view::npos;
         at = s.find(suffix, at + 1)) {
      std::size_t end = at + suffix.size();
      bool known = std::any_of(out.begin(), out.end(), [&](const EntityMention& m) {
        return m.begin <= at && m.end >= end;
      });
      int begin = known ? -1 : PlaceNameBefore(s, end);
      if (begin >= 0 && at - static_cast<std::size_t>(begin) >= 2) {
        out.push_back({static_cast<std::size_t>(begin), end, ToUtf8(s.substr(begin, end - begin))});
      }
    }
  }
  // 各开发区, 各县区: a figure for each of them, not for any one place or their total.
  for (auto word : cues::kEach) {
    for (std::size_t at = s.find(word); at != std::u32string_view::npos;
         at = s.find(word, at + 1)) {
      out.push_back({at, at + word.size(), std::string(kEachEntity)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
  return out;
}

// The last year named before `before` that is not part of a range (2023—2025年).
std::optional<int> YearBefore(std::u32string_view s, std::size_t before) {
  std::optional<int> year;
  for (std::size_t i = 0; i + 5 <= s.size() && i + 5 <= before + 5 && i < before; ++i) {
    auto y = SingleYear(s.substr(i, 5));
    if (!y || (i > 0 && s[i - 1] >= U'0' && s[i - 1] <= U'9')) continue;
    bool in_range = (i + 5 < s.size() && (s[i + 4] == U'—' || s[i + 4] == U'-')) ||
                    (i > 0 && (s[i - 1] == U'—' || s[i - 1] == U'-'));
    if (!in_range) year = y;
  }
  // A year straight before a range start is still a range: skip "2023—2025年".
  return year;
}

// The original text of paragraph code points [begin, end), across lines.
std::string Quote(const ExtractionContext& ctx, const Paragraph& p, std::size_t begin,
                  std::size_t end) {
  std::string out;
  std::size_t i = begin;
  while (i < end) {
    int line = p.line_of[i];
    std::size_t j = i;
    while (j < end && p.line_of[j] == line) ++j;
    const std::string& original = ctx.doc.lines[static_cast<std::size_t>(line - 1)].original;
    std::u32string text = ToUtf32(original);
    int from = p.column_of[i];
    int to = p.column_of[j - 1] + 1;
    to = std::min<int>(to, static_cast<int>(text.size()));
    if (from < to) out += ToUtf8(std::u32string_view(text).substr(from, to - from));
    i = j;
  }
  return out;
}

struct Reading {
  std::string entity;
  std::vector<const Indicator*> indicators;  // usually one; 城镇、农村…收入 gives two
  std::size_t begin;                         // the indicator mention
  std::size_t end;
};

class SentenceReader {
 public:
  SentenceReader(ExtractionContext& ctx, const Paragraph& p, std::size_t begin, std::size_t end)
      : ctx_(ctx),
        p_(p),
        base_(begin),
        s_(std::u32string_view(p.text).substr(begin, end - begin)) {}

  void Read() {
    // Incentive clauses name thresholds, not outcomes or targets: 对…突破50亿元的…给予加10分.
    if (s_.starts_with(U"对") && HasAny(s_, cues::kIncentive)) return;
    auto indicators = ctx_.indicators.Find(s_);
    if (indicators.empty()) return;
    entities_ = FindEntities(ctx_, s_);
    quantities_ = FindQuantities(s_);
    quote_ = Quote(ctx_, p_, base_, base_ + s_.size());
    for (std::size_t k = 0; k < indicators.size(); ++k) {
      std::size_t begin = static_cast<std::size_t>(indicators[k].begin);
      std::size_t end = static_cast<std::size_t>(indicators[k].end);
      std::size_t scope_end =
          k + 1 < indicators.size() ? static_cast<std::size_t>(indicators[k + 1].begin) : s_.size();
      const Indicator& indicator = ctx_.IndicatorOf(indicators[k].id);
      // 新增高新技术企业111家 counts new ones, not the stock the indicator measures.
      if (!indicator.id.view().starts_with("new_") && begin >= 2 &&
          HasAny(
              s_.substr(begin - std::min<std::size_t>(begin, 3), std::min<std::size_t>(begin, 3)),
              cues::kNewlyAdded)) {
        continue;
      }
      Reading r{EntityAt(begin), {&indicator}, begin, end};
      if (r.entity == kEachEntity) continue;
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
  std::string EntityAt(std::size_t position) const {
    std::string entity = ctx_.subject;
    for (const EntityMention& m : entities_) {
      if (m.end <= position) entity = m.entity;
    }
    return entity;
  }

  void ReadScope(const Reading& r, std::size_t from, std::size_t to) {
    std::size_t previous = from;
    std::size_t levels = 0, growths = 0;
    for (const Quantity& q : quantities_) {
      std::size_t qb = static_cast<std::size_t>(q.begin);
      if (qb < from || qb >= to) continue;
      std::u32string_view window = s_.substr(previous, qb - previous);
      previous = static_cast<std::size_t>(q.end);
      if (HasAny(window, cues::kNotTheIndicator)) continue;
      if (q.unit == "%") {
        bool cued = HasAny(window, cues::kGrowth) || (growths > 0 && growths < r.indicators.size());
        if (!cued || growths >= r.indicators.size()) continue;
        double value = HasAny(window, cues::kDecline) ? -q.value : q.value;
        Emit(r, *r.indicators[growths], Measure::kGrowth, value, "%", q.qualifier, qb);
        ++growths;
        continue;
      }
      if (levels >= r.indicators.size()) continue;
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
      if (unit.empty() || unit == "pp" || !indicator.AcceptsUnit(Measure::kLevel, unit)) continue;
      Emit(r, indicator, Measure::kLevel, value, unit, q.qualifier, qb);
      ++levels;
    }
    // 与去年同期基本持平: a growth of zero.
    if (growths == 0) {
      std::u32string_view scope = s_.substr(from, to - from);
      for (auto flat : cues::kFlat) {
        std::size_t at = scope.find(flat);
        if (at == std::u32string_view::npos) continue;
        if (HasAny(scope.substr(0, at), cues::kNotTheIndicator)) break;
        Emit(r, *r.indicators.front(), Measure::kGrowth, 0, "%", Qualifier::kNone, from + at);
        break;
      }
    }
  }

  void Emit(const Reading& r, const Indicator& indicator, Measure measure, double value,
            const std::string& unit, Qualifier qualifier, std::size_t at) {
    const std::size_t npos = std::u32string_view::npos;
    std::optional<int> year = YearBefore(s_, r.begin);
    int period = year ? *year : p_.section.year ? *p_.section.year : ctx_.report_year;
    if (period == 0) return;  // no year anywhere: nothing to say when
    std::size_t target_cue = LastOf(s_, at, cues::kTarget);
    std::size_t estimate_cue = LastOf(s_, at, cues::kPreliminary);
    // The sentence's own cues decide; then a year the sentence names, read against the year
    // the document reports on; then the section.
    FactKind kind;
    const bool after_report = ctx_.report_year && period > ctx_.report_year;
    if (estimate_cue != npos && (target_cue == npos || estimate_cue > target_cue) &&
        !after_report) {
      kind = FactKind::kActual;
    } else if (target_cue != npos) {
      kind = FactKind::kTarget;
    } else if (year && ctx_.report_year && *year != p_.section.year) {
      kind = after_report ? FactKind::kTarget : FactKind::kActual;
    } else if (p_.section.kind) {
      kind = *p_.section.kind;
    } else {
      kind = after_report ? FactKind::kTarget : FactKind::kActual;
    }
    Fact f;
    f.key = {r.entity, indicator.id, measure, period, kind};
    f.value = value;
    f.unit = unit;
    f.qualifier = qualifier;
    f.preliminary = kind == FactKind::kActual && (p_.preliminary || estimate_cue != npos);
    // 力争 marks the items of its own clause: 增长5%左右,力争突破百亿大关;规上工业增加值…
    std::size_t clause = LastOf(s_, r.begin, kClauseEnds);
    std::size_t strive_cue = LastOf(s_, at, cues::kStrive);
    f.strive =
        kind == FactKind::kTarget && strive_cue != npos && (clause == npos || strive_cue > clause);
    f.source = {ctx_.doc.path, p_.line_of[base_ + at], quote_};
    ctx_.out.push_back(std::move(f));
  }

  ExtractionContext& ctx_;
  const Paragraph& p_;
  std::size_t base_;
  std::u32string_view s_;
  std::vector<EntityMention> entities_;
  std::vector<Quantity> quantities_;
  std::string quote_;
};

}  // namespace

void ExtractSentences(ExtractionContext& ctx) {
  for (const Paragraph& p : ctx.doc.paragraphs) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= p.text.size(); ++i) {
      if (i < p.text.size() && !IsSentenceEnd(p.text[i])) continue;
      std::size_t end = std::min(i + 1, p.text.size());
      if (end > begin) SentenceReader(ctx, p, begin, end).Read();
      begin = end;
    }
  }
}

}  // namespace kaohe::internal
