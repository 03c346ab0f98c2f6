// Facts and findings as JSON, in the field order of the fact interchange spec.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/fact.h"
#include "engine/finding.h"

namespace kaohe {

// Lets nlohmann::json take a Name wherever it takes a string.
template <typename BasicJson>
void to_json(BasicJson& json, const Name& name) {
  json = name.str();
}

nlohmann::ordered_json FactToJson(const Fact& fact);
nlohmann::ordered_json FindingToJson(const Finding& finding);

}  // namespace kaohe
