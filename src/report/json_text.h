// JSON text written straight into a string, formatted exactly as nlohmann::json's dump() formats
// it (tests compare the two), without first building a document: reports of hundreds of
// thousands of findings are written this way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kaohe {

void AppendJsonString(std::string& out, std::string_view text);
// Non-finite values are written as null, as nlohmann::json writes them.
void AppendJsonNumber(std::string& out, double value);
void AppendJsonInt(std::string& out, std::int64_t value);

}  // namespace kaohe
