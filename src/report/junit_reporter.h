// JUnit XML, valid against the widely used (windyroad) JUnit schema: a test suite per rule pack,
// a test case per finding (classname = rule, name = entity, period and indicator). A fail or a
// conflict is a <failure>, an error an <error>, no data a <skipped>, each with the message and
// the evidence with its sources.
#pragma once

#include "src/report/reporter.h"

namespace kaohe {

class JunitReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

// Text escaped for XML attributes and content.
std::string XmlEscape(std::string_view text);

}  // namespace kaohe
