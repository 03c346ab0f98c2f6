#include "src/extract/subject.h"

#include <map>

#include "src/text/normalize.h"

namespace kaohe {
namespace {

bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// Words that end like place names but are not: 全区, 园区, 城区 …
bool IsGenericPlaceWord(std::u32string_view name) {
  static constexpr std::u32string_view kGeneric[] = {
      U"全市", U"全区",   U"全县",   U"我市",   U"我区",   U"本市",   U"园区",
      U"城区", U"社区",   U"片区",   U"景区",   U"市区",   U"县区",   U"辖区",
      U"地区", U"示范区", U"功能区", U"集聚区", U"试验区", U"开发区", U"新区",
      U"街区", U"商圈区", U"各区",   U"各县",   U"城市",   U"都市",   U"县城"};
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
        U"年月日的在对和与及或是为将把被从向由于等全各该本我其";
    while (begin > 0 && IsHan(text[begin - 1]) && name_end - begin < 6 &&
           kStops.find(text[begin - 1]) == std::u32string_view::npos) {
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
    return static_cast<int>(begin);
  }
  return -1;
}

void SubjectFinder::Add(const DocumentLine& line) {
  if (found_) return;
  std::u32string_view t = line.text.text;
  if (!t.empty() && seen_ < 12) {
    ++seen_;
    found_ = FromOpeningLine(t);
    if (found_) return;
  }
  Count(t);
}

// 1. The opening lines: the first region the dictionary knows, the most specific first.
std::optional<std::string> SubjectFinder::FromOpeningLine(std::u32string_view t) {
  for (const PhraseMatch& m : entities_.Find(t)) {
    const Entity& e = dictionary_.entities()[static_cast<std::size_t>(m.id)];
    if (e.kind == EntityKind::kProvince) {
      if (!province_) province_ = &e;
      continue;
    }
    // A document about a city's zones taken together is the city's.
    if (e.kind == EntityKind::kZoneGroup) return e.parent.empty() ? e.name.str() : e.parent;
    return e.name.str();
  }
  // 2. A place in no dictionary, by its form before a year or 人民政府: 关于某某县2025年.
  for (std::size_t k = 0; k + 1 < t.size(); ++k) {
    bool before_year =
        k + 5 <= t.size() && t[k] >= U'0' && t[k] <= U'9' && SingleYear(t.substr(k, 5)).has_value();
    bool before_government = t.substr(k).starts_with(U"人民政府");
    if (!before_year && !before_government) continue;
    int begin = PlaceNameBefore(t, k);
    if (begin >= 0) return ToUtf8(t.substr(static_cast<std::size_t>(begin), k - begin));
  }
  return std::nullopt;
}

// 3. The region the whole text names most often; a district or county named often beats
// its city, which a district's report names too.
void SubjectFinder::Count(std::u32string_view t) {
  for (const PhraseMatch& m : entities_.Find(t)) {
    const Entity& e = dictionary_.entities()[static_cast<std::size_t>(m.id)];
    if (e.kind == EntityKind::kProvince || e.kind == EntityKind::kDevelopmentZone ||
        e.kind == EntityKind::kZoneGroup) {
      continue;
    }
    ++counts_[e.name];
    local_[e.name] = e.kind == EntityKind::kDistrict || e.kind == EntityKind::kCounty ||
                     e.kind == EntityKind::kCountyLevelCity;
  }
}

std::string SubjectFinder::Subject() const {
  if (found_) return *found_;
  std::string best;
  for (const auto& [name, n] : counts_) {
    if (local_.at(name) && n >= 3 && (best.empty() || n > counts_.at(best))) best = name;
  }
  for (const auto& [name, n] : counts_) {
    if (best.empty() || (!local_.at(best) && n > counts_.at(best))) best = name;
  }
  if (!best.empty()) return best;
  return province_ ? province_->name.str() : "";
}

std::string FindSubject(const Document& doc, const Dictionary& dictionary,
                        const PhraseMatcher& entities) {
  SubjectFinder finder(dictionary, entities);
  for (const DocumentLine& line : doc.lines) finder.Add(line);
  return finder.Subject();
}

}  // namespace kaohe
