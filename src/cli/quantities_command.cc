#include "src/cli/quantities_command.h"

#include <nlohmann/json.hpp>

#include "engine/source.h"
#include "src/extract/quantity.h"
#include "src/text/document_reader.h"
#include "src/text/normalize.h"

namespace kaohe {

int RunQuantities(const std::string& path, Console& console) {
  auto reader = DocumentReader::Open(path);
  if (!reader.ok()) {
    console.err << ErrorLine(reader.error().message);
    return kExitUsage;
  }
  std::string line;
  while (reader.value()->Next(line)) {
    NormalizedLine normalized = NormalizeLine(line);
    std::u32string original = ToUtf32(line);
    for (const Quantity& q : FindQuantities(normalized.text)) {
      int start = normalized.OriginalBegin(static_cast<std::size_t>(q.begin));
      int end = normalized.OriginalEnd(static_cast<std::size_t>(q.end));
      nlohmann::ordered_json j;
      j["line"] = reader.value()->line_number();
      j["text"] = ToUtf8(std::u32string_view(original).substr(start, end - start));
      j["start"] = start;
      j["end"] = end;
      j["value"] = q.value;
      j["unit"] = q.unit;
      if (q.qualifier != Qualifier::kNone) j["qualifier"] = QualifierId(q.qualifier);
      if (q.high) j["high"] = *q.high;
      console.out << j.dump() << "\n";
    }
  }
  if (reader.value()->error()) {
    console.err << ErrorLine(reader.value()->error()->message);
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace kaohe
