// SARIF 2.1.0, valid against the official schema. Each rule with its title, description and
// default level; each failing finding (fail, conflict, error; waived ones as suppressed) a
// result located at the document line of the figure it judges, so code hosts annotate the
// report line itself, with a stable fingerprint so hosts follow it across runs.
#pragma once

#include <string>
#include <string_view>

#include "src/report/reporter.h"

namespace kaohe {

// A file path as a URI reference (RFC 3986): unreserved characters and '/' as they are, every
// other byte of its UTF-8 percent-encoded ("a b#c" -> "a%20b%23c", "\\" -> "%5C", ':' -> "%3A",
// so that no first segment reads as a scheme).
std::string UriReference(std::string_view path);

class SarifReporter : public Reporter {
 public:
  void Write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace kaohe
