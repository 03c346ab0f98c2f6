// Shared by the fuzz targets: the bundled dictionaries and cue words, loaded once, and a main()
// that replays files and directories when the target is built without libFuzzer (plain executables
// that keep the corpora and regressions running under ctest and the sanitizers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dictionary.h"
#include "src/extract/cues.h"

namespace kaohe::fuzz {

const Dictionary& BundledDictionary();
// The bundled cue words (rules/cues.yaml), loaded once.
const CueSet& BundledCues();

// The input with every byte that is not part of valid UTF-8 replaced by '?', so that mutations
// of Chinese text keep reaching the code past the readers' UTF-8 check.
std::string ValidUtf8(const uint8_t* data, size_t size);

// Size-aware targets: a small input that describes a large one, so that the fuzzer (whose
// inputs stay under -max_len) reaches the sizes where a path's cost shows (long paragraphs,
// aliased YAML, long names). The first `counts` bytes of the input are repeat counts (two bytes
// each, little-endian), the rest is the unit to repeat.
struct Amplifier {
  std::vector<std::size_t> counts;
  std::string unit;  // valid UTF-8
};
Amplifier ReadAmplifier(const uint8_t* data, size_t size, std::size_t counts);
// `unit` repeated `count` times, stopping before `max_bytes`.
std::string Repeat(std::string_view unit, std::size_t count, std::size_t max_bytes);

// What the replaying main() feeds the target for a file's bytes. By default the bytes as they
// are; a target whose input is framed (fact_loaders: a first byte picks the format) overrides
// it to frame a plain file, such as a hostile input named by its extension.
std::string ReplayInput(const std::string& path, std::string bytes);

}  // namespace kaohe::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
