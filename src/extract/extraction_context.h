// Shared state of one document's extraction (internal to src/extract).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/fact.h"
#include "src/extract/cues.h"
#include "src/extract/document.h"
#include "src/extract/document_time.h"
#include "src/extract/phrase_matcher.h"
#include "src/extract/unread.h"

namespace kaohe::internal {

struct ExtractionContext {
  const Dictionary& dictionary;
  const PhraseMatcher& indicators;  // ids index dictionary.indicators()
  const PhraseMatcher& entities;    // ids index dictionary.entities()
  const PhraseMatcher& shared;      // ids index dictionary.shared_aliases()
  const CueSet& cues;
  const Document& doc;  // the stretch of the document being read
  std::string subject;
  int report_year = 0;  // the year whose execution the document reports; 0 when unknown
  std::optional<std::pair<int, int>> plan_range;  // the first the document names: 2023—2025年
  std::vector<Fact>& out;
  Diagnostics& diagnostics;
  UnreadLog* unread = nullptr;  // when given, told why figures are dropped (kaohe extract --unread)

  // A figure of the sentence being read is dropped, for `reason`.
  void NoteUnread(UnreadReason reason, std::string_view detail = {}) const {
    if (unread) unread->Note(reason, detail);
  }

  // The document's years: outcome (== report_year), plan and writing year.
  DocumentTime time = {};
  // A target list that runs on past its sentence (主要预期目标是：A增长6%；↵B增长8%。): the
  // last line it reached and its year. A following sentence on the next line with no cue or
  // year of its own continues it; an outcome ends it.
  struct TargetList {
    int last_line = 0;
    int period = 0;
  } target_list = {};
  // The indicator a sentence last named, with the year and kind it was named for
  // (31个省区市2023年经济增长预期目标均已出炉): the figures of the places listed after it on the
  // next lines (海南为9.5%左右，江西、新疆为7%左右) are its, until another indicator is named.
  struct Topic {
    const Indicator* indicator = nullptr;
    Measure measure = Measure::kLevel;
    int period = 0;
    FactKind kind = FactKind::kActual;
    int line = 0;
  } topic = {};

  // The short names of the subject's districts and counties (香洲 for 香洲区), with their
  // names: computed once per stretch.
  const std::vector<std::pair<std::u32string, std::string>>& SubjectChildrenShortNames() const;
  mutable std::optional<std::vector<std::pair<std::u32string, std::string>>> children_short_names =
      std::nullopt;

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
