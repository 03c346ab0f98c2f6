#include "engine/suggest.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace kaohe {

TEST_CASE("edit distance counts code points and adjacent swaps") {
  CHECK(EditDistance("gdp", "gdp") == 0);
  CHECK(EditDistance("gpd", "gdp") == 1);
  CHECK(EditDistance("规上企业", "规上工业企业") == 2);
  CHECK(EditDistance("", "abc") == 3);
}

TEST_CASE("did-you-mean offers the closest candidate only when it is close") {
  std::vector<std::string> words = {"gdp", "retail_sales", "规上工业企业", "industry_output"};
  CHECK(DidYouMean("gpd", words) == "gdp");
  CHECK(DidYouMean("规上企业", words) == "规上工业企业");
  CHECK(DidYouMean("industry_outptu", words) == "industry_output");
  CHECK_FALSE(DidYouMean("population", words));
  CHECK(DidYouMeanSuffix("retail_sale", words) == " (did you mean retail_sales?)");
  CHECK(DidYouMeanSuffix("zzzzzz", words).empty());
}

TEST_CASE("edit distance keeps its value on long and unequal words") {
  CHECK(EditDistance("abcdef", "badcfe") == 3);
  CHECK(EditDistance(std::string(300, 'a'), std::string(200, 'a')) == 100);
  CHECK(EditDistance(std::string(300, 'a'), std::string(300, 'b')) == 300);
}

TEST_CASE("did-you-mean gives up on words no candidate can be close to") {
  std::vector<std::string> words = {"gdp", std::string(kMaxSuggestedLength, 'x')};
  // The longest word still looked for, one letter off.
  std::string near(kMaxSuggestedLength, 'x');
  near[10] = 'y';
  CHECK(DidYouMean(near, words) == words[1]);
  // One letter longer is not looked for, however close.
  CHECK_FALSE(DidYouMean(std::string(kMaxSuggestedLength + 1, 'x'), words));
  // A candidate far longer than the word is skipped, as is one far shorter.
  CHECK_FALSE(DidYouMean("gd" + std::string(8'000'000, 'p'), words));
  CHECK_FALSE(DidYouMean(std::string(40, 'x'), words));
  // The closest wins over an earlier one that is merely close.
  CHECK(DidYouMean("industry_outputss", {"industry_output", "industry_outputs"}) ==
        "industry_outputs");
  CHECK(DidYouMean("industry_outpt", {"industry_outputs", "industry_output"}) == "industry_output");
}

}  // namespace kaohe
