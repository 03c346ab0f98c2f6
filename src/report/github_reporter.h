// GitHub Actions workflow commands: ::error / ::warning / ::notice at the document line of the
// figure each failing finding judges, so the job's annotations point into the report itself.
#pragma once

#include "src/report/reporter.h"

namespace kaohe {

class GithubReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace kaohe
