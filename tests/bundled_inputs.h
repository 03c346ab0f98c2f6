// The bundled dictionaries and cue words, loaded once per test binary: what an Extractor built
// by `kaohe extract` with no flags reads.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

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

}  // namespace kaohe::testing
