// Fact files: the first byte picks JSON Lines, a YAML target table or CSV; the rest is the file.
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "tests/fuzz/fuzz_support.h"

namespace kaohe::fuzz {

// A plain fact file (a hostile input) is framed with the byte that picks its format; framed
// inputs (the corpus, libFuzzer's finds) are fed as they are.
std::string ReplayInput(const std::string& path, std::string bytes) {
  static const char* kExtensions[] = {".jsonl", ".yaml", ".csv"};
  for (char format = 0; format < 3; ++format) {
    if (path.ends_with(kExtensions[static_cast<int>(format)])) return format + bytes;
  }
  return bytes;
}

}  // namespace kaohe::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  if (size == 0) return 0;
  std::string text = fuzz::ValidUtf8(data + 1, size - 1);
  static const char* kNames[] = {"fuzz.jsonl", "fuzz.yaml", "fuzz.csv"};
  SourceFile file(kNames[data[0] % 3], text);
  Diagnostics diagnostics;
  DocumentCache documents;
  FactChecker checker(fuzz::BundledDictionary(), diagnostics, documents);
  FactStore store;
  LoadFactFile(file, checker, store);
  std::string rendered;
  for (const Diagnostic& d : diagnostics.all()) rendered += RenderDiagnostic(d) + "\n";
  if (data[0] % 3 == 0) {
    // The fast reader of JSON Lines must take only lines the diagnosing reader reads the same.
    Diagnostics diagnosed;
    FactChecker diagnosing(fuzz::BundledDictionary(), diagnosed, documents);
    FactStore by_diagnosing;
    LoadFactsJsonl(file, diagnosing, by_diagnosing, /*plain_first=*/false);
    std::string expected;
    for (const Diagnostic& d : diagnosed.all()) expected += RenderDiagnostic(d) + "\n";
    auto facts = [](const FactStore& s) {
      std::string all;
      s.ForEach([&](const FactKey&, std::span<const Fact> found) {
        for (const Fact& f : found) all += DebugString(f) + "\n";
      });
      return all;
    };
    if (expected != rendered || facts(store) != facts(by_diagnosing)) __builtin_trap();
  }
  return 0;
}
