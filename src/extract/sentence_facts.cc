// Facts from running text. Each sentence is read as a sequence of mentions: places, indicators,
// years, cue words and quantities. An indicator owns the quantities after it up to the next
// indicator; a place named before it in the sentence owns its figures; the year and kind come
// from the sentence's own cues, else from the section it stands in.
#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <unordered_map>

#include "engine/units.h"
#include "src/extract/document_time.h"
#include "src/extract/extraction_context.h"
#include "src/extract/quantity.h"
#include "src/extract/statement_words.h"
#include "src/extract/subject.h"

namespace kaohe::internal {
namespace {

bool HasAny(std::u32string_view text, std::span<const std::u32string_view> words) {
  for (auto w : words) {
    if (text.find(w) != std::u32string_view::npos) return true;
  }
  return false;
}

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

// Bullets (●, ■, ◆) start a statement of their own where a list of them is joined on one line.
bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'!' || c == U'?' || c == U'！' || c == U'？' || c == U'●' ||
         c == U'■' || c == U'◆';
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

bool IsClauseMark(char32_t c);

// Whether the words after a place name its own figures: no clause ends within the next few
// code points, and no body of the place (政府, 人大, 统计局 …) follows it.
bool OpensClause(std::u32string_view s, std::size_t end) {
  constexpr std::size_t kReach = 12;
  std::u32string_view after = s.substr(end, std::min(kReach, s.size() - end));
  for (char32_t c : after) {
    if (IsClauseMark(c)) return false;
  }
  static constexpr std::u32string_view kBodies[] = {
      U"政府", U"人民", U"人大", U"省委", U"委员会", U"统计局", U"发展和改革", U"发改委", U"平均"};
  return std::none_of(std::begin(kBodies), std::end(kBodies),
                      [&](std::u32string_view w) { return after.starts_with(w); });
}

// Places named in the sentence, and the words that name the subject itself (全市, 我区).
std::vector<EntityMention> FindEntities(const ExtractionContext& ctx, std::u32string_view s,
                                        bool any_province = false) {
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
    // A province owns the figures only where it opens their clause (今年广西经济增长预期目标为
    // 6.5%以上; 海南预计货物进出口总额突破2000亿元): in a city's or county's report it is named
    // as a comparison or an authority (高于安徽省平均水平, 根据海南省政府工作报告，…).
    if (e->kind == EntityKind::kProvince && !any_province && !OpensClause(s, m.end)) continue;
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
  // In a place's own document its districts and counties go by their short names too: 香洲、
  // 金湾和斗门三个行政区 in a report of 珠海市. (Elsewhere a short name may be an ordinary word.)
  if (subject()) {
    std::optional<CoverIndex> named;
    for (const auto& [short_name, name] : ctx.SubjectChildrenShortNames()) {
      for (std::size_t at = s.find(short_name); at != std::u32string_view::npos;
           at = s.find(short_name, at + 1)) {
        if (!named) {
          named.emplace(s.size());
          for (const EntityMention& m : out) named->Add(m.begin, m.end);
        }
        if (named->Covers(at, at + short_name.size())) continue;
        out.push_back({at, at + short_name.size(), name});
      }
    }
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
  // 大兴安岭地区生产总值: the name's 地区 is also the indicator's; the place ends before it.
  for (EntityMention& m : out) {
    if (m.end - m.begin > 4 && s.substr(m.end - 2, 2) == U"地区" &&
        s.substr(m.end).starts_with(U"生产总值")) {
      m.end -= 2;
    }
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
  return ParagraphOriginal(p, begin, end,
                           [&](int line) -> std::u32string_view { return originals.Line(line); });
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
  std::vector<const Indicator*> indicators;  // one; a list's pairs are emitted one by one
  std::size_t begin;                         // the indicator mention
  std::size_t end;
};

// The words that join the items of a list (A、B和C) and its figures (5%、6%和7%).
constexpr std::u32string_view kListJoins[] = {U"以及", U"、", U"和", U"及", U"与", U" "};

// True when `gap` is nothing but list joins (or empty).
bool IsListJoin(std::u32string_view gap) {
  while (!gap.empty()) {
    bool found = false;
    for (auto join : kListJoins) {
      if (gap.starts_with(join)) {
        gap.remove_prefix(join.size());
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

// Words between a list of indicators and its 分别 that say nothing of whom: 同比, 预计, 增长 …
constexpr std::u32string_view kListTails[] = {U"同比", U"预计", U"全年", U"比上年", U"增长",
                                              U"增速", U"增幅", U"数量", U"总数",   U"今年"};

bool IsPartialYearChar(char32_t c) { return c == U'月' || c == U'季' || c == U'半'; }

// Where a part of the year is named: 1—9月, 1至11月, 1月至2月, 前2个月, 上半年, 三季度, 12月份;
// not 1—12月, and not after a comparison word (比上半年提高). Every form has 月, 季 or 半: the
// sentence is read at those characters only.
std::vector<std::size_t> PartialYearMarks(std::u32string_view s) {
  std::vector<std::size_t> out;
  auto compared = [&](std::size_t at) {
    for (auto w : words::kComparison) {
      if (at >= w.size() && s.substr(at - w.size(), w.size()) == w) return true;
    }
    return false;
  };
  auto is_digit = [&](std::size_t i) { return s[i] >= U'0' && s[i] <= U'9'; };
  // The number of one or two digits ending just before `end`, and where it begins.
  auto number_before = [&](std::size_t end, std::size_t* begin) {
    std::size_t b = end;
    while (b > 0 && end - b < 2 && is_digit(b - 1)) --b;
    if (b == end || (b > 0 && is_digit(b - 1))) return -1;
    int v = 0;
    for (std::size_t k = b; k < end; ++k) v = v * 10 + static_cast<int>(s[k] - U'0');
    *begin = b;
    return v;
  };
  constexpr std::u32string_view kRange = U"—-~至到–";
  constexpr std::u32string_view kCount = U"一二两三四五六七八九十";
  for (std::size_t at = 0; at < s.size(); ++at) {
    if (!IsPartialYearChar(s[at])) continue;
    std::u32string_view rest = s.substr(at);
    std::size_t begin = at;
    bool found = false;
    if (rest.starts_with(U"季度")) {
      // 前三季度, 第一季度, 一季度, 四季度: the words before 季度 belong to it.
      while (begin > 0 && at - begin < 3 &&
             std::u32string_view(U"前第一二三四").find(s[begin - 1]) != std::u32string_view::npos) {
        --begin;
      }
      found = true;
    } else if (rest.starts_with(U"半年") && at > 0 && (s[at - 1] == U'上' || s[at - 1] == U'下')) {
      begin = at - 1;
      found = true;
    } else if (rest.starts_with(U"月")) {
      std::size_t to_begin = 0;
      int to = number_before(at, &to_begin);
      if (rest.starts_with(U"月份") && to > 0) {
        begin = to_begin;
        found = true;
      } else if (to > 0 && to_begin > 0 &&
                 kRange.find(s[to_begin - 1]) != std::u32string_view::npos) {
        // 1—9月, 1月至2月
        std::size_t from_end = to_begin - 1;
        if (from_end > 0 && s[from_end - 1] == U'月') --from_end;
        std::size_t from_begin = 0;
        int from = number_before(from_end, &from_begin);
        if (from >= 1 && to <= 12 && from < to && !(from == 1 && to == 12)) {
          begin = from_begin;
          found = true;
        }
      }
      if (!found) {
        // 前2个月, 前三个月, 前两月
        std::size_t k = at;
        if (k > 0 && s[k - 1] == U'个') --k;
        std::size_t digits = k;
        while (digits > 0 && k - digits < 2 &&
               (is_digit(digits - 1) || kCount.find(s[digits - 1]) != std::u32string_view::npos)) {
          --digits;
        }
        if (digits < k && digits > 0 && s[digits - 1] == U'前') {
          begin = digits - 1;
          found = true;
        }
      }
    }
    if (found && !compared(begin)) out.push_back(begin);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class SentenceReader {
 public:
  // `partial` carries, from one sentence to the next, whether the last one spoke of a part of
  // the year, for a sentence that goes on with 同期 (the same months).
  SentenceReader(ExtractionContext& ctx, const Paragraph& p, OriginalLines& originals,
                 std::size_t begin, std::size_t end, bool& partial)
      : ctx_(ctx),
        p_(p),
        originals_(originals),
        base_(begin),
        s_(std::u32string_view(p.text).substr(begin, end - begin)),
        partial_(partial) {}

  void Read() {
    FindPartialYear(partial_);
    // Incentive clauses name thresholds, not outcomes or targets: 对…突破50亿元的…给予加10分.
    if (s_.starts_with(U"对") && ctx_.cues.Contains(CueCategory::kIncentive, s_)) {
      return ctx_.NoteUnread(UnreadReason::kIncentive);
    }
    mentions_ = ctx_.indicators.Find(s_);
    DropParenthesised();
    bool lists =
        std::any_of(s_.begin(), s_.end(), [](char32_t c) { return c == U'分' || c == U'均'; }) &&
        (HasAny(s_, kDistributive) || HasAny(s_, kShared));
    if (mentions_.empty() && !lists) return ReadPlaceValues();
    if (!mentions_.empty()) NoteTopic();
    entities_ = FindEntities(ctx_, s_);
    IndexEntityEnds();
    std::vector<int> out_of_range;
    quantities_ = FindQuantities(s_, &out_of_range);
    for (int at : out_of_range) WarnOutOfRange(static_cast<std::size_t>(at));
    claimed_.assign(quantities_.size(), false);
    const std::size_t first_fact = ctx_.out.size();
    if (lists) ReadLists();
    for (std::size_t k = 0; k < mentions_.size(); ++k) {
      std::size_t begin = static_cast<std::size_t>(mentions_[k].begin);
      std::size_t end = static_cast<std::size_t>(mentions_[k].end);
      std::size_t scope_end =
          k + 1 < mentions_.size() ? static_cast<std::size_t>(mentions_[k + 1].begin) : s_.size();
      const Indicator& indicator = ctx_.IndicatorOf(mentions_[k].id);
      ReadStock(indicator, begin, end, scope_end);
      if (!ReadsAsIndicator(indicator, begin)) {
        ctx_.NoteUnread(UnreadReason::kNewlyAdded);
        continue;
      }
      // 第三产业中，批发和零售业…: the figures after it are of its parts.
      std::u32string_view after = s_.substr(end);
      if (after.starts_with(U"中,") || after.starts_with(U"中，")) continue;
      Reading r{EntityAt(begin), {&indicator}, begin, end};
      if (r.entity == kEachEntity) {
        ctx_.NoteUnread(UnreadReason::kEachPlace);
        continue;
      }
      ReadScope(r, end, scope_end);
    }
    InTextOrder(first_fact);
  }

  // Lists are read before the rest of the sentence: the sentence's facts are put back in the
  // order their figures stand.
  void InTextOrder(std::size_t first_fact) {
    if (std::is_sorted(emitted_at_.begin(), emitted_at_.end())) return;
    std::vector<std::size_t> order(emitted_at_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return emitted_at_[a] < emitted_at_[b]; });
    std::vector<Fact> facts;
    facts.reserve(order.size());
    for (std::size_t i : order) facts.push_back(std::move(ctx_.out[first_fact + i]));
    std::move(facts.begin(), facts.end(),
              ctx_.out.begin() + static_cast<std::ptrdiff_t>(first_fact));
  }

 private:
  // 分别 pairs the items of a list with its figures; 均 gives each item the one figure.
  static constexpr std::u32string_view kDistributive[] = {U"分别"};
  static constexpr std::u32string_view kShared[] = {U"均"};

  // Indicator names inside parentheses (…（主要是规模以上工业产值未达预期）…,
  // 区本级地区生产总值（GDP）) are remarks: they neither take figures nor end the scope of the name
  // before them.
  void DropParenthesised() {
    if (s_.find(U'(') == std::u32string_view::npos) return;
    std::vector<int> depth(s_.size() + 1, 0);
    for (std::size_t i = 0; i < s_.size(); ++i) {
      depth[i + 1] = depth[i] + (s_[i] == U'(' ? 1 : s_[i] == U')' && depth[i] > 0 ? -1 : 0);
    }
    std::erase_if(mentions_, [&](const PhraseMatch& m) {
      return depth[static_cast<std::size_t>(m.begin)] > 0 &&
             depth[static_cast<std::size_t>(m.end)] > 0;
    });
  }

  // 新增规上工业企业189家，总数达到1053家 / 新增高新技术企业120家，总数突破2000家: the figure
  // after 总数 is the stock's.
  void ReadStock(const Indicator& indicator, std::size_t begin, std::size_t end,
                 std::size_t scope_end) {
    const Indicator* stock = nullptr;
    if (indicator.id.view().starts_with("new_")) {
      stock = ctx_.dictionary.FindIndicator(indicator.id.view().substr(4));
    } else if (Cue(CueCategory::kNewlyAdded, s_.substr(begin - std::min<std::size_t>(begin, 3),
                                                       std::min<std::size_t>(begin, 3)))) {
      stock = &indicator;
    }
    if (!stock) return;
    std::size_t total = s_.substr(end, scope_end - end).find(U"总数");
    if (total == std::u32string_view::npos) return;
    Reading r{EntityAt(begin), {stock}, begin, end};
    if (r.entity != kEachEntity) ReadScope(r, end + total + 2, scope_end);
  }

  // Whether a cue word of the category stands in `text`.
  bool Cue(CueCategory category, std::u32string_view text) const {
    return ctx_.cues.Contains(category, text);
  }
  // The length of the longest cue of the category that `text` starts with, else 0.
  std::size_t CuePrefix(CueCategory category, std::u32string_view text) const {
    return ctx_.cues.LongestPrefix(category, text);
  }
  // The length of the longest cue of the category that `text` ends with, else 0.
  std::size_t CueSuffix(CueCategory category, std::u32string_view text) const {
    return ctx_.cues.LongestSuffix(category, text);
  }

  // Remembers the last indicator the sentence names, for the places listed after it.
  void NoteTopic() {
    const PhraseMatch& m = mentions_.back();
    const Indicator& indicator = ctx_.IndicatorOf(m.id);
    const auto end = static_cast<std::size_t>(m.end);
    std::u32string_view name = s_.substr(static_cast<std::size_t>(m.begin), end - m.begin);
    std::u32string_view after = s_.substr(end, std::min<std::size_t>(4, s_.size() - end));
    const bool growth = Cue(CueCategory::kGrowth, name) || Cue(CueCategory::kGrowth, after);
    std::optional<int> year;
    for (const TimeMention& t : FindTimeMentions(s_.substr(0, end), ctx_.time)) {
      if (t.year) year = t.year;
    }
    const bool target = Cue(CueCategory::kTarget, s_);
    int period = year ? *year : target ? ctx_.time.plan_year : ctx_.report_year;
    ctx_.topic = {&indicator, growth ? Measure::kGrowth : Measure::kLevel, period,
                  target ? FactKind::kTarget : FactKind::kActual, p_.line_of[base_]};
  }

  // 海南为9.5%左右，江西、新疆为7%左右: places, each followed by 为 and a figure, in a sentence
  // that names no indicator, on the lines after one that named it (the topic).
  void ReadPlaceValues() {
    constexpr int kTopicReach = 6;  // lines
    const ExtractionContext::Topic topic = ctx_.topic;
    const int line = p_.line_of[base_];
    if (!topic.indicator || topic.period == 0 || line - topic.line > kTopicReach) return;
    // Only a sentence where 为 stands right before a figure is read further.
    bool figure_after = false;
    for (std::size_t at = s_.find(U'为'); at != std::u32string_view::npos && !figure_after;
         at = s_.find(U'为', at + 1)) {
      figure_after = at + 1 < s_.size() && s_[at + 1] >= U'0' && s_[at + 1] <= U'9';
    }
    if (!figure_after) return;
    std::vector<EntityMention> places = FindEntities(ctx_, s_, /*any_province=*/true);
    if (places.empty()) return;
    quantities_ = FindQuantities(s_, nullptr);
    std::size_t next_quantity = 0;
    std::vector<const EntityMention*> run;
    for (std::size_t i = 0; i < places.size(); ++i) {
      const EntityMention& m = places[i];
      if (!run.empty()) {
        std::u32string_view gap = s_.substr(run.back()->end, m.begin - run.back()->end);
        if (gap != U"、" && gap != U"和" && gap != U"及") run.clear();
      }
      run.push_back(&m);
      std::u32string_view rest = s_.substr(m.end);
      if (!rest.starts_with(U"为")) continue;
      while (next_quantity < quantities_.size() &&
             static_cast<std::size_t>(quantities_[next_quantity].begin) < m.end + 1) {
        ++next_quantity;
      }
      if (next_quantity == quantities_.size() ||
          static_cast<std::size_t>(quantities_[next_quantity].begin) != m.end + 1) {
        run.clear();
        continue;
      }
      const Quantity& q = quantities_[next_quantity];
      const bool percent = q.unit == "%";
      if (percent != (topic.measure == Measure::kGrowth) ||
          (!percent && !topic.indicator->AcceptsUnit(Measure::kLevel, q.unit))) {
        run.clear();
        continue;
      }
      forced_time_ = std::make_pair(topic.period, topic.kind);
      for (const EntityMention* place : run) {
        if (place->entity == kEachEntity) continue;
        Reading r{place->entity, {topic.indicator}, place->begin, place->end};
        Emit(r, *topic.indicator, topic.measure, q.value, q.unit, q.qualifier,
             static_cast<std::size_t>(q.begin), static_cast<std::size_t>(q.end));
      }
      forced_time_.reset();
      run.clear();
    }
  }

  // Whether the indicator named at `begin` is meant, and not a flow of it (新增高新技术企业111家),
  // a narrower or derived measure (人均生产总值) or a total over years (五年累计完成投资).
  bool ReadsAsIndicator(const Indicator& indicator, std::size_t begin) const {
    auto before = [&](std::size_t n) {
      return s_.substr(begin - std::min(begin, n), std::min(begin, n));
    };
    if (!indicator.id.view().starts_with("new_") && Cue(CueCategory::kNewlyAdded, before(3))) {
      return false;
    }
    for (auto w : words::kNarrowerBefore) {
      if (before(w.size()) == w) return false;
    }
    if (!multi_year_) {
      // Built only where 累(计) or (年)均 stands.
      multi_year_.emplace(
          s_.find_first_of(U"累均") == std::u32string_view::npos ? std::u32string_view() : s_,
          words::kMultiYearBefore);
    }
    std::size_t multi_year = multi_year_->LastBefore(begin);
    return multi_year == std::u32string_view::npos || multi_year < ClauseBegin(begin);
  }

  // Just after the last clause mark before `position`, or the sentence's start.
  std::size_t ClauseBegin(std::size_t position) const {
    if (!clause_begins_) {
      clause_begins_.emplace();
      for (std::size_t i = 0; i < s_.size(); ++i) {
        if (IsClauseMark(s_[i])) clause_begins_->push_back(i + 1);
      }
    }
    auto it = std::upper_bound(clause_begins_->begin(), clause_begins_->end(), position);
    return it == clause_begins_->begin() ? 0 : *std::prev(it);
  }

  // Partial-year phrases, each reaching to the next 全年 or the sentence's end; a sentence
  // opening with 同期 after one that named months is of those months too.
  void FindPartialYear(bool carried) {
    // Every partial-year form has 月, 季 or 半: most sentences are passed over at once.
    // (A lambda, not the function's address, so that the test inlines.)
    if (std::any_of(s_.begin(), s_.end(), [](char32_t c) { return IsPartialYearChar(c); })) {
      partial_marks_ = PartialYearMarks(s_);
    }
    if (carried &&
        (s_.starts_with(U"同期") || s_.starts_with(U"同时期") || s_.starts_with(U"其中"))) {
      partial_marks_.insert(partial_marks_.begin(), 0);
    }
    if (partial_marks_.empty()) {
      partial_ = false;
      return;
    }
    for (auto w : words::kFullYear) {
      for (std::size_t at = s_.find(w); at != std::u32string_view::npos; at = s_.find(w, at + 1)) {
        full_year_marks_.push_back(at);
      }
    }
    std::sort(full_year_marks_.begin(), full_year_marks_.end());
    partial_ = !partial_marks_.empty() &&
               (full_year_marks_.empty() || full_year_marks_.back() < partial_marks_.back());
  }

  // Whether a figure at `at` is of a part of the year.
  bool InPartialYear(std::size_t at) const {
    auto p = std::upper_bound(partial_marks_.begin(), partial_marks_.end(), at);
    if (p == partial_marks_.begin()) return false;
    std::size_t mark = *std::prev(p);
    auto f = std::upper_bound(full_year_marks_.begin(), full_year_marks_.end(), at);
    return f == full_year_marks_.begin() || *std::prev(f) < mark;
  }

  // An indicator whose name is exactly `name`, else nullptr.
  const Indicator* ExactIndicator(std::u32string_view name) const {
    auto found = ctx_.indicators.Find(name);
    if (found.size() != 1 || found[0].begin != 0 ||
        static_cast<std::size_t>(found[0].end) != name.size()) {
      return nullptr;
    }
    return &ctx_.IndicatorOf(found[0].id);
  }

  // The indicator mentions inside [begin, end).
  std::vector<const PhraseMatch*> MentionsIn(std::size_t begin, std::size_t end) const {
    std::vector<const PhraseMatch*> out;
    auto it = std::partition_point(mentions_.begin(), mentions_.end(), [&](const PhraseMatch& m) {
      return static_cast<std::size_t>(m.begin) < begin;
    });
    for (; it != mentions_.end() && static_cast<std::size_t>(it->end) <= end; ++it) {
      out.push_back(&*it);
    }
    return out;
  }

  // The longest list of names read before a 分别: a clause longer than this is no list.
  static constexpr std::size_t kMaxListCodePoints = 160;

  struct ListItem {
    const Indicator* indicator;  // nullptr: an item outside the canonical indicators
    std::size_t at;              // where it is named
  };

  // The items of the list that ends at `end` and starts after the last clause mark: A、B和C,
  // 城乡居民人均可支配收入 (the urban and the rural figure), 城镇、农村居民…收入 and
  // 第一、二、三产业 (each completed from the last item's name). Empty when no item is a known
  // indicator.
  // `names_end` is set to where the items' names end.
  std::vector<ListItem> ListItems(std::size_t end, std::size_t* names_end = nullptr) const {
    std::size_t begin = std::max(ClauseBegin(end), end - std::min(end, kMaxListCodePoints));
    // Trailing words that name no item: 同比, 预计 …
    for (bool stripped = true; stripped && end > begin;) {
      stripped = false;
      for (auto w : kListTails) {
        if (end - begin >= w.size() && s_.substr(end - w.size(), w.size()) == w) {
          bool inside_mention = false;
          for (const PhraseMatch* m : MentionsIn(begin, end)) {
            if (static_cast<std::size_t>(m->end) > end - w.size()) inside_mention = true;
          }
          if (inside_mention) continue;
          end -= w.size();
          stripped = true;
        }
      }
      // …城镇居民人均可支配收入，预计分别增长: a clause of such words alone leaves the list in
      // the clause before it.
      if (end == begin && begin > 0 && (s_[begin - 1] == U',' || s_[begin - 1] == U'，')) {
        end = begin - 1;
        begin = std::max(ClauseBegin(end), end - std::min(end, kMaxListCodePoints));
        stripped = true;
      }
    }
    if (end <= begin) return {};
    if (names_end) *names_end = end;
    // Split at the joins outside indicator names.
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    auto mentions = MentionsIn(begin, end);
    std::size_t item = begin;
    for (std::size_t i = begin; i < end;) {
      bool in_mention = false;
      for (const PhraseMatch* m : mentions) {
        if (i >= static_cast<std::size_t>(m->begin) && i < static_cast<std::size_t>(m->end)) {
          i = static_cast<std::size_t>(m->end);
          in_mention = true;
          break;
        }
      }
      if (in_mention) continue;
      std::size_t join = 0;
      for (auto w : kListJoins) {
        if (w != U" " && s_.substr(i).starts_with(w)) join = w.size();
      }
      if (join == 0) {
        ++i;
        continue;
      }
      if (i > item) spans.emplace_back(item, i);
      i += join;
      item = i;
    }
    if (end > item) spans.emplace_back(item, end);
    if (spans.empty()) return {};
    // The last item's name, which the others share the end of: 农村居民人均可支配收入, 三产业.
    auto [last_begin, last_end] = spans.back();
    auto last_mentions = MentionsIn(last_begin, last_end);
    std::u32string_view last_name =
        last_mentions.empty() ? s_.substr(last_begin, last_end - last_begin)
                              : s_.substr(static_cast<std::size_t>(last_mentions.back()->begin),
                                          static_cast<std::size_t>(last_mentions.back()->end -
                                                                   last_mentions.back()->begin));
    // An item completed from the last one's name: 城镇 + 常住居民人均可支配收入, 二 + 产业 with 第;
    // words before the item (七台河市第一) are dropped one by one.
    auto completed = [&](std::u32string_view named) -> const Indicator* {
      for (std::u32string_view head = named; !head.empty(); head.remove_prefix(1)) {
        if (const Indicator* i = ExactIndicator(U"第" + std::u32string(head))) return i;
        for (std::size_t cut = 0; cut <= std::min<std::size_t>(4, last_name.size() - 1); ++cut) {
          std::u32string name(head);
          name += last_name.substr(cut);
          if (const Indicator* i = ExactIndicator(name)) return i;
          if (const Indicator* i = ExactIndicator(U"第" + name)) return i;
        }
      }
      return nullptr;
    };
    std::vector<ListItem> items;
    bool any = false;
    for (auto [b, e] : spans) {
      std::u32string_view text = s_.substr(b, e - b);
      auto inside = MentionsIn(b, e);
      const Indicator* found = nullptr;
      if (!inside.empty()) {
        found = &ctx_.IndicatorOf(inside.back()->id);
        b = static_cast<std::size_t>(inside.back()->begin);
      } else if (std::size_t town = text.find(U"城乡"); town != std::u32string_view::npos) {
        // 城乡(常住)居民人均可支配收入: the urban figure, then the rural one.
        std::u32string_view rest = text.substr(town + 2);
        const Indicator* urban = ExactIndicator(U"城镇" + std::u32string(rest));
        const Indicator* rural = ExactIndicator(U"农村" + std::u32string(rest));
        if (urban && rural) {
          items.push_back({urban, b});
          items.push_back({rural, b});
          any = true;
          continue;
        }
      } else if (text.size() <= 10) {
        found = completed(text);
      }
      if (found) any = true;
      items.push_back({found, b});
    }
    if (!any) return {};
    return items;
  }

  // The figures of a list: from the first quantity after `from` in the same clause, those
  // joined only by 、/和/及. Indexes into quantities_.
  std::vector<std::size_t> FigureRun(std::size_t from) const {
    std::vector<std::size_t> run;
    auto start = std::partition_point(
        quantities_.begin(), quantities_.end(),
        [&](const Quantity& q) { return static_cast<std::size_t>(q.begin) < from; });
    for (auto i = static_cast<std::size_t>(start - quantities_.begin()); i < quantities_.size();
         ++i) {
      const Quantity& q = quantities_[i];
      if (run.empty()) {
        for (std::size_t j = from; j < static_cast<std::size_t>(q.begin); ++j) {
          if (IsClauseMark(s_[j])) return run;
        }
      } else {
        const Quantity& last = quantities_[run.back()];
        std::size_t gap_begin = static_cast<std::size_t>(last.end);
        std::size_t gap_end = static_cast<std::size_t>(q.begin);
        if (gap_end < gap_begin) break;
        // 分别增长4%、下降2%: each figure may bring its own growth word.
        std::u32string_view gap = s_.substr(gap_begin, gap_end - gap_begin);
        gap.remove_suffix(CueSuffix(CueCategory::kGrowth, gap));
        if (!IsListJoin(gap)) break;
      }
      run.push_back(i);
    }
    return run;
  }

  // The place an item is of: the last named before it, else one named inside its own words
  // (七台河市第一、二、三产业: the first item's words begin the clause).
  std::string ItemEntity(const std::vector<ListItem>& items, std::size_t k) const {
    std::string entity = EntityAt(items[k].at);
    if (entity != ctx_.subject || k + 1 >= items.size()) return entity;
    for (const EntityMention& m : entities_) {
      if (m.begin >= items[k].at && m.end <= items[k + 1].at) return m.entity;
    }
    return entity;
  }

  // Pairs list items and figures in order; a count that does not match gives no fact, and
  // its figures are read by no one else.
  void PairList(const std::vector<ListItem>& items, const std::vector<std::size_t>& run,
                std::size_t cue_end) {
    for (std::size_t i : run) claimed_[i] = true;
    if (items.size() != run.size() || InPartialYear(cue_end)) return;
    const Quantity& first = quantities_[run.front()];
    std::u32string_view lead = s_.substr(cue_end, static_cast<std::size_t>(first.begin) - cue_end);
    bool percent = first.unit == "%";
    bool decline = Cue(CueCategory::kDecline, lead);
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Quantity& q = quantities_[run[k]];
      if (k > 0 && run[k] != run[k - 1]) {
        // A figure with its own growth word (…、下降2%) takes its sign from that word.
        std::size_t gap_begin = static_cast<std::size_t>(quantities_[run[k - 1]].end);
        std::u32string_view gap =
            s_.substr(gap_begin, static_cast<std::size_t>(q.begin) - gap_begin);
        if (Cue(CueCategory::kGrowth, gap)) decline = Cue(CueCategory::kDecline, gap);
      }
      if ((q.unit == "%") != percent || !items[k].indicator) continue;
      const Indicator& indicator = *items[k].indicator;
      Reading r{ItemEntity(items, k), {&indicator}, items[k].at, items[k].at};
      if (r.entity == kEachEntity) continue;
      std::size_t qb = static_cast<std::size_t>(q.begin), qe = static_cast<std::size_t>(q.end);
      if (percent) {
        if (!indicator.HasMeasure(Measure::kGrowth)) continue;
        double value = decline ? -std::fabs(q.value) : q.value;
        EmitRange(r, indicator, Measure::kGrowth, value, q, "%", qb, qe);
      } else if (auto unit = LevelUnit(indicator, q)) {
        EmitRange(r, indicator, Measure::kLevel, q.value, q, *unit, qb, qe);
      }
    }
  }

  // 分别 and 均 lists: A、B分别增长5%和6%; 城乡居民人均可支配收入分别为X元、Y元，增长a%、b%;
  // A…X亿元，B…Y亿元，分别增长a%和b%; A、B、C均增长12%左右.
  void ReadLists() {
    std::vector<ListItem> previous;  // the last list's items, for a second 分别 after it
    for (std::size_t at = s_.find(kDistributive[0]); at != std::u32string_view::npos;
         at = s_.find(kDistributive[0], at + 1)) {
      std::size_t cue_end = at + kDistributive[0].size();
      std::vector<std::size_t> run = FigureRun(cue_end);
      if (run.empty()) continue;
      std::u32string_view lead =
          s_.substr(cue_end, static_cast<std::size_t>(quantities_[run.front()].begin) - cue_end);
      std::size_t names_end = ClauseBegin(at);
      std::vector<ListItem> items = ListItems(at, &names_end);
      if (run.size() < 2 && items.size() < 2) continue;
      // The words between the list's names (or the clause's start) and 分别.
      std::u32string_view tail = s_.substr(names_end, at - names_end);
      bool percent = quantities_[run.front()].unit == "%";
      // Shares, contributions and ranks listed with 分别 are no one's level or growth.
      if (Cue(CueCategory::kNotThisIndicator, lead) || Cue(CueCategory::kNotThisIndicator, tail))
        continue;
      if (percent && !Cue(CueCategory::kGrowth, lead) && !Cue(CueCategory::kGrowth, tail)) continue;
      if (items.empty() && previous.size() == run.size()) items = previous;
      if (items.empty()) items = PlaceList(at, cue_end, run);
      if (items.empty()) {
        // A…X亿元，B…Y亿元，分别增长a%和b%: the last indicators named before.
        auto named_end = std::partition_point(
            mentions_.begin(), mentions_.end(),
            [&](const PhraseMatch& m) { return static_cast<std::size_t>(m.end) <= at; });
        if (static_cast<std::size_t>(named_end - mentions_.begin()) >= run.size()) {
          for (auto m = named_end - static_cast<std::ptrdiff_t>(run.size()); m != named_end; ++m) {
            items.push_back({&ctx_.IndicatorOf(m->id), static_cast<std::size_t>(m->begin)});
          }
        }
      }
      if (items.empty()) continue;
      PairList(items, run, cue_end);
      previous = items;
      // …分别为X元、Y元，增长a%、b%: a second run for the same items.
      std::size_t after = static_cast<std::size_t>(quantities_[run.back()].end);
      if (after < s_.size() && (s_[after] == U'，' || s_[after] == U',')) {
        std::vector<std::size_t> second = FigureRun(after + 1);
        if (second.size() == items.size() && !claimed_[second.front()]) {
          std::size_t gap = static_cast<std::size_t>(quantities_[second.front()].begin);
          std::u32string_view between = s_.substr(after, gap - after);
          if (Cue(CueCategory::kGrowth, between) && !HasAny(between, kDistributive) &&
              !Cue(CueCategory::kNotThisIndicator, between)) {
            PairList(items, second, after + 1);
          }
        }
      }
    }
    for (std::size_t at = s_.find(kShared[0]); at != std::u32string_view::npos;
         at = s_.find(kShared[0], at + 1)) {
      // 年均, 人均, 平均, 均衡 are other words.
      if (at > 0 &&
          std::u32string_view(U"年人平亩地").find(s_[at - 1]) != std::u32string_view::npos) {
        continue;
      }
      std::vector<std::size_t> run = FigureRun(at + 1);
      if (run.empty() || claimed_[run.front()]) continue;
      std::size_t first = run.front();
      std::u32string_view lead =
          s_.substr(at + 1, static_cast<std::size_t>(quantities_[first].begin) - at - 1);
      if (lead.size() > 6 || Cue(CueCategory::kNotThisIndicator, lead)) continue;
      std::size_t names_end = at;
      std::vector<ListItem> items = ListItems(at, &names_end);
      if (items.size() < 2) continue;
      if (Cue(CueCategory::kNotThisIndicator, s_.substr(names_end, at - names_end))) continue;
      std::vector<std::size_t> same(items.size(), first);
      PairList(items, same, at + 1);
    }
  }

  // 甲区、乙区和丙区分别实现地区生产总值X亿元、Y亿元和Z亿元: the places named before 分别, one
  // for each figure, with the indicator named after it. Empty unless the counts match.
  std::vector<ListItem> PlaceList(std::size_t cue, std::size_t cue_end,
                                  const std::vector<std::size_t>& run) const {
    std::size_t begin = std::max(ClauseBegin(cue), cue - std::min(cue, kMaxListCodePoints));
    std::vector<const EntityMention*> places;
    for (const EntityMention& e : entities_) {
      if (e.begin >= begin && e.end <= cue && e.entity != kEachEntity) places.push_back(&e);
    }
    if (places.size() != run.size()) return {};
    std::size_t first = static_cast<std::size_t>(quantities_[run.front()].begin);
    auto named = MentionsIn(cue_end, first);
    if (named.size() != 1) return {};
    std::vector<ListItem> items;
    for (const EntityMention* e : places) {
      items.push_back({&ctx_.IndicatorOf(named.front()->id), e->end});
    }
    return items;
  }

  // The unit a quantity gives the indicator's level, or nullopt when it gives none.
  std::optional<std::string> LevelUnit(const Indicator& indicator, const Quantity& q) const {
    std::string unit = q.unit;
    // 突破百亿大关: an amount in 亿 with its 元 left unsaid.
    std::u32string_view number = s_.substr(static_cast<std::size_t>(q.number_begin),
                                           static_cast<std::size_t>(q.number_end - q.number_begin));
    if (unit.empty() && indicator.AcceptsUnit(Measure::kLevel, "元") &&
        number.find(U'亿') != std::u32string_view::npos) {
      unit = "元";
    }
    if (unit.empty() || unit == "pp" || unit == "%" ||
        !indicator.AcceptsUnit(Measure::kLevel, unit)) {
      return std::nullopt;
    }
    return unit;
  }

  // A figure, or a range's two ends: 增长4.5%—5% is at least 4.5% and at most 5%.
  void EmitRange(const Reading& r, const Indicator& indicator, Measure measure, double value,
                 const Quantity& q, const std::string& unit, std::size_t qb, std::size_t qe) {
    if (!q.high) {
      Emit(r, indicator, measure, value, unit, q.qualifier, qb, qe);
      return;
    }
    Emit(r, indicator, measure, value, unit, Qualifier::kAtLeast, qb, qe);
    double high = value < 0 ? -std::fabs(*q.high) : *q.high;
    Emit(r, indicator, measure, high, unit, Qualifier::kAtMost, qb, qe);
  }

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

  // A second figure of the same measure for one indicator is read only as a target beside the
  // first: 增长6%左右、力争7% (strive), 比年初目标（6.5%）低…, 完成年计划710亿元的89.4%.
  bool SecondFigure(std::u32string_view window, const Quantity& q) const {
    // The same figure on another basis: 按自然口径下降6.3%，扣除留抵退税因素后增长5.5%.
    if (HasAny(window, words::kOtherBasis)) return true;
    // In a clause of its own the second figure follows the words of such figures only
    // (，首次突破400亿元, ，比年初目标（6.5%）); others name another subject (，工业开票销售突破…).
    if (ClauseNamesOther(window, /*second=*/true)) return false;
    if (Cue(CueCategory::kStrive, window) || HasAny(window, words::kThreshold)) return true;
    if (q.qualifier == Qualifier::kMoreThan) return true;  // 405.3亿元，首次突破400亿元
    std::u32string_view w = window;
    while (!w.empty() &&
           std::u32string_view(U"(（为是:：达到").find(w.back()) != std::u32string_view::npos) {
      w.remove_suffix(1);
    }
    return w.ends_with(U"目标") || w.ends_with(U"计划");
  }

  // Whether the clause a growth stands in (after the window's last clause mark) names another
  // subject: 规上工业企业总数突破2万家，规模工业增长7.2% — only the words of a growth statement
  // (比上年, 同比, 按可比价格计算, 增长 …), years and figures may stand there.
  bool ClauseNamesOther(std::u32string_view window, bool second = false) const {
    std::size_t mark = window.size();
    while (mark > 0 && !IsClauseMark(window[mark - 1])) --mark;
    if (mark == 0) return false;
    std::u32string_view rest = window.substr(mark);
    while (!rest.empty()) {
      bool known = false;
      for (auto list : {std::span<const std::u32string_view>(words::kGrowthStatement),
                        second ? std::span<const std::u32string_view>(words::kSecondFigureWords)
                               : std::span<const std::u32string_view>()}) {
        for (auto w : list) {
          if (rest.starts_with(w)) {
            rest.remove_prefix(w.size());
            known = true;
            break;
          }
        }
        if (known) break;
      }
      for (CueCategory c :
           {CueCategory::kGrowth, CueCategory::kTarget, CueCategory::kPreliminary}) {
        if (known) break;
        if (std::size_t n = CuePrefix(c, rest)) {
          rest.remove_prefix(n);
          known = true;
        }
      }
      if (known) continue;
      if ((rest[0] >= U'0' && rest[0] <= U'9') || rest[0] == U'年' || rest[0] == U' ') {
        rest.remove_prefix(1);
        continue;
      }
      return true;
    }
    return false;
  }

  // 规上工业企业实现总产值…, 规上工业企业达到7.6万家、增加值增长3%: a word after the count of
  // enterprises names their output or value added.
  const Indicator* Refined(const Indicator& indicator, std::u32string_view window) const {
    if (indicator.id != "industry_enterprises") return nullptr;
    if (window.find(U"增加值") != std::u32string_view::npos) {
      return ctx_.dictionary.FindIndicator("industry_value_added");
    }
    if (window.find(U"产值") != std::u32string_view::npos) {
      return ctx_.dictionary.FindIndicator("industry_output");
    }
    return nullptr;
  }

  // Whether `window` says the level after it is a change (比上年增加12亿元), not 增加值.
  static bool IsIncrement(std::u32string_view window) {
    for (auto w : words::kIncrement) {
      for (std::size_t at = window.find(w); at != std::u32string_view::npos;
           at = window.find(w, at + 1)) {
        if (!window.substr(at + w.size()).starts_with(U"值")) return true;
      }
    }
    return false;
  }

  void ReadScope(const Reading& scope_reading, std::size_t from, std::size_t to) {
    Reading r = scope_reading;
    const Indicator* indicator = r.indicators.front();
    std::size_t previous = from;
    std::size_t levels = 0, growths = 0;
    bool after_threshold = false;
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
      if (claimed_[static_cast<std::size_t>(it - quantities_.begin())]) continue;
      if (const Indicator* refined = Refined(*indicator, window)) {
        indicator = refined;
        r.indicators = {refined};
        levels = growths = 0;
      }
      // 规上工业企业实现利润总额…: what follows is another quantity's.
      if (HasAny(window, words::kOtherQuantity)) break;
      // After ；the figures are another item's, named or not.
      if (window.find(U'；') != std::u32string_view::npos ||
          window.find(U';') != std::u32string_view::npos) {
        break;
      }
      // A second figure (…，比年初目标（6.5%）) is judged by its own clause only.
      std::u32string_view own = window;
      // Whether this can be a second figure of its measure, asked once.
      const bool is_percent = q.unit == "%";
      const bool second = (is_percent ? growths : levels) > 0 && SecondFigure(window, q);
      if (second) {
        std::size_t mark = own.size();
        while (mark > 0 && !IsClauseMark(own[mark - 1])) --mark;
        own.remove_prefix(mark);
      }
      if (ctx_.cues.Contains(CueCategory::kNotThisIndicator, own) || InPartialYear(qb)) {
        ctx_.NoteUnread(InPartialYear(qb) ? UnreadReason::kPartialYear : UnreadReason::kShare);
        continue;
      }
      if (q.unit == "%") {
        if (!indicator->HasMeasure(Measure::kGrowth)) continue;
        // A name that says growth itself (经济增长6%左右) needs no growth word after it.
        bool cued = Cue(CueCategory::kGrowth, window) ||
                    (qb == static_cast<std::size_t>(first->begin) &&
                     std::none_of(window.begin(), window.end(), IsClauseMark) &&
                     Cue(CueCategory::kGrowth, s_.substr(r.begin, r.end - r.begin)));
        if ((growths > 0 && !second) || (growths == 0 && !cued)) {
          ctx_.NoteUnread(growths == 0 ? UnreadReason::kNoGrowthWord : UnreadReason::kSurplus);
          continue;
        }
        if (growths == 0 && ClauseNamesOther(window)) continue;
        double value = Cue(CueCategory::kDecline, window) ? -std::fabs(q.value) : q.value;
        EmitRange(r, *indicator, Measure::kGrowth, value, q, "%", qb, qe);
        ++growths;
        continue;
      }
      // 总量跨过2万亿元大关，达到2.259万亿元: the figure after a threshold passed is read too.
      bool past_threshold = after_threshold && !ClauseNamesOther(window, /*second=*/true);
      if (levels > 0 && !past_threshold && !second) {
        ctx_.NoteUnread(UnreadReason::kSurplus);
        continue;
      }
      if (IsIncrement(window)) {  // 比上年增加5亿斤，超过任务…: the rest is of the change
        ctx_.NoteUnread(UnreadReason::kIncrement);
        break;
      }
      auto unit = LevelUnit(*indicator, q);
      if (!unit) {
        ctx_.NoteUnread(q.unit.empty()   ? UnreadReason::kNoUnit
                        : q.unit == "pp" ? UnreadReason::kPoints
                                         : UnreadReason::kUnit,
                        q.surface_unit);
        // An amount in a unit the indicator has not (规上工业企业实现税收1.11亿元): the figures
        // after it are of that amount, not of the indicator.
        if (!q.unit.empty() && q.unit != "%" && q.unit != "pp") break;
        continue;
      }
      EmitRange(r, *indicator, Measure::kLevel, q.value, q, *unit, qb, qe);
      ++levels;
      after_threshold = q.qualifier == Qualifier::kMoreThan && levels == 1;
    }
    // 与去年同期基本持平: a growth of zero.
    if (growths == 0 && !InPartialYear(from)) {
      std::u32string_view scope = s_.substr(from, to - from);
      // The first occurrence of the first flat cue found.
      std::vector<CueSpan> flats = ctx_.cues.FindAll(CueCategory::kFlat, scope);
      const std::size_t at = flats.empty() ? 0 : flats[0].begin;
      // 增速与全国持平 compares with another place, not with last year.
      if (!flats.empty() &&
          !ctx_.cues.Contains(CueCategory::kNotThisIndicator, scope.substr(0, at)) &&
          !HasAny(scope.substr(at - std::min<std::size_t>(at, 6), std::min<std::size_t>(at, 6)),
                  words::kPeerBase)) {
        Emit(r, *indicator, Measure::kGrowth, 0, "%", Qualifier::kNone, from + at,
             from + flats[0].end);
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
    bool year = mention && mention->year;  // the sentence names the figure's year
    int period = year ? *mention->year : p_.section.year ? *p_.section.year : ctx_.report_year;
    if (forced_time_) {
      period = forced_time_->first;
      year = true;
    }
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
    if (forced_time_) {
      kind = forced_time_->second;
    } else if (target_use == TargetCueUse::kPlanOfOutcomeYear) {
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
      // A figure of a year after the one reported on is a target too (报告提出，2026年地区生产总值
      // 增长4.5%—5%), and so are the undated ones of the next line.
      if (target_use == TargetCueUse::kTarget || continues_list || (year && after_report)) {
        list = {last_line, period};
      }
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
    emitted_at_.push_back(at);
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
  // The year and kind of figures read under a topic (ReadPlaceValues), not the sentence's own.
  std::optional<std::pair<int, FactKind>> forced_time_;
  std::vector<bool> claimed_;                 // quantities a list has paired (or refused to pair)
  std::vector<std::size_t> emitted_at_;       // where the figure of each fact emitted stands
  std::vector<PhraseMatch> mentions_;         // indicator names, in order
  std::vector<std::size_t> partial_marks_;    // where a part of the year is named, ascending
  std::vector<std::size_t> full_year_marks_;  // where 全年 is, ascending
  bool& partial_;
  // Just after each clause mark, ascending; found the first time a clause is asked for.
  mutable std::optional<std::vector<std::size_t>> clause_begins_;
  mutable std::optional<CueIndex> multi_year_;
  std::optional<Cues> cues_;
  std::vector<std::size_t> clause_marks_;  // positions, then s_.size()
  std::string quote_;                      // the whole sentence, once quoted
};

}  // namespace

void ExtractSentences(ExtractionContext& ctx) {
  bool partial = false;  // the last sentence spoke of a part of the year
  for (const Paragraph& p : ctx.doc.paragraphs) {
    OriginalLines originals(ctx.doc);
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= p.text.size(); ++i) {
      if (i < p.text.size() && !IsSentenceEnd(p.text[i])) continue;
      std::size_t end = std::min(i + 1, p.text.size());
      const std::size_t facts_before = ctx.out.size();
      if (end > begin) SentenceReader(ctx, p, originals, begin, end, partial).Read();
      if (ctx.unread && end > begin) {
        ctx.unread->EndSentence(ctx, p, begin, end, std::span(ctx.out).subspan(facts_before));
      }
      begin = end;
    }
  }
}

}  // namespace kaohe::internal
