// Cue files: YAML → cue set (words and RE2 patterns) → searches of every category in a sample of
// report text followed by the input itself, so that the patterns the fuzzer writes meet text
// they may match.
#include "src/load/cue_loader.h"
#include "src/text/normalize.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  SourceFile file("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  Diagnostics diagnostics;
  CueSet cues;
  LoadCues(file, cues, diagnostics);
  cues.Finish(diagnostics);
  for (const Diagnostic& d : diagnostics.all()) (void)RenderDiagnostic(d);
  const std::u32string text = ToUtf32(
      "全市地区生产总值预计增长5.5%，力争达到6%；各开发区新增规上工业企业10家，占比"
      "基本持平。对达到目标的给予奖励。" +
      fuzz::ValidUtf8(data, size));
  for (const std::string& id : CueCategoryIds()) {
    const CueCategory category = *CueCategoryFromId(id);
    (void)cues.Contains(category, text);
    for (CueSpan span : cues.FindAll(category, text)) {
      if (span.begin >= span.end || span.end > text.size()) __builtin_trap();
    }
  }
  return 0;
}
