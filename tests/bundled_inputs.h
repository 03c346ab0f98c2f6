// The bundled dictionaries and cue words, loaded once per test binary: what an Extractor built
// by `kaohe extract` with no flags reads; and a text's lines for ExtractLines.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "src/extract/cues.h"
#include "src/load/inputs.h"

namespace kaohe::testing {

struct BundledInputs {
  std::unique_ptr<Dictionary> dictionary;
  std::unique_ptr<CueSet> cues;
  BundledInputs() {
    Diagnostics diagnostics;
    InputPaths paths;
    paths.dictionaries = {std::string(KAOHE_SOURCE_DIR) + "/rules/dictionary"};
    paths.cues = {std::string(KAOHE_SOURCE_DIR) + "/rules/cues.yaml"};
    auto inputs = LoadInputs(paths, diagnostics);
    REQUIRE(inputs.ok());
    REQUIRE_FALSE(diagnostics.has_errors());
    dictionary = std::move(inputs.value().dictionary);
    cues = std::move(inputs.value().cues);
  }
};

// The one instance of a test binary.
inline const BundledInputs& Bundled() {
  static const BundledInputs bundled;
  return bundled;
}

// A text's lines, as Extractor::ExtractLines takes them.
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace kaohe::testing
