// Facts and findings as JSON, in the field order of the fact interchange spec, one object on
// one line.
#pragma once

#include <string>

#include "engine/fact.h"
#include "engine/finding.h"

namespace kaohe {

void AppendFactJson(std::string& out, const Fact& fact);
void AppendFindingJson(std::string& out, const Finding& finding);

std::string FactJson(const Fact& fact);
std::string FindingJson(const Finding& finding);

}  // namespace kaohe
