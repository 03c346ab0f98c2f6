#include "engine/qualifier.h"

#include <doctest/doctest.h>

#include "engine/fact.h"
#include "src/text/qualifier_words.h"

namespace kaohe {

TEST_CASE("qualifier ids are the spec's, and round-trip") {
  for (Qualifier q : {Qualifier::kNone, Qualifier::kApprox, Qualifier::kAtLeast,
                      Qualifier::kMoreThan, Qualifier::kAtMost}) {
    CHECK(QualifierFromId(QualifierId(q)) == q);
  }
  CHECK(QualifierId(Qualifier::kAtLeast) == "at_least");
  CHECK(QualifierId(Qualifier::kMoreThan) == "more_than");
  CHECK_FALSE(QualifierFromId("above"));
}

TEST_CASE("qualified values read as reports write them") {
  auto text = [](double value, const char* unit, Qualifier qualifier) {
    Fact f;
    f.value = value;
    f.unit = unit;
    f.qualifier = qualifier;
    return FormatFactValue(f);
  };
  CHECK(text(7, "%", Qualifier::kAtLeast) == "7%以上");
  CHECK(text(7, "%", Qualifier::kApprox) == "7%左右");
  CHECK(text(2e11, "元", Qualifier::kMoreThan) == "超2000亿元");
  CHECK(text(3, "%", Qualifier::kAtMost) == "3%以内");
  CHECK(text(5, "", Qualifier::kNone) == "5");
}

TEST_CASE("the qualifier words of the genre mean what Chinese usage says") {
  auto meaning = [](std::string_view word) -> std::optional<Qualifier> {
    for (const QualifierWord& w : QualifierWords()) {
      if (w.word == word) return w.qualifier;
    }
    return std::nullopt;
  };
  CHECK(meaning("左右") == Qualifier::kApprox);
  CHECK(meaning("以上") == Qualifier::kAtLeast);  // the number included
  CHECK(meaning("不低于") == Qualifier::kAtLeast);
  CHECK(meaning("不少于") == Qualifier::kAtLeast);
  CHECK(meaning("超过") == Qualifier::kMoreThan);  // the number excluded
  CHECK(meaning("突破") == Qualifier::kMoreThan);
  CHECK(meaning("余") == Qualifier::kMoreThan);
  CHECK(meaning("多") == Qualifier::kMoreThan);
  CHECK(meaning("以内") == Qualifier::kAtMost);
  CHECK(meaning("不超过") == Qualifier::kAtMost);
  // Longest first, so 不超过 is matched before any shorter word inside it.
  const auto& words = QualifierWords();
  for (std::size_t i = 1; i < words.size(); ++i) {
    CHECK(words[i - 1].word.size() >= words[i].word.size());
  }
}

}  // namespace kaohe
