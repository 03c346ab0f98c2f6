#include "src/extract/evaluation.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace kaohe {

const std::vector<std::string>& CanonicalIndicatorIds() {
  static const std::vector<std::string> kIds = {"gdp",
                                                "industry_value_added",
                                                "industry_output",
                                                "industry_enterprises",
                                                "new_industry_enterprises",
                                                "fixed_asset_investment",
                                                "industrial_investment",
                                                "budget_revenue",
                                                "retail_sales",
                                                "foreign_trade",
                                                "urban_income",
                                                "rural_income",
                                                "services_value_added",
                                                "primary_value_added",
                                                "secondary_value_added",
                                                "tertiary_value_added",
                                                "new_urban_jobs",
                                                "high_tech_enterprises",
                                                "new_industrial_projects",
                                                "grain_output"};
  return kIds;
}

const std::vector<std::string>& ScoredFields() {
  static const std::vector<std::string> kFields = {"entity", "indicator", "measure", "period",
                                                   "kind",   "value",     "other"};
  return kFields;
}

namespace {

using Tuple = std::tuple<std::string, std::string, int, int, int, long long>;

// Values compared to six significant digits, so 16200000000 and 1.62e10 agree.
long long ValueKey(double v) {
  if (v == 0) return 0;
  double magnitude = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 5);
  return static_cast<long long>(std::llround(v / magnitude)) * 1000 +
         static_cast<long long>(std::floor(std::log10(std::fabs(v))));
}

Tuple KeyOf(const Fact& f) {
  return {f.key.entity,
          f.key.indicator,
          static_cast<int>(f.key.measure),
          f.key.period,
          static_cast<int>(f.key.kind),
          ValueKey(f.value)};
}

bool Scored(const Fact& f) {
  const auto& ids = CanonicalIndicatorIds();
  return std::find(ids.begin(), ids.end(), f.key.indicator) != ids.end();
}

std::string OnlyDifference(const Tuple& a, const Tuple& b) {
  int differences = 0;
  std::string field;
  auto check = [&](bool same, const char* name) {
    if (!same) {
      ++differences;
      field = name;
    }
  };
  check(std::get<0>(a) == std::get<0>(b), "entity");
  check(std::get<1>(a) == std::get<1>(b), "indicator");
  check(std::get<2>(a) == std::get<2>(b), "measure");
  check(std::get<3>(a) == std::get<3>(b), "period");
  check(std::get<4>(a) == std::get<4>(b), "kind");
  check(std::get<5>(a) == std::get<5>(b), "value");
  return differences == 1 ? field : "";
}

}  // namespace

void EvaluationScore::Add(const EvaluationScore& other) {
  gold += other.gold;
  extracted += other.extracted;
  matched += other.matched;
  misses.insert(misses.end(), other.misses.begin(), other.misses.end());
  false_facts.insert(false_facts.end(), other.false_facts.begin(), other.false_facts.end());
  for (const auto& [field, n] : other.field_errors) field_errors[field] += n;
}

EvaluationScore ScoreExtraction(const std::vector<Fact>& gold, const std::vector<Fact>& extracted) {
  EvaluationScore score;
  std::map<Tuple, const Fact*> gold_tuples, extracted_tuples;
  for (const Fact& f : gold) {
    if (Scored(f)) gold_tuples.emplace(KeyOf(f), &f);
  }
  for (const Fact& f : extracted) {
    if (Scored(f)) extracted_tuples.emplace(KeyOf(f), &f);
  }
  score.gold = static_cast<int>(gold_tuples.size());
  score.extracted = static_cast<int>(extracted_tuples.size());
  for (const auto& [key, fact] : gold_tuples) {
    if (extracted_tuples.count(key)) {
      ++score.matched;
    } else {
      score.misses.push_back(*fact);
    }
  }
  for (const auto& [key, fact] : extracted_tuples) {
    if (gold_tuples.count(key)) continue;
    score.false_facts.push_back(*fact);
    std::string field;
    for (const auto& [gold_key, g] : gold_tuples) {
      field = OnlyDifference(key, gold_key);
      if (!field.empty()) break;
    }
    ++score.field_errors[field.empty() ? "other" : field];
  }
  auto by_line = [](const Fact& a, const Fact& b) {
    return std::tie(a.source.file, a.source.line) < std::tie(b.source.file, b.source.line);
  };
  std::sort(score.misses.begin(), score.misses.end(), by_line);
  std::sort(score.false_facts.begin(), score.false_facts.end(), by_line);
  return score;
}

}  // namespace kaohe
