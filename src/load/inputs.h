// Loading everything a check needs — dictionaries, rule packs, facts — collecting every
// diagnostic of every file before the caller decides whether to go on.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/compiled_rule.h"
#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/fact_store.h"
#include "engine/phase_timer.h"
#include "engine/result.h"
#include "src/extract/cues.h"
#include "src/load/fact_loaders.h"
#include "src/load/project_root.h"

namespace kaohe {

struct InputPaths {
  std::vector<std::string> dictionaries;  // files or directories of .yaml
  std::vector<std::string> rules;         // files or directories of .yaml; none: load no rules
  std::vector<std::string> facts;         // files or directories of .jsonl/.yaml/.csv
  std::vector<std::string> documents;     // report text to extract facts from (.txt)
  std::size_t max_facts = kMaxFacts;      // more is an error; lowered by tests
  ProjectRoot root;                       // paths named inside these files must lie inside it
  // Cue files (rules/cues.yaml, then --cues), each adding to those before; none: no cues.
  std::vector<std::string> cues;
};

struct Inputs {
  std::unique_ptr<Dictionary> dictionary;  // owned here: compiled rules point into it
  std::unique_ptr<CueSet> cues;            // never null; empty when no cue file was given
  std::optional<CompiledRuleSet> rules;    // nullopt when the rules had errors
  FactStore facts;
  // Of the documents' indicator sentences and table rows (src/extract/unread.h), how many gave
  // a fact: "N of M indicator sentences read…"; empty without documents.
  std::string reading_summary;
};

// Could-not-run problems (a missing path, unreadable file) are the Error; mistakes in the
// files are diagnostics. Diagnostics lacking a source snippet get one from the file (reading
// only up to that line).
// `timer`, when given, is marked at the end of the dictionary, the rules and the facts.
Result<Inputs> LoadInputs(const InputPaths& paths, Diagnostics& diagnostics,
                          PhaseTimer* timer = nullptr);

}  // namespace kaohe
