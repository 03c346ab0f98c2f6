// Size-aware: YAML whose aliases multiply bytes. The unit is repeated into one anchored scalar
// of up to 4 MiB, and up to 4,096 rules (or waivers) refer to it by alias in their title and
// description (or reason), so that the expanded document is far larger than the file. Loading
// must stay within the YAML budget: -timeout and -rss_limit_mb make a hungry input a finding.
#include <string>

#include "engine/rule_compiler.h"
#include "engine/waiver.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

std::string DoubleQuoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  const fuzz::Amplifier a = fuzz::ReadAmplifier(data, size, 3);
  const std::string big = DoubleQuoted(fuzz::Repeat(a.unit, a.counts[0] * 64, 4u << 20));
  const std::size_t entries = a.counts[1] % 4096;
  Diagnostics diagnostics;
  if (a.counts[2] % 2 == 0) {
    std::string yaml = "pack: fuzz\nbig: &b " + big + "\nrules:\n";
    for (std::size_t i = 0; i < entries; ++i) {
      yaml += "  - {id: r" + std::to_string(i) +
              ", title: *b, description: *b, scope: {entity: 杜集区}, indicator: gdp, "
              "measure: growth, check: meets_target}\n";
    }
    SourceFile file("fuzz.yaml", yaml);
    std::vector<PackAst> packs = {LoadRulePack(file, diagnostics)};
    (void)CompileRules(packs, fuzz::BundledDictionary(), diagnostics);
  } else {
    std::string yaml = "big: &b " + big + "\nwaivers:\n";
    for (std::size_t i = 0; i < entries; ++i) {
      yaml += "  - {rule: \"r" + std::to_string(i) +
              "*\", reason: *b, owner: *b, expires: 2099-12-31}\n";
    }
    SourceFile file("fuzz.yaml", yaml);
    (void)LoadWaivers(file, nullptr, diagnostics);
  }
  for (const Diagnostic& d : diagnostics.all()) (void)RenderDiagnostic(d);
  return 0;
}
