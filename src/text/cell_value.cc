#include "src/text/cell_value.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "engine/units.h"
#include "src/text/qualifier_words.h"

namespace kaohe {
namespace {

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
      ++i;
    } else if (s.substr(i).starts_with("\u3000")) {  // ideographic space
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

bool Consume(std::string& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.erase(0, prefix.size());
  return true;
}

bool ConsumeSuffix(std::string& s, std::string_view suffix) {
  if (!s.ends_with(suffix)) return false;
  s.erase(s.size() - suffix.size());
  return true;
}

}  // namespace

std::optional<CellValue> ParseCellValue(std::string_view cell, std::string& error) {
  std::string s = WithoutSpaces(cell);
  CellValue out;
  if (s == "持平" || s == "基本持平" || s == "与上年持平") {
    out.value = 0;
    out.unit = "%";
    return out;
  }
  double sign = 1;
  if (Consume(s, "下降") || Consume(s, "减少") || Consume(s, "-") || Consume(s, "−") ||
      Consume(s, "－")) {
    sign = -1;
  } else {
    Consume(s, "增长") || Consume(s, "+") || Consume(s, "＋");
  }
  for (const QualifierWord& w : QualifierWords()) {
    if (w.placement == QualifierPlacement::kBefore && Consume(s, w.word)) {
      out.qualifier = w.qualifier;
      break;
    }
  }
  if (out.qualifier == Qualifier::kNone) {
    for (const QualifierWord& w : QualifierWords()) {
      if (w.placement == QualifierPlacement::kAfter && ConsumeSuffix(s, w.word)) {
        out.qualifier = w.qualifier;
        break;
      }
    }
  }
  for (const std::string& unit : SurfaceUnitNames()) {
    if (ConsumeSuffix(s, unit)) {
      out.unit = unit == "％" ? "%" : unit;
      break;
    }
  }
  // A qualifier may also follow the unit: "10%以上" was handled above, "10以上%" is not a form.
  std::string digits;
  for (char c : s) {
    if (c != ',') digits += c;  // thousands separators
  }
  if (digits.empty()) {
    error = "no number in cell '" + std::string(cell) + "'";
    return std::nullopt;
  }
  char* end = nullptr;
  double value = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() ||
      digits.find_first_of("eExXnN") != std::string::npos) {
    error = "'" + std::string(cell) + "' is not a number with an optional qualifier and unit";
    return std::nullopt;
  }
  if (!std::isfinite(value)) {  // more digits than a double holds (about 309)
    error = fmt::format("the number in the cell is too large ({} digits)", digits.size());
    return std::nullopt;
  }
  out.value = sign * value;
  return out;
}

}  // namespace kaohe
