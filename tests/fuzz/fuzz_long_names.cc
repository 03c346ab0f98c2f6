// Size-aware: long names in fact files. The unit is repeated into an entity and an indicator
// name of up to 4 MiB each, on a few JSON Lines facts, so that did-you-mean, diagnostics and
// interning meet names far longer than any in a dictionary. -timeout and -rss_limit_mb make a
// slow or hungry input a finding.
#include <nlohmann/json.hpp>

#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  const fuzz::Amplifier a = fuzz::ReadAmplifier(data, size, 3);
  std::string text;
  const std::size_t lines = 1 + a.counts[2] % 4;
  for (std::size_t i = 0; i < lines; ++i) {
    nlohmann::json fact = {
        {"entity", fuzz::Repeat(a.unit, a.counts[0] * 64, 4u << 20)},
        {"indicator", i % 2 ? fuzz::Repeat(a.unit, a.counts[1] * 64, 4u << 20) : "gdp"},
        {"measure", "growth"},
        {"period", 2023},
        {"kind", "actual"},
        {"value", 5},
        {"unit", "%"}};
    text += fact.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  SourceFile file("fuzz.jsonl", text);
  Diagnostics diagnostics;
  DocumentCache documents;
  FactChecker checker(fuzz::BundledDictionary(), diagnostics, documents);
  FactStore store;
  LoadFactFile(file, checker, store);
  for (const Diagnostic& d : diagnostics.all()) (void)RenderDiagnostic(d);
  return 0;
}
