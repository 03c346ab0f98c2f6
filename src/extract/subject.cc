#include "src/extract/subject.h"

#include <algorithm>
#include <map>

#include "src/text/normalize.h"

namespace kaohe {
namespace {

bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// Words that end like place names but are not: 全区, 园区, 城区 …
bool IsGenericPlaceWord(std::u32string_view name) {
  static constexpr std::u32string_view kGeneric[] = {
      U"全市",   U"全区",   U"全县",   U"我市",   U"我区", U"本市", U"园区",   U"城区",
      U"社区",   U"片区",   U"景区",   U"市区",   U"县区", U"辖区", U"地区",   U"示范区",
      U"功能区", U"集聚区", U"试验区", U"开发区", U"新区", U"街区", U"商圈区", U"各区",
      U"各县",   U"城市",   U"都市",   U"县城",   U"郊区"};
  for (auto g : kGeneric) {
    if (name == g || (name.size() <= g.size() + 1 && name.ends_with(g))) return true;
  }
  return false;
}

}  // namespace

const std::vector<std::u32string>& PlaceSuffixes() {
  static const std::vector<std::u32string> kSuffixes = {U"经济技术开发区",
                                                        U"高新技术产业开发区",
                                                        U"经济开发区",
                                                        U"产业园区",
                                                        U"工业园区",
                                                        U"经开区",
                                                        U"高新区",
                                                        U"开发区",
                                                        U"自治州",
                                                        U"自治县",
                                                        U"市",
                                                        U"区",
                                                        U"县",
                                                        U"旗",
                                                        U"州",
                                                        U"盟"};
  return kSuffixes;
}

namespace {

// Words a name never runs back across, with what stands before them: verbs and titles of the
// genre (我代表市人民政府, 主任某某受市…, 海曙区区长某某, 审议了某市).
// Ranks are not names either (11家国家级开发区, 省级以上高新区).
constexpr std::u32string_view kBreakWords[] = {
    U"代表", U"审议", U"召开", U"举行", U"主持", U"报告",   U"会议", U"主任", U"书记",
    U"委员", U"同志", U"区长", U"市长", U"县长", U"州长",   U"旗长", U"镇长", U"乡长",
    U"省长", U"受",   U"了",   U"作",   U"是",   U"国家级", U"省级", U"市级", U"以上"};

bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

bool BreakWordEndsAt(std::u32string_view text, std::size_t at) {
  for (auto w : kBreakWords) {
    if (at >= w.size() && text.substr(at - w.size(), w.size()) == w) return true;
  }
  return false;
}

// 经济开发区, 高新区, 工业园区 …: the suffixes only a development zone's name has.
// A place in a media name (四川频道, 山西日报, 晋城生活网) or a dateline (成都1月22日电, 昆明讯).
bool IsMediaOrDateline(std::u32string_view t, const PlaceMention& m) {
  std::u32string_view after = t.substr(m.end);
  static constexpr std::u32string_view kMedia[] = {U"频道", U"日报", U"晚报", U"早报",   U"商报",
                                                   U"广播", U"电视", U"网",   U"信息港", U"新闻",
                                                   U"发布", U"融媒", U"讯"};
  for (auto w : kMedia) {
    if (after.starts_with(w)) return true;
  }
  // A site's name: the place and at most two characters before 网 (晋城生活网).
  for (std::size_t k = 1; k <= 2 && k < after.size(); ++k) {
    if (!IsHan(after[k - 1])) break;
    if (after[k] == U'网') return true;
  }
  std::size_t k = 0;
  while (k < after.size() && (IsDigit(after[k]) || after[k] == U'月' || after[k] == U'日')) ++k;
  return k > 0 && after.substr(k).starts_with(U"电");
}

// A zone's full name in parentheses right after its short one: 金华开发区（金华经济技术开发区）.
std::optional<std::u32string_view> FullNameInParentheses(std::u32string_view t, std::size_t at);

bool IsZoneSuffix(std::u32string_view suffix) {
  return suffix.size() >= 3 && suffix.ends_with(U"区");
}

std::optional<std::u32string_view> FullNameInParentheses(std::u32string_view t, std::size_t at) {
  if (at >= t.size() || (t[at] != U'（' && t[at] != U'(')) return std::nullopt;
  std::size_t close = t.find_first_of(U"）)", at + 1);
  if (close == std::u32string_view::npos || close - at > 24) return std::nullopt;
  std::u32string_view inner = t.substr(at + 1, close - at - 1);
  for (const std::u32string& suffix : PlaceSuffixes()) {
    if (IsZoneSuffix(suffix) && inner.ends_with(suffix) &&
        PlaceNameBefore(inner, inner.size()) == 0) {
      return inner;
    }
  }
  return std::nullopt;
}

}  // namespace

int PlaceNameBefore(std::u32string_view text, std::size_t suffix_end) {
  for (const std::u32string& suffix : PlaceSuffixes()) {
    if (suffix_end < suffix.size() ||
        text.substr(suffix_end - suffix.size(), suffix.size()) != suffix) {
      continue;
    }
    std::size_t name_end = suffix_end - suffix.size();
    std::size_t begin = name_end;
    // Names stop at the function characters that stand before them: 2025年某县, 在某区, 对某市.
    static constexpr std::u32string_view kStops =
        U"年月日的在对和与及或是为将把被从向由于等全各该本我其讯";
    // …and at a counted noun's measure word: 30家开发区, 5个园区.
    auto counted = [&](std::size_t at) {
      return at >= 2 && (text[at - 1] == U'家' || text[at - 1] == U'个') && IsDigit(text[at - 2]);
    };
    while (begin > 0 && IsHan(text[begin - 1]) && name_end - begin < 6 &&
           kStops.find(text[begin - 1]) == std::u32string_view::npos &&
           !BreakWordEndsAt(text, begin) && !counted(begin)) {
      --begin;
    }
    // Drop leading function words: 关于古交市 → 古交市.
    static constexpr std::u32string_view kLeading[] = {U"关于", U"印发", U"在", U"对", U"的"};
    for (auto w : kLeading) {
      if (text.substr(begin).starts_with(w) && name_end - begin > w.size() + 1) begin += w.size();
    }
    if (name_end - begin < 2 && suffix.size() == 1) return -1;
    if (name_end == begin) return -1;
    std::u32string_view name = text.substr(begin, suffix_end - begin);
    if (IsGenericPlaceWord(name)) return -1;
    // Words of administrative levels only are not a name: 省区市, 县市区.
    if (name.find_first_not_of(U"省市区县州旗盟乡镇") == std::u32string_view::npos) return -1;
    return static_cast<int>(begin);
  }
  return -1;
}

std::string ZoneNameByForm(const Dictionary& dictionary, std::u32string_view name) {
  std::string text = ToUtf8(name);
  if (const Entity* e = dictionary.FindEntity(text)) return e->name.str();
  auto replace_suffix = [&](std::u32string_view from, std::u32string_view to) {
    return ToUtf8(std::u32string(name.substr(0, name.size() - from.size())) + std::u32string(to));
  };
  if (name.ends_with(U"经开区")) {
    for (auto full : {U"经济技术开发区", U"经济开发区"}) {
      if (const Entity* e = dictionary.FindEntity(replace_suffix(U"经开区", full))) {
        return e->name.str();
      }
    }
  }
  if (name.ends_with(U"高新区")) {
    std::string full = replace_suffix(U"高新区", U"高新技术产业开发区");
    const Entity* e = dictionary.FindEntity(full);
    return e ? e->name.str() : full;
  }
  return text;
}

std::vector<PlaceMention> FindPlaces(const Dictionary& dictionary, const PhraseMatcher& entities,
                                     const PhraseMatcher& shared, std::u32string_view text) {
  std::vector<PlaceMention> found;
  for (const PhraseMatch& m : entities.Find(text)) {
    // 全省平安区, 全国文明城市: after 全国/全省/全市 a name is a title places earn, not a place.
    std::u32string_view before = text.substr(0, static_cast<std::size_t>(m.begin));
    if (before.ends_with(U"全国") || before.ends_with(U"全省") || before.ends_with(U"全市")) {
      continue;
    }
    found.push_back({static_cast<std::size_t>(m.begin), static_cast<std::size_t>(m.end),
                     &dictionary.entities()[static_cast<std::size_t>(m.id)], -1});
  }
  std::vector<PhraseMatch> shared_found;
  if (!dictionary.shared_aliases().empty()) shared_found = shared.Find(text);
  if (!shared_found.empty()) {
    // Both lists are leftmost-longest and non-overlapping; so is their merge, where of two
    // overlapping names the one starting first, else the longer, is kept (朝阳区, not 朝阳).
    std::vector<PlaceMention> both;
    std::size_t k = 0;
    for (const PhraseMatch& m : shared_found) {
      // 城区, 郊区 name districts of several cities, but in text they are ordinary words.
      auto word =
          text.substr(static_cast<std::size_t>(m.begin), static_cast<std::size_t>(m.end - m.begin));
      if (IsGenericPlaceWord(word)) continue;
      PlaceMention s{static_cast<std::size_t>(m.begin), static_cast<std::size_t>(m.end), nullptr,
                     m.id};
      while (k < found.size() && found[k].end <= s.begin) both.push_back(found[k++]);
      bool keep = true;
      while (k < found.size() && found[k].begin < s.end) {
        const PlaceMention& f = found[k];
        if (f.begin < s.begin || (f.begin == s.begin && f.end >= s.end)) {
          keep = false;
          break;
        }
        ++k;  // the shared name starts first or is longer: the known one inside it is dropped
      }
      if (keep && (both.empty() || both.back().end <= s.begin)) both.push_back(s);
    }
    while (k < found.size()) both.push_back(found[k++]);
    found = std::move(both);
  }
  if (found.size() < 2) return found;
  // A compound name is its most specific part: a place right after one it lies within.
  std::vector<PlaceMention> out;
  for (PlaceMention& m : found) {
    if (!out.empty() && out.back().end == m.begin && out.back().entity) {
      const Entity& outer = *out.back().entity;
      const Entity* inner = m.entity;
      if (!inner) {
        std::vector<const Entity*> context = {&outer};
        inner = DecideShared(dictionary, dictionary.shared_aliases()[m.shared].second, context);
      }
      if (inner && inner != &outer && dictionary.IsWithin(*inner, outer.name.view())) {
        out.back() = {out.back().begin, m.end, inner, -1};
        continue;
      }
    }
    out.push_back(m);
  }
  return out;
}

const Entity* DecideShared(const Dictionary& dictionary, const std::vector<std::size_t>& candidates,
                           const std::vector<const Entity*>& context) {
  const Entity* decided = nullptr;
  for (std::size_t position : candidates) {
    const Entity& c = dictionary.entities()[position];
    bool evidence = false;
    for (const Entity* e : context) {
      // A zone group (国家高新区) holds zones of many places: it decides none of them.
      if (e->kind == EntityKind::kZoneGroup) continue;
      // The candidate by its own unshared name, an ancestor of it (北京市 for 北京市朝阳区), a
      // place under the same parent, or another province (江苏、浙江、海南: 海南省).
      const bool top_level_peers = c.parent.empty() && e->parent.empty() && c.kind == e->kind;
      if (dictionary.IsWithin(c, e->name.view()) ||
          (!c.parent.empty() && dictionary.IsWithin(*e, c.parent)) || top_level_peers) {
        evidence = true;
        break;
      }
    }
    if (!evidence) continue;
    if (decided) return nullptr;  // two candidates fit: the context does not decide
    decided = &c;
  }
  return decided;
}

void SubjectFinder::Add(const DocumentLine& line) {
  // Once the opening names a place, only a shared name still needs the rest of the text.
  if (opening_ || guess_) return;
  std::u32string_view t = line.text.text;
  if (!t.empty() && seen_ < 12 && opening_shared_ < 0) {
    ++seen_;
    FromOpeningLine(t);
    return;
  }
  Count(t);
}

// The county-level entity whose short name is text[begin, end) (武进 → 武进区), when one
// entity alone has that name with 县, 区, 市 or 旗 after it.
const Entity* SubjectFinder::CountyByShortName(std::u32string_view t, std::size_t begin,
                                               std::size_t end) const {
  if (end <= begin || end > t.size()) return nullptr;
  std::u32string_view name = t.substr(begin, end - begin);
  for (char32_t c : name) {
    if (!IsHan(c)) return nullptr;
  }
  const Entity* found = nullptr;
  for (char32_t suffix : std::u32string_view(U"县区市旗")) {
    // Looked up with the automaton, which interns nothing, however many years a line has.
    std::u32string full = std::u32string(name) + suffix;
    std::vector<PhraseMatch> matches = entities_.Find(full);
    if (matches.size() != 1 || matches[0].begin != 0 ||
        matches[0].end != static_cast<int>(full.size())) {
      continue;
    }
    const Entity* e = &dictionary_.entities()[static_cast<std::size_t>(matches[0].id)];
    if ((e->kind != EntityKind::kCounty && e->kind != EntityKind::kDistrict &&
         e->kind != EntityKind::kCountyLevelCity)) {
      continue;
    }
    if (found) return nullptr;  // 某县 and 某市 both: the short name does not decide
    found = e;
  }
  return found;
}

namespace {

// True when `place` lies inside `area` (its parent, or its parent's parent …).
bool IsInside(const Dictionary& dictionary, const Entity& place, const Entity& area) {
  const Entity* e = &place;
  for (int depth = 0; e && !e->parent.empty() && depth < 8; ++depth) {
    if (e->parent == area.name.str()) return true;
    e = dictionary.FindEntity(e->parent);
  }
  return false;
}

// True when the mention stands alone in brackets: （广安市）.
bool InBrackets(std::u32string_view t, const PlaceMention& m) {
  auto open = [](char32_t c) { return c == U'（' || c == U'(' || c == U'【' || c == U'['; };
  auto close = [](char32_t c) { return c == U'）' || c == U')' || c == U'】' || c == U']'; };
  return m.begin > 0 && m.end < t.size() && open(t[m.begin - 1]) && close(t[m.end]);
}

}  // namespace

// 1. The opening lines: the first place the dictionary knows that is not a province (a
// province is the subject only when nothing else is named), else a place by its name's form.
void SubjectFinder::FromOpeningLine(std::u32string_view t) {
  std::vector<PlaceMention> places = FindPlaces(dictionary_, entities_, shared_, t);
  for (const PlaceMention& m : places) {
    if (m.entity) named_.insert(m.entity->position);
  }
  // The first place named, the most specific of a compound (安徽宿州 → 宿州市); a province
  // named alone is the subject (四川省政府工作报告). A media name or a dateline names where
  // the page comes from, not what it is about (人民网>>四川频道, 人民网成都1月22日电).
  // A province, or a place in brackets, before a place inside it labels that place:
  // (福建省)2019年松溪县人民政府工作报告, （广安市）广安区2021年经济运行情况.
  std::optional<PlaceMention> first;
  for (const PlaceMention& m : places) {
    if (IsMediaOrDateline(t, m)) continue;
    if (first && !(m.entity && IsInside(dictionary_, *m.entity, *first->entity))) break;
    first = m;
    if (!m.entity || (m.entity->kind != EntityKind::kProvince && !InBrackets(t, m))) break;
  }
  if (first && first->entity && first->entity->kind == EntityKind::kProvince) {
    if (!province_) province_ = first->entity;
  }
  // A zone in no dictionary right after the place it lies in (浦东新区张江高新区), or with no
  // known place before it, is the subject: 张江高新区召开…大会.
  for (const std::u32string& suffix : PlaceSuffixes()) {
    if (!IsZoneSuffix(suffix)) continue;
    for (std::size_t at = t.find(suffix); at != std::u32string_view::npos;
         at = t.find(suffix, at + 1)) {
      std::size_t end = at + suffix.size();
      // Inside a known name? Places are sorted and do not overlap: the first ending after `at`.
      auto next = std::upper_bound(places.begin(), places.end(), at,
                                   [](std::size_t p, const PlaceMention& m) { return p < m.end; });
      if (next != places.end() && next->begin < end) continue;
      int begin = PlaceNameBefore(t, end);
      if (begin < 0 || at - static_cast<std::size_t>(begin) < 2) continue;
      auto b = static_cast<std::size_t>(begin);
      // 金华开发区: a zone named after the place it begins with is more specific than it.
      if (!first || first->end == b || b <= first->begin) {
        guess_ = ZoneNameByForm(dictionary_,
                                FullNameInParentheses(t, end).value_or(t.substr(b, end - b)));
        return;
      }
    }
  }
  if (first) {
    if (first->entity) {
      // A document about a city's zones taken together is the city's.
      const Entity& e = *first->entity;
      if (e.kind == EntityKind::kZoneGroup && !e.parent.empty()) {
        opening_ = dictionary_.FindEntity(e.parent);
      }
      if (!opening_) opening_ = &e;
    } else {
      opening_shared_ = first->shared;
    }
    return;
  }
  // 2. A county-level place by its short name where the genre puts the subject: right before
  // the year (桐乡2024年…) or opening a sentence after it (2023年，武进牢牢把握…). A short name
  // elsewhere may be an ordinary word (和平, 东方), so it is not an alias.
  for (std::size_t k = 0; k + 5 <= t.size(); ++k) {
    if (!IsDigit(t[k]) || (k > 0 && IsDigit(t[k - 1])) || !SingleYear(t.substr(k, 5))) continue;
    std::size_t after = k + 5;
    if (after < t.size() && (t[after] == U'，' || t[after] == U',')) ++after;
    for (std::size_t n = 2; n <= 3; ++n) {
      if (const Entity* e = CountyByShortName(t, k >= n ? k - n : k, k)) {
        opening_ = e;
        return;
      }
      if (after > k + 5) {
        if (const Entity* e = CountyByShortName(t, after, after + n)) {
          opening_ = e;
          return;
        }
      }
    }
  }
  // 3. A place in no dictionary, by its form before a year or 人民政府: 关于某某县2025年.
  for (std::size_t k = 0; k + 1 < t.size(); ++k) {
    bool before_year =
        k + 5 <= t.size() && t[k] >= U'0' && t[k] <= U'9' && SingleYear(t.substr(k, 5)).has_value();
    bool before_government = t.substr(k).starts_with(U"人民政府");
    if (!before_year && !before_government) continue;
    int begin = PlaceNameBefore(t, k);
    if (begin >= 0) {
      guess_ = ToUtf8(t.substr(static_cast<std::size_t>(begin), k - begin));
      return;
    }
  }
}

// 4. The region the whole text names most often (twice at least: one mention is incidental); a
// district or county named often beats its city, which a district's report names too.
void SubjectFinder::Count(std::u32string_view t) {
  // Shared names are not counted, so the places are the dictionary's matches as they are.
  for (const PhraseMatch& m : entities_.Find(t)) {
    const Entity& e = dictionary_.entities()[static_cast<std::size_t>(m.id)];
    named_.insert(e.position);
    if (e.kind == EntityKind::kProvince || e.kind == EntityKind::kDevelopmentZone ||
        e.kind == EntityKind::kZoneGroup) {
      continue;
    }
    ++counts_[e.name];
    local_[e.name] = e.kind == EntityKind::kDistrict || e.kind == EntityKind::kCounty ||
                     e.kind == EntityKind::kCountyLevelCity;
  }
}

std::vector<const Entity*> SubjectFinder::Context() const {
  std::vector<const Entity*> context;
  for (std::size_t position : named_) context.push_back(&dictionary_.entities()[position]);
  return context;
}

std::string SubjectFinder::Subject() const {
  if (opening_) return opening_->name.str();
  if (opening_shared_ >= 0) {
    const auto& candidates = dictionary_.shared_aliases()[opening_shared_].second;
    const Entity* e = DecideShared(dictionary_, candidates, Context());
    return e ? e->name.str() : "";
  }
  if (guess_) return *guess_;
  std::string best;
  for (const auto& [name, n] : counts_) {
    if (local_.at(name) && n >= 3 && (best.empty() || n > counts_.at(best))) best = name;
  }
  for (const auto& [name, n] : counts_) {
    if (n >= 2 && (best.empty() || (!local_.at(best) && n > counts_.at(best)))) best = name;
  }
  if (!best.empty()) return best;
  return province_ ? province_->name.str() : "";
}

std::vector<std::string> SubjectFinder::Candidates() const {
  std::vector<std::string> names;
  if (opening_ || opening_shared_ < 0) return names;
  for (std::size_t position : dictionary_.shared_aliases()[opening_shared_].second) {
    names.push_back(dictionary_.entities()[position].name.str());
  }
  return names;
}

std::string FindSubject(const Document& doc, const Dictionary& dictionary,
                        const PhraseMatcher& entities, const PhraseMatcher& shared) {
  SubjectFinder finder(dictionary, entities, shared);
  for (const DocumentLine& line : doc.lines) finder.Add(line);
  return finder.Subject();
}

}  // namespace kaohe
