// Evaluate(compiled rules, facts) → findings. Every rule is evaluated for every entity in its
// scope, every indicator it names and every period it covers; a missing figure gives a
// no_data finding, disagreeing sources (different values or units, or two different
// qualifiers) a conflict finding. Findings come out sorted: by the
// dictionary's order of entities, then pack and rule order, indicator, measure and period.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/compiled_rule.h"
#include "engine/dictionary.h"
#include "engine/fact_store.h"
#include "engine/finding.h"
#include "engine/finding_list.h"

namespace kaohe {

// Judges every evaluation on `threads` threads (0: one per core) and returns the verdicts,
// explained only when read. The list explains through `facts` and `dictionary`, which must
// outlive it, as must `rules`.
FindingList Judge(const CompiledRuleSet& rules, const FactStore& facts,
                  const Dictionary& dictionary, unsigned threads = 0);

// Every finding, explained: Judge, then each finding read once.
std::vector<Finding> Evaluate(const CompiledRuleSet& rules, const FactStore& facts,
                              const Dictionary& dictionary);

// Evaluates a judged verdict again with its trace on: message, arithmetic, missing figures and
// evidence. Its status is always the one it was judged to have.
Finding Explain(const Verdict& verdict, const FactStore& facts, const Dictionary& dictionary);
// The same, into `out`, reusing the room of its strings and lists: a reporter explaining
// hundreds of thousands of findings one after another then seldom allocates.
void ExplainInto(const Verdict& verdict, const FactStore& facts, const Dictionary& dictionary,
                 Finding& out);

// Explains by walking the rule's expression tree even where ExplainInto would explain it
// straight from its two figures. For tests, which hold the two equal.
Finding ExplainByTree(const Verdict& verdict, const FactStore& facts, const Dictionary& dictionary);

// Whether judging decides this rule's verdicts straight from its two figures, where they are
// plain (its check compares its own actual with its own target, or bounds their difference in
// percentage points), rather than by walking its expression tree. For tests.
bool JudgedDirectly(const CompiledRule& rule);

// Fills a message template's {placeholders}; {{ and }} stand for braces. A placeholder whose
// value is nullopt is left as it is.
using PlaceholderValue = std::function<std::optional<std::string>(std::string_view name)>;
std::string RenderMessage(std::string_view message_template, const PlaceholderValue& value);
std::string RenderMessage(const std::string& message_template,
                          const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace kaohe
