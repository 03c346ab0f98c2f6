// The HTML report for reviewers: one self-contained file (no network; works from file://) with
// summary counts, a grid of entities × rules coloured by status, filters by status, severity,
// entity, kind of entity, rule and year, every finding with its figures, arithmetic and quoted
// source, and per indicator a chart of target against actual for every entity.
#pragma once

#include "src/report/reporter.h"

namespace kaohe {

class HtmlReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace kaohe
