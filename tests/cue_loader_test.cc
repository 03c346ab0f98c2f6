// Cue files (src/load/cue_loader.h) and the compiled cue set (src/extract/cues.h): words and RE2
// patterns, with every mistake a diagnostic at its file, line and column.
#include "src/load/cue_loader.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "src/load/file_reader.h"
#include "tests/test_support.h"

namespace kaohe {

using testing::AllMessages;
using testing::FindCode;

namespace {

// A cue set from cue files given as texts, each added after the ones before, then finished.
struct Loaded {
  std::vector<std::unique_ptr<SourceFile>> files;
  CueSet cues;
  Diagnostics diagnostics;

  explicit Loaded(std::vector<std::string> texts, bool finish = true) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      files.push_back(
          std::make_unique<SourceFile>("cues" + std::to_string(i) + ".yaml", std::move(texts[i])));
      LoadCues(*files.back(), cues, diagnostics);
    }
    if (finish) cues.Finish(diagnostics);
  }
};

std::vector<std::pair<std::size_t, std::size_t>> Spans(const CueSet& cues, CueCategory category,
                                                       std::u32string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (CueSpan s : cues.FindAll(category, text)) out.emplace_back(s.begin, s.end);
  return out;
}

// The exit status of tests/validate_yaml_schemas.py on a file holding `yaml` under the cue
// schema's modeline.
int ValidateAgainstSchema(const std::string& yaml) {
  auto path = std::filesystem::temp_directory_path() /
              ("kaohe_cue_schema." + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << "# yaml-language-server: $schema=" << KAOHE_SOURCE_DIR
                      << "/rules/schemas/cues.schema.json\n"
                      << yaml;
  int status = std::system(("/usr/bin/python3 " + std::string(KAOHE_SOURCE_DIR) +
                            "/tests/validate_yaml_schemas.py '" + path.string() + "' > /dev/null")
                               .c_str());
  std::filesystem::remove(path);
  return status;
}

}  // namespace

TEST_CASE("the cue schema takes what the loader takes and catches a misspelt category") {
  CHECK(ValidateAgainstSchema("growth: [攀升, {word: 增速, note: n}, {pattern: 'a+b'}]\neach:\n") ==
        0);
  CHECK(ValidateAgainstSchema("grwoth: [攀升]\n") != 0);
  CHECK(ValidateAgainstSchema("growth: [{word: 增速, pattern: 'a+b'}]\n") != 0);
  CHECK(ValidateAgainstSchema("growth: ['']\n") != 0);
}

TEST_CASE("the bundled cue file loads cleanly, with the words of every category") {
  auto file = ReadTextFile(std::string(KAOHE_SOURCE_DIR) + "/rules/cues.yaml");
  REQUIRE(file.ok());
  CueSet cues;
  Diagnostics diagnostics;
  LoadCues(file.value(), cues, diagnostics);
  cues.Finish(diagnostics);
  CHECK_MESSAGE(diagnostics.empty(), AllMessages(diagnostics));
  for (const std::string& id : CueCategoryIds()) {
    CHECK_MESSAGE(cues.word_count(*CueCategoryFromId(id)) > 0, id);
  }
  CHECK(cues.Contains(CueCategory::kGrowth, U"比上年增长"));
  CHECK(cues.Contains(CueCategory::kGrowth, U"比上年下降"));  // a decline is a growth cue too
  CHECK(cues.Contains(CueCategory::kDecline, U"比上年下降"));
  CHECK_FALSE(cues.Contains(CueCategory::kDecline, U"比上年增长"));
  CHECK(cues.Contains(CueCategory::kTarget, U"力争"));  // a strive cue is a target cue too
  CHECK_FALSE(cues.Contains(CueCategory::kStrive, U"目标"));
  // Words are normalised as document text is: full-width brackets read as ASCII.
  CHECK(cues.Contains(CueCategory::kEach, U"各县(市、区)"));
  CHECK(cues.FindEntry(CueCategory::kEach, "各县（市、区）", false) != nullptr);
}

TEST_CASE("words and patterns are found with their positions in code points") {
  Loaded l({R"(growth:
  - 猛增
  - {pattern: '同比(?:提高|增加)', note: 增加 alone names an amount}
  - {word: 增速, note: a word with a note}
subject_words:
  - pattern: '全(?:市|区)域'
)"});
  REQUIRE_MESSAGE(l.diagnostics.empty(), AllMessages(l.diagnostics));
  CHECK(l.cues.word_count(CueCategory::kGrowth) == 2);
  CHECK(l.cues.pattern_count(CueCategory::kGrowth) == 1);
  CHECK(l.cues.entry_count() == 4);
  CHECK(l.cues.Contains(CueCategory::kGrowth, U"工业产值同比提高5%"));
  CHECK_FALSE(l.cues.Contains(CueCategory::kGrowth, U"工业产值提高5%"));
  // Words first, each in order, then patterns; patterns do not overlap.
  CHECK(Spans(l.cues, CueCategory::kGrowth, U"猛增后同比增加，同比提高猛增") ==
        std::vector<std::pair<std::size_t, std::size_t>>{{0, 2}, {12, 14}, {3, 7}, {8, 12}});
  CHECK(Spans(l.cues, CueCategory::kSubjectWords, U"全市域全区域") ==
        std::vector<std::pair<std::size_t, std::size_t>>{{0, 3}, {3, 6}});
  // A match that ends inside a character (\C is one byte) covers the whole character.
  Loaded bytes({"flat: [{pattern: '平\\C'}]\n"});
  REQUIRE_MESSAGE(bytes.diagnostics.empty(), AllMessages(bytes.diagnostics));
  CHECK(Spans(bytes.cues, CueCategory::kFlat, U"持平稳") ==
        std::vector<std::pair<std::size_t, std::size_t>>{{1, 3}});
  // A pattern's ^ is the start of the text searched.
  Loaded anchored({"target: [{pattern: '^计划'}]\n"});
  CHECK(anchored.cues.Contains(CueCategory::kTarget, U"计划增长5%"));
  CHECK_FALSE(anchored.cues.Contains(CueCategory::kTarget, U"按计划增长5%"));
}

TEST_CASE("a bad pattern is an error at the pattern's line and column, with RE2's reason") {
  Loaded l({R"(growth:
  - 猛增
  - {pattern: '(增长|上升', note: unclosed}
)"});
  const Diagnostic* d = FindCode(l.diagnostics, "Q001");
  REQUIRE(d != nullptr);
  CHECK(d->location.file == "cues0.yaml");
  CHECK(d->location.line == 3);
  CHECK(d->location.column == 15);
  CHECK(d->message.find("missing )") != std::string::npos);
  CHECK(l.cues.pattern_count(CueCategory::kGrowth) == 0);
  CHECK(l.cues.word_count(CueCategory::kGrowth) == 1);  // the rest of the file is read
}

TEST_CASE("an unknown category is an error with a suggestion, as in other YAML files") {
  Loaded l({"grwoth: [猛增]\ntarget: [目标]\n"});
  const Diagnostic* d = FindCode(l.diagnostics, "Y003");
  REQUIRE(d != nullptr);
  CHECK(d->location.line == 1);
  CHECK(d->location.column == 1);
  CHECK(d->message.find("did you mean growth?") != std::string::npos);
  CHECK(l.cues.word_count(CueCategory::kTarget) == 1);
}

TEST_CASE("an entry given twice is a warning naming the first, in one file or across files") {
  Loaded l({"growth: [猛增, 猛增]\n",
            "growth:\n  - 猛增\n  - {pattern: 'a+b'}\n  - {pattern: 'a+b'}\n"});
  std::vector<const Diagnostic*> duplicates;
  for (const Diagnostic& d : l.diagnostics.all()) {
    if (d.code == "Q005") duplicates.push_back(&d);
  }
  REQUIRE(duplicates.size() == 3);
  CHECK(duplicates[0]->severity == DiagnosticSeverity::kWarning);
  CHECK(duplicates[0]->location.line == 1);
  CHECK(duplicates[0]->message.find("cues0.yaml:1:10") != std::string::npos);
  CHECK(duplicates[1]->location.file == "cues1.yaml");
  CHECK(duplicates[1]->message.find("cues0.yaml:1:10") != std::string::npos);
  CHECK(duplicates[2]->message.find("cues1.yaml:3:15") != std::string::npos);
  CHECK_FALSE(l.diagnostics.has_errors());
  CHECK(l.cues.word_count(CueCategory::kGrowth) == 1);
  CHECK(l.cues.pattern_count(CueCategory::kGrowth) == 1);
}

TEST_CASE("entries that would match everywhere, or are word and pattern at once, are errors") {
  Loaded l({R"(growth:
  - ''
  - {pattern: '(?:增长)?'}
  - {pattern: '\b'}
  - {pattern: '$'}
  - {word: 增长, pattern: 增长}
  - {note: neither}
  - [a, list]
)"});
  std::vector<std::string> codes;
  for (const Diagnostic& d : l.diagnostics.all()) {
    codes.push_back(d.code + ":" + std::to_string(d.location.line));
  }
  CHECK(codes == std::vector<std::string>{"Q004:2", "Q004:3", "Q004:4", "Q004:5", "Q006:6",
                                          "Y005:7", "Y002:8"});
  CHECK(l.cues.entry_count() == 0);
}

TEST_CASE("the bounds on a cue file: entries, length and compiled size") {
  SUBCASE("words in a category") {
    std::string yaml = "growth:\n";
    for (std::size_t i = 0; i <= kMaxCueWords + 5; ++i) yaml += "  - w" + std::to_string(i) + "\n";
    Loaded l({yaml});
    REQUIRE(l.diagnostics.all().size() == 1);  // once, at the first word past the bound
    CHECK(l.diagnostics.all()[0].code == "Q003");
    CHECK(l.diagnostics.all()[0].location.line == static_cast<int>(kMaxCueWords) + 2);
    CHECK(l.cues.word_count(CueCategory::kGrowth) == kMaxCueWords);
  }
  SUBCASE("patterns in a category, across files") {
    std::string first = "target:\n", second = "target:\n";
    for (std::size_t i = 0; i < kMaxCuePatterns; ++i) {
      (i % 2 ? first : second) += "  - pattern: 'p" + std::to_string(i) + "'\n";
    }
    second += "  - pattern: 'one more'\n";
    Loaded l({first, second});
    REQUIRE(l.diagnostics.all().size() == 1);
    CHECK(l.diagnostics.all()[0].code == "Q003");
    CHECK(l.diagnostics.all()[0].location.file == "cues1.yaml");
  }
  SUBCASE("a pattern too long, or too large compiled") {
    Loaded l({"growth:\n  - pattern: '" + std::string(kMaxCuePatternLength + 1, 'a') +
              "'\n  - pattern: '\\pL{1000}'\n"});
    CHECK(testing::AllMessages(l.diagnostics).find("Y010") != std::string::npos);
    const Diagnostic* d = FindCode(l.diagnostics, "Q002");
    REQUIRE(d != nullptr);
    CHECK(d->location.line == 3);
  }
  SUBCASE("a category's patterns together too large compiled") {
    std::string yaml = "growth:\n";
    for (std::size_t i = 0; i < kMaxCuePatterns; ++i) {
      yaml += "  - pattern: '(?:[一-龥]{30}){30}" + std::to_string(i) + "'\n";
    }
    Loaded l({yaml});
    const Diagnostic* d = FindCode(l.diagnostics, "Q002");
    REQUIRE(d != nullptr);
    CHECK(d->location.line == 2);  // the category's first pattern
    CHECK(l.cues.pattern_count(CueCategory::kGrowth) == 0);
  }
}

TEST_CASE("a catastrophic-backtracking pattern is searched in linear time") {
  Loaded l({"growth: [{pattern: '(a*)*b'}, {pattern: '(x+x+)+y'}]\n"});
  REQUIRE_MESSAGE(l.diagnostics.empty(), AllMessages(l.diagnostics));
  std::u32string text(200'000, U'a');
  text += std::u32string(200'000, U'x');
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(l.cues.Contains(CueCategory::kGrowth, text));
  CHECK(l.cues.FindAll(CueCategory::kGrowth, text).empty());
  text += U"b";
  CHECK(l.cues.Contains(CueCategory::kGrowth, text));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 5);  // a backtracking engine would not finish
}

}  // namespace kaohe
