// Quantities and table cells on one line of text.
#include "src/extract/quantity.h"
#include "src/load/file_reader.h"
#include "src/text/cell_value.h"
#include "src/text/normalize.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kaohe;
  std::string text = fuzz::ValidUtf8(data, size);
  NormalizedLine line = NormalizeLine(text);
  for (const Quantity& q : FindQuantities(line.text)) {
    (void)line.OriginalBegin(static_cast<std::size_t>(q.begin));
    (void)line.OriginalEnd(static_cast<std::size_t>(q.end));
  }
  (void)ParseNumber(line.text);
  std::string error;
  (void)ParseCellValue(text, error);
  return 0;
}
