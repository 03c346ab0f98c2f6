#include "engine/suggest.h"

#include <doctest/doctest.h>

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

}  // namespace kaohe
