#include "src/extract/cues.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "src/text/normalize.h"

namespace kaohe {

namespace {

constexpr std::string_view kCategoryIds[kCueCategoryCount] = {
    "growth",      "decline",   "not_this_indicator", "flat",          "target", "strive",
    "preliminary", "incentive", "newly_added",        "subject_words", "each"};

std::size_t Index(CueCategory category) { return static_cast<std::size_t>(category); }

// The category whose cues a search of `category` includes too: a decline is a growth, a strive
// target a target.
std::optional<CueCategory> Implied(CueCategory category) {
  if (category == CueCategory::kGrowth) return CueCategory::kDecline;
  if (category == CueCategory::kTarget) return CueCategory::kStrive;
  return std::nullopt;
}

RE2::Options PatternOptions(std::int64_t max_mem) {
  RE2::Options options;  // UTF-8, leftmost-first
  options.set_log_errors(false);
  options.set_never_capture(true);
  options.set_max_mem(max_mem);
  return options;
}

std::u32string NormalizedWord(const std::string& word) {
  std::u32string out;
  for (char32_t c : NormalizeLine(word).text) {
    if (c != U' ') out += c;
  }
  return out;
}

// Text in UTF-8 for RE2, with the code point each byte belongs to. A match may begin or end
// inside a code point (\C matches one byte): it covers every code point it touches.
struct Utf8Text {
  explicit Utf8Text(std::u32string_view text) : utf8(ToUtf8(text)) {
    code_point_of.resize(utf8.size());
    std::size_t cp = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      if (i > 0 && !IsContinuation(i)) ++cp;
      code_point_of[i] = cp;
    }
  }
  bool IsContinuation(std::size_t at) const {
    return (static_cast<unsigned char>(utf8[at]) & 0xC0) == 0x80;
  }
  // The code points bytes [begin, end) touch; end > begin.
  CueSpan Span(std::size_t begin, std::size_t end) const {
    std::size_t last = code_point_of[end - 1];
    return {code_point_of[begin], last + 1};
  }
  // The byte after the code point starting at `at`.
  std::size_t NextBoundary(std::size_t at) const {
    ++at;
    while (at < utf8.size() && IsContinuation(at)) ++at;
    return at;
  }
  std::string utf8;
  std::vector<std::size_t> code_point_of;
};

// The first match of `re` in text[from, end) that is not empty, as byte offsets.
std::optional<std::pair<std::size_t, std::size_t>> NextMatch(const RE2& re, const Utf8Text& text,
                                                             std::size_t from) {
  const std::string& s = text.utf8;
  re2::StringPiece match;
  while (from <= s.size() && re.Match(s, from, s.size(), RE2::UNANCHORED, &match, 1)) {
    std::size_t begin = static_cast<std::size_t>(match.data() - s.data());
    std::size_t end = begin + match.size();
    if (end > begin) return std::pair{begin, end};
    if (begin >= s.size()) break;
    from = text.NextBoundary(begin);
  }
  return std::nullopt;
}

}  // namespace

std::string_view CueCategoryId(CueCategory category) { return kCategoryIds[Index(category)]; }

std::optional<CueCategory> CueCategoryFromId(std::string_view id) {
  for (std::size_t i = 0; i < kCueCategoryCount; ++i) {
    if (kCategoryIds[i] == id) return static_cast<CueCategory>(i);
  }
  return std::nullopt;
}

std::vector<std::string> CueCategoryIds() {
  return std::vector<std::string>(std::begin(kCategoryIds), std::end(kCategoryIds));
}

struct CueSet::Category {
  std::vector<CueEntry> word_entries;
  std::vector<std::u32string> words;  // normalised, as word_entries
  std::vector<CueEntry> pattern_entries;
  std::vector<std::unique_ptr<RE2>> patterns;  // as pattern_entries
  std::unique_ptr<RE2::Set> set;               // all of patterns; null when there are none

  bool Contains(std::u32string_view text) const {
    for (const std::u32string& w : words) {
      if (text.find(w) != std::u32string_view::npos) return true;
    }
    if (!set) return false;
    Utf8Text utf8(text);
    for (int i : Matching(utf8)) {
      if (NextMatch(*patterns[static_cast<std::size_t>(i)], utf8, 0)) return true;
    }
    return false;
  }

  void FindAll(std::u32string_view text, std::vector<CueSpan>& out) const {
    for (const std::u32string& w : words) {
      for (std::size_t at = text.find(w); at != std::u32string_view::npos;
           at = text.find(w, at + 1)) {
        out.push_back({at, at + w.size()});
      }
    }
    if (!set) return;
    Utf8Text utf8(text);
    for (int i : Matching(utf8)) {
      const RE2& re = *patterns[static_cast<std::size_t>(i)];
      for (auto m = NextMatch(re, utf8, 0); m; m = NextMatch(re, utf8, m->second)) {
        out.push_back(utf8.Span(m->first, m->second));
      }
    }
  }

  // The longest entry at the start (or end) of text.
  std::size_t LongestAtEdge(std::u32string_view text, bool start) const {
    std::size_t best = 0;
    for (const std::u32string& w : words) {
      if (w.size() > best && (start ? text.starts_with(w) : text.ends_with(w))) best = w.size();
    }
    if (!set) return best;
    Utf8Text utf8(text);
    for (int i : Matching(utf8)) {
      const RE2& re = *patterns[static_cast<std::size_t>(i)];
      for (auto m = NextMatch(re, utf8, 0); m; m = NextMatch(re, utf8, m->second)) {
        CueSpan span = utf8.Span(m->first, m->second);
        if (start ? span.begin == 0 : span.end == text.size()) {
          best = std::max(best, span.end - span.begin);
        }
      }
    }
    return best;
  }

  // The patterns that match somewhere, ascending: the set says which in one linear pass. When
  // its DFA runs out of memory, every pattern is tried alone (each linear, RE2 falling back to
  // its NFA).
  std::vector<int> Matching(const Utf8Text& text) const {
    std::vector<int> which;
    RE2::Set::ErrorInfo error{};
    if (!set->Match(text.utf8, &which, &error) && error.kind == RE2::Set::ErrorKind::kOutOfMemory) {
      which.clear();
      for (std::size_t i = 0; i < patterns.size(); ++i) which.push_back(static_cast<int>(i));
    }
    std::sort(which.begin(), which.end());
    return which;
  }
};

CueSet::CueSet() {
  for (auto& c : categories_) c = std::make_unique<Category>();
}

CueSet::~CueSet() = default;

bool CueSet::AddWord(CueCategory category, const std::string& word, SourceLocation where) {
  std::u32string normalized = NormalizedWord(word);
  if (normalized.empty()) return false;
  Category& c = *categories_[Index(category)];
  c.word_entries.push_back({word, false, std::move(where)});
  c.words.push_back(std::move(normalized));
  return true;
}

std::optional<CuePatternError> CueSet::AddPattern(CueCategory category, const std::string& pattern,
                                                  SourceLocation where) {
  auto re = std::make_unique<RE2>(pattern, PatternOptions(kCuePatternMemory));
  if (!re->ok()) {
    if (re->error_code() == RE2::ErrorPatternTooLarge) {
      return CuePatternError{
          CuePatternError::Kind::kTooLarge,
          fmt::format("pattern needs more than {} MiB compiled", kCuePatternMemory >> 20)};
    }
    return CuePatternError{CuePatternError::Kind::kSyntax, re->error()};
  }
  // A pattern that can match nothing at all would be found at every position. Probing a few
  // texts finds the usual ways (x*, x?, ^, $, \b, an empty alternative).
  for (std::string_view probe : {"", "a", "1", "中", " "}) {
    re2::StringPiece match;
    if (re->Match(probe, 0, probe.size(), RE2::UNANCHORED, &match, 1) && match.empty()) {
      return CuePatternError{CuePatternError::Kind::kMatchesEmpty,
                             "pattern can match the empty text, so it would be found everywhere"};
    }
  }
  Category& c = *categories_[Index(category)];
  c.pattern_entries.push_back({pattern, true, std::move(where)});
  c.patterns.push_back(std::move(re));
  return std::nullopt;
}

void CueSet::Finish(Diagnostics& diagnostics) {
  for (std::size_t k = 0; k < kCueCategoryCount; ++k) {
    Category& c = *categories_[k];
    if (c.patterns.empty()) continue;
    auto set = std::make_unique<RE2::Set>(PatternOptions(kCueSetMemory), RE2::UNANCHORED);
    for (const CueEntry& e : c.pattern_entries) set->Add(e.text, nullptr);
    if (set->Compile()) {
      c.set = std::move(set);
      continue;
    }
    diagnostics.Error("Q002", c.pattern_entries.front().defined_at,
                      fmt::format("the {} patterns together need more than {} MiB compiled",
                                  kCategoryIds[k], kCueSetMemory >> 20));
    c.pattern_entries.clear();
    c.patterns.clear();
  }
}

const CueEntry* CueSet::FindEntry(CueCategory category, std::string_view text, bool pattern) const {
  const Category& c = *categories_[Index(category)];
  if (pattern) {
    for (const CueEntry& e : c.pattern_entries) {
      if (e.text == text) return &e;
    }
    return nullptr;
  }
  std::u32string normalized = NormalizedWord(std::string(text));
  for (std::size_t i = 0; i < c.words.size(); ++i) {
    if (c.words[i] == normalized) return &c.word_entries[i];
  }
  return nullptr;
}

std::size_t CueSet::word_count(CueCategory category) const {
  return categories_[Index(category)]->words.size();
}

std::size_t CueSet::pattern_count(CueCategory category) const {
  return categories_[Index(category)]->patterns.size();
}

std::size_t CueSet::entry_count() const {
  std::size_t n = 0;
  for (const auto& c : categories_) n += c->words.size() + c->patterns.size();
  return n;
}

bool CueSet::Contains(CueCategory category, std::u32string_view text) const {
  if (categories_[Index(category)]->Contains(text)) return true;
  auto implied = Implied(category);
  return implied && categories_[Index(*implied)]->Contains(text);
}

std::vector<CueSpan> CueSet::FindAll(CueCategory category, std::u32string_view text) const {
  std::vector<CueSpan> out;
  categories_[Index(category)]->FindAll(text, out);
  if (auto implied = Implied(category)) categories_[Index(*implied)]->FindAll(text, out);
  return out;
}

std::size_t CueSet::LongestPrefix(CueCategory category, std::u32string_view text) const {
  std::size_t best = categories_[Index(category)]->LongestAtEdge(text, true);
  if (auto implied = Implied(category)) {
    best = std::max(best, categories_[Index(*implied)]->LongestAtEdge(text, true));
  }
  return best;
}

std::size_t CueSet::LongestSuffix(CueCategory category, std::u32string_view text) const {
  std::size_t best = categories_[Index(category)]->LongestAtEdge(text, false);
  if (auto implied = Implied(category)) {
    best = std::max(best, categories_[Index(*implied)]->LongestAtEdge(text, false));
  }
  return best;
}

}  // namespace kaohe
