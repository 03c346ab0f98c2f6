// The console report: findings grouped by entity, each with its arithmetic and the source
// lines of the figures it used. Colour only when asked (on a terminal).
#pragma once

#include "src/report/reporter.h"

namespace kaohe {

class ConsoleReporter : public Reporter {
 public:
  explicit ConsoleReporter(bool color) : color_(color) {}
  void Write(const ReportInput& input, std::ostream& out) const override;

 private:
  bool color_;
};

// The first `max_code_points` code points of `text`, with "…" when cut.
std::string Truncate(std::string_view text, int max_code_points);

}  // namespace kaohe
