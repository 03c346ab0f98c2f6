// Shared by the fuzz targets: the bundled dictionaries, loaded once, and a main() that replays
// files and directories when the target is built without libFuzzer (plain executables that
// keep the corpora and regressions running under ctest and the sanitizers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "engine/dictionary.h"

namespace kaohe::fuzz {

const Dictionary& BundledDictionary();

}  // namespace kaohe::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
