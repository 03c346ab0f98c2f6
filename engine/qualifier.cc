#include "engine/qualifier.h"

#include <string>

namespace kaohe {

std::string_view QualifierId(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kNone:
      return "none";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kMoreThan:
      return "more_than";
    case Qualifier::kAtMost:
      return "at_most";
  }
  return "none";
}

std::optional<Qualifier> QualifierFromId(std::string_view id) {
  for (Qualifier q : {Qualifier::kNone, Qualifier::kApprox, Qualifier::kAtLeast,
                      Qualifier::kMoreThan, Qualifier::kAtMost}) {
    if (QualifierId(q) == id) return q;
  }
  return std::nullopt;
}

std::string_view QualifierPrefix(Qualifier qualifier) {
  return qualifier == Qualifier::kMoreThan ? "超" : "";
}

std::string_view QualifierSuffix(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kApprox:
      return "左右";
    case Qualifier::kAtLeast:
      return "以上";
    case Qualifier::kAtMost:
      return "以内";
    case Qualifier::kNone:
    case Qualifier::kMoreThan:
      break;
  }
  return "";
}

}  // namespace kaohe
