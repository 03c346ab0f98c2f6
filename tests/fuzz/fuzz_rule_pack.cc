// Rule packs: YAML → rule AST → compiled rules → evaluation over an empty store.
#include "engine/evaluator.h"
#include "engine/rule_compiler.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  SourceFile file("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  Diagnostics diagnostics;
  std::vector<PackAst> packs = {LoadRulePack(file, diagnostics)};
  auto rules = CompileRules(packs, fuzz::BundledDictionary(), diagnostics);
  for (const Diagnostic& d : diagnostics.all()) (void)RenderDiagnostic(d);
  if (rules) {
    FactStore facts;
    (void)Evaluate(*rules, facts, fuzz::BundledDictionary());
  }
  return 0;
}
