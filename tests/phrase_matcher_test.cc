#include "src/extract/phrase_matcher.h"

#include <doctest/doctest.h>

#include <vector>

namespace kaohe {
namespace {

struct Span {
  int begin, end, id;
  bool operator==(const Span&) const = default;
};

std::vector<Span> Spans(const PhraseMatcher& matcher, std::u32string_view text) {
  std::vector<Span> out;
  for (const PhraseMatch& m : matcher.Find(text)) out.push_back({m.begin, m.end, m.id});
  return out;
}

}  // namespace

TEST_CASE("phrases are found leftmost-longest without overlaps") {
  PhraseMatcher matcher;
  matcher.Add(U"国内", 1);
  matcher.Add(U"国内生产总值", 2);
  matcher.Add(U"生产", 3);
  matcher.Add(U"总值增长", 4);
  matcher.Build();
  // The longest phrase at the leftmost start wins; 总值增长 overlaps it and is dropped.
  CHECK(Spans(matcher, U"全年国内生产总值增长") == std::vector<Span>{{2, 8, 2}});
  // Found through a fail link: 国内生 fails over to 生产.
  CHECK(Spans(matcher, U"国内生产") == std::vector<Span>{{0, 2, 1}, {2, 4, 3}});
  CHECK(Spans(matcher, U"无").empty());
  CHECK(Spans(matcher, U"").empty());
}

TEST_CASE("the first phrase added wins a tie, and characters beyond the BMP match") {
  PhraseMatcher matcher;
  matcher.Add(U"北京", 7);
  matcher.Add(U"北京", 8);
  matcher.Add(U"𠀀区", 9);  // U+20000 is not in the root's dense table
  matcher.Build();
  CHECK(Spans(matcher, U"北京𠀀区") == std::vector<Span>{{0, 2, 7}, {2, 4, 9}});
}

}  // namespace kaohe
