// The JSON report: {"findings":[…],"summary":{…}}; schema in README.
#pragma once

#include "src/report/reporter.h"

namespace kaohe {

class JsonReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace kaohe
