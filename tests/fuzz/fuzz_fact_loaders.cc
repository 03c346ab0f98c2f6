// Fact files: the first byte picks JSON Lines, a YAML target table or CSV; the rest is the file.
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "tests/fuzz/fuzz_support.h"

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
  for (const Diagnostic& d : diagnostics.all()) (void)RenderDiagnostic(d);
  return 0;
}
