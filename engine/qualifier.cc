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

std::string QualifiedText(std::string_view quantity, Qualifier qualifier) {
  std::string q(quantity);
  switch (qualifier) {
    case Qualifier::kNone:
      return q;
    case Qualifier::kApprox:
      return q + "左右";
    case Qualifier::kAtLeast:
      return q + "以上";
    case Qualifier::kMoreThan:
      return "超" + q;
    case Qualifier::kAtMost:
      return q + "以内";
  }
  return q;
}

}  // namespace kaohe
