// Size-aware: long names in fact files. The unit is repeated into an entity and an indicator
// name of up to 1 MiB each, on a few JSON Lines facts, so that did-you-mean, diagnostics and
// interning meet names far longer than any in a dictionary. -timeout and -rss_limit_mb make a
// slow or hungry input a finding.
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

// A JSON string of `text` (valid UTF-8). Control characters become spaces: the names' length is
// what this target is about, and escaping them in the harness would cost more than kaohe does.
std::string JsonString(const std::string& text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  const fuzz::Amplifier a = fuzz::ReadAmplifier(data, size, 3);
  std::string text;
  const std::size_t lines = 1 + a.counts[2] % 4;
  for (std::size_t i = 0; i < lines; ++i) {
    const std::string entity = JsonString(kaohe::fuzz::Repeat(a.unit, a.counts[0] * 64, 1u << 20));
    const std::string indicator =
        i % 2 ? JsonString(kaohe::fuzz::Repeat(a.unit, a.counts[1] * 64, 1u << 20)) : "\"gdp\"";
    text += "{\"entity\":" + entity + ",\"indicator\":" + indicator +
            ",\"measure\":\"growth\",\"period\":2023,\"kind\":\"actual\",\"value\":5,"
            "\"unit\":\"%\"}\n";
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
