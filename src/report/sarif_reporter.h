// SARIF 2.1.0, valid against the official schema. Each rule with its title, description and
// default level; each failing finding (fail, conflict, error; waived ones as suppressed) a
// result located at the document line of the figure it judges, so code hosts annotate the
// report line itself, with a stable fingerprint so hosts follow it across runs.
#pragma once

#include "src/report/reporter.h"

namespace kaohe {

class SarifReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace kaohe
