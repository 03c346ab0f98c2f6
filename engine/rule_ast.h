// Parsed rule packs: what the YAML says, with the position of every value. Names are not yet
// resolved and checks are not yet parsed; the rule compiler does both.
#pragma once

#include <string>
#include <vector>

#include "engine/source.h"

namespace kaohe {

template <typename T>
struct Located {
  T value{};
  SourceLocation where;
};

struct ScopeAst {
  std::vector<Located<std::string>> entities;  // by name or alias
  std::vector<Located<std::string>> kinds;     // entity kind ids
  std::vector<Located<std::string>> parents;   // an ancestor (any level) or group of each entity
  SourceLocation where;
};

struct CheckAst {
  std::string text;
  SourceLocation where;  // where text[0] stands in the file
  // True when the check sits on one line as written, so byte offsets map to columns.
  bool exact_columns = false;
};

struct RuleAst {
  Located<std::string> id;
  std::string title;
  std::string description;
  SourceLocation where;
  ScopeAst scope;
  std::vector<Located<std::string>> indicators;
  Located<std::string> measure;
  std::vector<Located<int>> periods;  // empty: every period the data have
  CheckAst check;
  Located<std::string> severity;
  Located<std::string> message;  // empty: the default message
  bool waivable = true;
};

struct ToleranceAst {
  Located<std::string> growth;  // e.g. "0.5pp"
  Located<std::string> level;   // e.g. "1%"
};

struct PackAst {
  std::string file;
  Located<std::string> id;
  std::string title;
  std::string document;  // the document the pack's targets come from, cited in reports
  std::string description;
  ToleranceAst tolerance;
  std::vector<RuleAst> rules;
};

// Reads a rule pack file. Shape mistakes (unknown keys, wrong types) are diagnostics; the
// returned pack holds whatever could be read.
class Diagnostics;
PackAst LoadRulePack(const SourceFile& file, Diagnostics& diagnostics);

}  // namespace kaohe
