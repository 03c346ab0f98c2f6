// kaohe extract FILE… : facts from report text as JSON Lines.
// kaohe extract --unread FILE… : the indicator sentences that gave no fact, and why.
// kaohe eval --gold DIR --docs DIR : extraction scored against hand-annotated facts.
#pragma once

#include <string>
#include <vector>

#include "src/cli/app.h"
#include "src/load/project_root.h"

namespace kaohe {

struct ExtractCommand {
  std::vector<std::string> documents;
  std::vector<std::string> dictionaries;
  std::vector<std::string> cues;  // rules/cues.yaml, then --cues
  std::string entity;
  bool unread = false;  // list the unread indicator sentences instead of the facts
  ProjectRoot root;     // a symlink in a directory given is followed only to a file inside it
};

struct EvalCommand {
  std::vector<std::string> gold;
  std::vector<std::string> documents;
  std::vector<std::string> dictionaries;
  std::vector<std::string> cues;  // rules/cues.yaml, then --cues
  double min_precision = 0;       // below either floor: a message on stderr and exit 1
  double min_recall = 0;
  ProjectRoot root;  // the documents gold facts cite must lie inside it
};

int RunExtract(const ExtractCommand& command, Console& console);
int RunEval(const EvalCommand& command, Console& console);

}  // namespace kaohe
