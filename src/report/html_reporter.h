// The HTML report for reviewers: one self-contained file (no network; works from file://) with
// summary counts, a grid of entities × rules coloured by status, filters by status, severity,
// entity, kind of entity, rule and year, every finding with its figures, arithmetic and quoted
// source, and per indicator a chart of target against actual for every entity.
#pragma once

#include <string>
#include <string_view>

#include "src/report/reporter.h"

namespace kaohe {

// JSON text made safe to embed in a <script> element: '<', '>' and '&' written as \u003c,
// \u003e and \u0026 (so that no "</script>", "<!--" or "<script" can end the element early or
// swallow the rest of the page), and U+2028/U+2029 as \u2028/\u2029. The same JSON value.
std::string ScriptSafeJson(std::string_view json);

class HtmlReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace kaohe
