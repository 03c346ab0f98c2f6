// Scoring extraction against hand-annotated gold facts: precision and recall over distinct
// (entity, indicator, measure, period, kind, value) of the spec's canonical indicators, with
// every miss and every false fact listed, and the field that was wrong counted.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/fact.h"

namespace kaohe {

// The canonical indicator ids of the fact interchange spec: the ones scored.
const std::vector<std::string>& CanonicalIndicatorIds();

// The fields field_errors counts, in the order they are shown: the six of the tuple, then "other".
const std::vector<std::string>& ScoredFields();

struct EvaluationScore {
  int gold = 0;       // distinct gold tuples
  int extracted = 0;  // distinct extracted tuples
  int matched = 0;
  std::vector<Fact> misses;       // gold facts not extracted (one per distinct tuple)
  std::vector<Fact> false_facts;  // extracted facts not in the gold
  // For each false fact: the one field that sets it apart from a gold fact of its document
  // ("entity", "indicator", "measure", "period", "kind", "value"), else "other" (no gold fact
  // is one field away).
  std::map<std::string, int> field_errors;

  double precision() const { return extracted ? static_cast<double>(matched) / extracted : 1; }
  double recall() const { return gold ? static_cast<double>(matched) / gold : 1; }
  void Add(const EvaluationScore& other);
};

EvaluationScore ScoreExtraction(const std::vector<Fact>& gold, const std::vector<Fact>& extracted);

}  // namespace kaohe
