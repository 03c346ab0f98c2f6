#include "tests/fuzz/fuzz_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "src/load/file_reader.h"
#include "src/load/inputs.h"

namespace kaohe::fuzz {

const Dictionary& BundledDictionary() {
  static const std::unique_ptr<Dictionary> dictionary = [] {
    Diagnostics diagnostics;
    InputPaths paths;
    paths.dictionaries = {std::string(KAOHE_SOURCE_DIR) + "/rules/dictionary"};
    auto inputs = LoadInputs(paths, diagnostics);
    if (!inputs.ok() || diagnostics.has_errors()) std::abort();
    return std::move(inputs.value().dictionary);
  }();
  return *dictionary;
}

const CueSet& BundledCues() {
  static const std::unique_ptr<CueSet> cues = [] {
    Diagnostics diagnostics;
    InputPaths paths;
    paths.dictionaries = {std::string(KAOHE_SOURCE_DIR) + "/rules/dictionary"};
    paths.cues = {std::string(KAOHE_SOURCE_DIR) + "/rules/cues.yaml"};
    auto inputs = LoadInputs(paths, diagnostics);
    if (!inputs.ok() || diagnostics.has_errors()) std::abort();
    return std::move(inputs.value().cues);
  }();
  return *cues;
}

std::string ValidUtf8(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  for (std::size_t bad = FindInvalidUtf8(text); bad != std::string::npos;
       bad = FindInvalidUtf8(text)) {
    text[bad] = '?';
  }
  return text;
}

Amplifier ReadAmplifier(const uint8_t* data, size_t size, std::size_t counts) {
  Amplifier a;
  for (std::size_t i = 0; i < counts; ++i) {
    std::size_t count = 0;
    if (2 * i + 1 < size) count = data[2 * i] | (std::size_t{data[2 * i + 1]} << 8);
    a.counts.push_back(count);
  }
  const std::size_t head = std::min(size, 2 * counts);
  a.unit = ValidUtf8(data + head, size - head);
  return a;
}

std::string Repeat(std::string_view unit, std::size_t count, std::size_t max_bytes) {
  std::string out;
  if (unit.empty()) return out;
  count = std::min(count, max_bytes / unit.size());
  out.reserve(unit.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += unit;
  return out;
}

__attribute__((weak)) std::string ReplayInput(const std::string&, std::string bytes) {
  return bytes;
}

}  // namespace kaohe::fuzz

#ifndef KAOHE_LIBFUZZER
// Replays every file named, or found in the directories named.
int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (!fs::exists(argv[i])) {
      std::cerr << argv[i] << ": no such file or directory\n";
      return 1;
    }
    if (fs::is_directory(argv[i])) {
      for (const auto& entry : fs::recursive_directory_iterator(argv[i])) {
        if (entry.is_regular_file()) files.push_back(entry.path().string());
      }
    } else {
      files.push_back(argv[i]);
    }
  }
  if (files.empty()) {
    // A mistyped corpus path must not pass as a clean replay.
    std::cerr << "no inputs found to replay\n";
    return 1;
  }
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string data = kaohe::fuzz::ReplayInput(
        file, std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  }
  // A crash, a sanitizer report or a failed assertion ends the process before this line.
  std::cout << files.size() << " inputs replayed without a crash\n";
  return 0;
}
#endif
