// The cue words of the genre, loaded from rules/cues.yaml and the files given with --cues
// (src/load/cue_loader.h reads them): the words that decide how a figure is read. Is it a
// growth, a share, a target, an estimate, a 力争 target, whose figure is it?
//
// Each category holds literal words, matched in normalised text as the extractor reads it, and
// RE2 patterns, compiled once into one RE2::Set per category: a search is linear in the text
// whatever the patterns, so no pattern can make extraction hang. A CueSet is built once and then
// only read: any number of threads may search it at once.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/source.h"

namespace kaohe {

enum class CueCategory {
  kGrowth,            // before a percentage: it is a year-on-year growth
  kDecline,           // of growths, the ones that make it negative (each is a growth cue too)
  kNotThisIndicator,  // between an indicator and a figure: a share, rate or rank, not it
  kFlat,              // a growth of zero (持平)
  kTarget,            // before a figure in its sentence: a target
  kStrive,            // of targets, the aspirational ones (力争; each is a target cue too)
  kPreliminary,       // an estimate of the year under review (预计)
  kIncentive,         // an incentive clause (对…给予奖励): thresholds, not figures
  kNewlyAdded,        // 新增 before a stock indicator: the figure is a flow
  kSubjectWords,      // words naming the document's subject (全市, 我区)
  kEach,              // distributive subjects (各开发区): a figure for each of them
};
inline constexpr std::size_t kCueCategoryCount = 11;

// The category's key in a cue file: growth, not_this_indicator …
std::string_view CueCategoryId(CueCategory category);
std::optional<CueCategory> CueCategoryFromId(std::string_view id);
std::vector<std::string> CueCategoryIds();  // in the order above

// Bounds on what a cue file may ask for (src/load/cue_loader.cc reports them).
inline constexpr std::size_t kMaxCueWords = 1000;    // words in one category, all files together
inline constexpr std::size_t kMaxCuePatterns = 100;  // patterns in one category
inline constexpr int kMaxCueWordLength = 200;        // code points
inline constexpr int kMaxCuePatternLength = 1000;    // code points
// RE2's max_mem: the compiled program and DFA cache of one pattern, and of one category's set.
inline constexpr std::int64_t kCuePatternMemory = 1 << 20;
inline constexpr std::int64_t kCueSetMemory = 8 << 20;

// An occurrence of a cue in the text searched, in code points, end exclusive.
struct CueSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct CueEntry {
  std::string text;  // the word as written, or the pattern
  bool pattern = false;
  SourceLocation defined_at;
};

// Why a pattern was refused.
struct CuePatternError {
  enum class Kind { kSyntax, kTooLarge, kMatchesEmpty };
  Kind kind;
  std::string message;
};

class CueSet {
 public:
  CueSet();
  ~CueSet();
  CueSet(const CueSet&) = delete;
  CueSet& operator=(const CueSet&) = delete;

  // Building, before Finish. A word is normalised as document text is; false (nothing added)
  // when nothing of it is left.
  bool AddWord(CueCategory category, const std::string& word, SourceLocation where);
  // Compiles the pattern alone; the error (nothing added) when RE2 refuses it, when its program
  // needs more than kCuePatternMemory, or when it can match the empty text (it would be found
  // everywhere).
  std::optional<CuePatternError> AddPattern(CueCategory category, const std::string& pattern,
                                            SourceLocation where);
  // Compiles each category's patterns into one RE2::Set; Q002 at a category's first pattern when
  // they need more than kCueSetMemory together (that category's patterns are then dropped).
  void Finish(Diagnostics& diagnostics);

  // The entry already added with this text (a word compared once normalised), or null.
  const CueEntry* FindEntry(CueCategory category, std::string_view text, bool pattern) const;
  std::size_t word_count(CueCategory category) const;
  std::size_t pattern_count(CueCategory category) const;
  std::size_t entry_count() const;  // words and patterns of every category

  // Searching, after Finish. A growth search includes the decline cues and a target search the
  // strive cues. A pattern's ^ and $ are the ends of the text searched.
  bool Contains(CueCategory category, std::u32string_view text) const;
  // Every occurrence: each word's in the order the words were added (a word's occurrences
  // ascending, overlapping ones included), then each pattern's (non-overlapping, ascending).
  std::vector<CueSpan> FindAll(CueCategory category, std::u32string_view text) const;
  // The length of the longest entry `text` starts with, or ends with; 0 when none. Words are
  // compared in place, without a search of the whole text.
  std::size_t LongestPrefix(CueCategory category, std::u32string_view text) const;
  std::size_t LongestSuffix(CueCategory category, std::u32string_view text) const;

 private:
  struct Category;
  std::array<std::unique_ptr<Category>, kCueCategoryCount> categories_;
};

}  // namespace kaohe
