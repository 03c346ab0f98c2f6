// kaohe explain RULE ENTITY [PERIOD]: one rule's evaluation for one entity, step by step.
// kaohe doc: the rule catalogue in Markdown, what reviewers read before the findings.
#pragma once

#include <optional>
#include <string>

#include "engine/compiled_rule.h"
#include "engine/dictionary.h"
#include "engine/fact_store.h"
#include "src/cli/app.h"

namespace kaohe {

int RunExplain(const CompiledRuleSet& rules, const FactStore& facts, const Dictionary& dictionary,
               const std::string& rule_id, const std::string& entity, std::optional<int> period,
               Console& console);

// The catalogue of every pack and rule.
std::string RuleCatalogue(const CompiledRuleSet& rules, const Dictionary& dictionary);

}  // namespace kaohe
