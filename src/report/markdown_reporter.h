// The Markdown report, for a person to review: counts on top, failures first, then every
// finding by entity with the quoted source of each figure.
#pragma once

#include "src/report/reporter.h"

namespace kaohe {

class MarkdownReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace kaohe
