// kaohe's quantity layer against Microsoft Recognizers-Text's Chinese test cases (MIT; vendored
// in tests/peer/recognizers-text). A case passes when kaohe finds the same mentions, in order,
// with the same text (compared after NFKC, lower-casing and removing white space) and the same
// value. KAOHE_PEER_VERBOSE=1 lists every case that does not pass.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "src/extract/quantity.h"
#include "src/text/normalize.h"

namespace kaohe {
namespace {

struct Mention {
  std::string text;
  double value;
};

std::string Canonical(const std::string& text) {
  NormalizedLine n = NormalizeLine(text);
  std::u32string out;
  for (char32_t c : n.text) {
    if (c == U' ') continue;
    out += (c >= U'A' && c <= U'Z') ? c - U'A' + U'a' : c;
  }
  return ToUtf8(out);
}

enum class Model { kNumber, kPercent, kCurrency };

std::vector<Mention> Ours(const std::string& input, Model model) {
  NormalizedLine n = NormalizeLine(input);
  std::u32string original = ToUtf32(input);
  std::vector<Mention> out;
  for (const Quantity& q : FindQuantities(n.text)) {
    bool percent = q.unit == "%" || q.unit == "pp";
    bool currency = q.unit == "元" || q.unit == "美元";
    int begin = model == Model::kNumber ? q.number_begin : q.begin;
    int end = model == Model::kNumber ? q.number_end : q.end;
    if (model == Model::kPercent && !percent) continue;
    if (model == Model::kCurrency && !currency) continue;
    if (model != Model::kNumber && q.qualifier != Qualifier::kNone && q.begin < q.number_begin) {
      begin = q.number_begin;  // peers leave qualifier words out of the mention
    }
    int ob = n.OriginalBegin(static_cast<std::size_t>(begin));
    int oe = n.OriginalEnd(static_cast<std::size_t>(end));
    double value = model == Model::kNumber ? q.number : q.value;
    out.push_back({ToUtf8(std::u32string_view(original).substr(ob, oe - ob)), value});
  }
  return out;
}

struct Score {
  int passed = 0;
  int total = 0;
  double rate() const { return total ? static_cast<double>(passed) / total : 0; }
};

Score RunSuite(const std::string& file, Model model) {
  std::ifstream in(std::string(KAOHE_SOURCE_DIR) + "/tests/peer/recognizers-text/" + file);
  REQUIRE(in);
  nlohmann::json cases = nlohmann::json::parse(in);
  const bool verbose = std::getenv("KAOHE_PEER_VERBOSE") != nullptr;
  Score score;
  for (const auto& c : cases) {
    std::string input = c["Input"];
    std::vector<Mention> expected;
    for (const auto& r : c["Results"]) {
      const auto& v = r["Resolution"]["value"];
      if (!v.is_string()) continue;  // a currency name without an amount: not a quantity
      std::string text = v.get<std::string>();
      if (!text.empty() && text.back() == '%') text.pop_back();
      expected.push_back({r["Text"], std::strtod(text.c_str(), nullptr)});
    }
    std::vector<Mention> ours = Ours(input, model);
    bool same = ours.size() == expected.size();
    for (std::size_t i = 0; same && i < ours.size(); ++i) {
      same = Canonical(ours[i].text) == Canonical(expected[i].text) &&
             std::fabs(ours[i].value - expected[i].value) <=
                 1e-6 * std::max(1.0, std::fabs(expected[i].value));
    }
    ++score.total;
    if (same) {
      ++score.passed;
    } else if (verbose) {
      std::string got, want;
      for (const Mention& m : ours) got += fmt::format("[{} {}]", m.text, m.value);
      for (const Mention& m : expected) want += fmt::format("[{} {}]", m.text, m.value);
      std::cout << file << ": " << input << "\n    want " << want << "\n    got  " << got << "\n";
    }
  }
  std::cout << fmt::format("peer suite {}: {}/{} = {:.1f}%\n", file, score.passed, score.total,
                           100 * score.rate());
  return score;
}

}  // namespace

TEST_CASE("Recognizers-Text NumberModel: at least 90% of cases") {
  CHECK(RunSuite("Number-Chinese-NumberModel.json", Model::kNumber).rate() >= 0.90);
}

TEST_CASE("Recognizers-Text PercentModel: at least 80% of cases") {
  CHECK(RunSuite("Number-Chinese-PercentModel.json", Model::kPercent).rate() >= 0.80);
}

TEST_CASE("Recognizers-Text CurrencyModel: measured") {
  Score s = RunSuite("NumberWithUnit-Chinese-CurrencyModel.json", Model::kCurrency);
  CHECK(s.total == 35);  // measured and reported in README; no threshold is set
}

}  // namespace kaohe
