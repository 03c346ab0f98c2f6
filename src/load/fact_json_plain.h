// The fast reader of one JSON Lines fact. simdjson's DOM parser is chosen for the CPU at run
// time as a whole, while its On Demand front end is built for the baseline CPU; a well-formed
// fact line is therefore read here, and only a line this reader turns down goes to the reader
// that can name the line and column of each problem (fact_jsonl.cc). The two must agree on
// every line this one accepts; a test holds them to it.
#pragma once

#include <simdjson.h>

#include <string_view>

#include "engine/fact.h"
#include "engine/name.h"

namespace kaohe {

// Reads `line` (followed in memory by simdjson::SIMDJSON_PADDING readable bytes) into `fact`.
// False for anything not a plain, complete, valid fact — a syntax error, a wrong type, an
// unknown word, a missing field — which the diagnosing reader then reports; `fact` is then
// unspecified. Names of the fact's own fields come from `names`.
bool ReadPlainFact(simdjson::dom::parser& parser, std::string_view line, RecentNames& names,
                   Fact& fact);

}  // namespace kaohe
