// Size-aware: one long paragraph. The unit (a clause, say `地区生产总值增长5%，`) is repeated into
// a paragraph of up to 2 MiB on one line, or on short lines without a sentence end that join into
// one paragraph, after a title that names a place and a year, as PDF converters emit whole pages.
// Extraction must stay linear: -timeout and -rss_limit_mb make a slow or hungry input a finding.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "src/extract/extractor.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  static const Extractor extractor(fuzz::BundledDictionary(), fuzz::BundledCues());
  static const std::string path = "/tmp/kaohe_fuzz_long_paragraph." + std::to_string(::getpid());
  const fuzz::Amplifier a = fuzz::ReadAmplifier(data, size, 2);
  std::string unit = a.unit;
  if (a.counts[1] % 2 == 1) unit += "\n";  // short lines with no sentence end
  std::string text = "杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n";
  text += fuzz::Repeat(unit, a.counts[0] * 8, 2u << 20);
  text += "\n";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  auto extraction = extractor.ExtractFile(path);
  (void)extraction;
  return 0;
}
