// Shared state of one document's extraction (internal to src/extract).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/fact.h"
#include "src/extract/document.h"
#include "src/extract/phrase_matcher.h"

namespace kaohe::internal {

struct ExtractionContext {
  const Dictionary& dictionary;
  const PhraseMatcher& indicators;  // ids index dictionary.indicators()
  const PhraseMatcher& entities;    // ids index dictionary.entities()
  const PhraseMatcher& shared;      // ids index dictionary.shared_aliases()
  const Document& doc;              // the stretch of the document being read
  std::string subject;
  int report_year = 0;  // the year whose execution the document reports; 0 when unknown
  std::optional<std::pair<int, int>> plan_range;  // the first the document names: 2023—2025年
  std::vector<Fact>& out;
  Diagnostics& diagnostics;

  // The first year of the plan the document sets; 0 when unknown.
  int plan_start() const { return plan_range ? plan_range->first : 0; }

  const Indicator& IndicatorOf(int id) const {
    return dictionary.indicators()[static_cast<std::size_t>(id)];
  }
  const Entity& EntityOf(int id) const {
    return dictionary.entities()[static_cast<std::size_t>(id)];
  }
  // The zone group of the subject (淮北市 → 淮北市开发区), for 全市开发区 and 总计 rows.
  std::string SubjectZoneGroup() const;
  // The years a 每年 column or sentence covers: the plan's range, else the report year + 1.
  std::vector<int> PlanYears() const;
};

// The original text of lines [first, last] with white space removed, joined by spaces: how a
// flattened table row is quoted.
std::string RowQuote(const Document& doc, int first_line, int last_line);

void ExtractTables(ExtractionContext& context);
void ExtractSentences(ExtractionContext& context);

}  // namespace kaohe::internal
