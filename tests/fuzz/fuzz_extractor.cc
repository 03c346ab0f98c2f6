// Report text: decoding (through a file, as kaohe reads), normalisation, extraction, and the
// sentences it did not read (kaohe extract --unread).
#include <unistd.h>

#include <cstdio>
#include <string>

#include "src/extract/extractor.h"
#include "src/extract/unread.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  static const Extractor extractor(fuzz::BundledDictionary(), fuzz::BundledCues());
  static const std::string path = "/tmp/kaohe_fuzz_extractor." + std::to_string(::getpid());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  // With the unread log, which reads every sentence the extractor reads once more.
  std::size_t unread = 0;
  UnreadLog log([&](UnreadSentence&& s) { unread += s.text.size(); });
  ExtractOptions options;
  options.unread = &log;
  auto extraction = extractor.ExtractFile(path, options);
  (void)extraction;
  (void)unread;
  return 0;
}
