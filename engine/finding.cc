#include "engine/finding.h"

namespace kaohe {

std::string_view StatusId(Status status) {
  switch (status) {
    case Status::kPass:
      return "pass";
    case Status::kFail:
      return "fail";
    case Status::kNoData:
      return "no_data";
    case Status::kConflict:
      return "conflict";
    case Status::kError:
      return "error";
    case Status::kWaived:
      return "waived";
  }
  return "error";
}

std::string_view SeverityId(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::optional<Severity> SeverityFromId(std::string_view id) {
  if (id == "error") return Severity::kError;
  if (id == "warning") return Severity::kWarning;
  if (id == "info") return Severity::kInfo;
  return std::nullopt;
}

Severity Milder(Severity severity) {
  return severity == Severity::kError ? Severity::kWarning : Severity::kInfo;
}

}  // namespace kaohe
