// Rule packs (PackAst) → CompiledRuleSet. Resolves scopes, indicators and measures against
// the dictionary, parses each check, and checks its units: a level compared with a growth, or
// 元 with 家, is refused here, before any fact is read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/compiled_rule.h"
#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/rule_ast.h"

namespace kaohe {

// Most rules one run compiles.
inline constexpr std::size_t kMaxRules = 100'000;
// Most aggregates (sum, min, max, count over children) in one check: each reads every child of
// the entity judged, so they bound what a finding costs to this many times its children.
inline constexpr int kMaxAggregatesPerCheck = 8;

// Every problem is reported; returns nullopt when any is an error.
std::optional<CompiledRuleSet> CompileRules(const std::vector<PackAst>& packs,
                                            const Dictionary& dictionary, Diagnostics& diagnostics);

// The placeholders a message template may use, e.g. "entity", "actual".
const std::vector<std::string>& MessagePlaceholders();

// The message used when a rule gives none.
inline constexpr const char* kDefaultMessage =
    "{entity} {period} {indicator}{measure} {actual} {verdict} {target}";

}  // namespace kaohe
