#include "src/load/fact_json_plain.h"

#include <cmath>
#include <cstdint>

#include "engine/qualifier.h"
#include "engine/units.h"

namespace kaohe {
namespace {

namespace dom = simdjson::dom;

// source: {file, line, quote}; other keys are allowed, as in the fact itself.
bool ReadSource(dom::element value, FactSource& source) {
  dom::object object;
  if (value.get_object().get(object)) return false;
  for (dom::key_value_pair field : object) {
    std::string_view text;
    if (field.key == "file" || field.key == "quote") {
      if (field.value.get_string().get(text)) return false;
      (field.key == "file" ? source.file : source.quote) = Name(text);
    } else if (field.key == "line") {
      int64_t line = 0;
      if (field.value.get_int64().get(line) || line < 1 || line > (int64_t{1} << 31) - 1) {
        return false;
      }
      source.line = static_cast<int>(line);
    }
  }
  return true;
}

}  // namespace

bool ReadPlainFact(dom::parser& parser, std::string_view line, RecentNames& names, Fact& fact) {
  dom::element root;
  if (parser.parse(line.data(), line.size(), /*realloc_if_needed=*/false).get(root)) return false;
  dom::object object;
  if (root.get_object().get(object)) return false;
  unsigned have = 0;  // a bit for each required field
  for (dom::key_value_pair field : object) {
    const std::string_view key = field.key;
    const dom::element value = field.value;
    std::string_view text;
    if (key == "entity" || key == "indicator") {
      if (value.get_string().get(text)) return false;
      (key == "entity" ? fact.key.entity : fact.key.indicator) = names.Get(text);
      have |= key == "entity" ? 1u : 2u;
    } else if (key == "measure") {
      std::optional<Measure> measure;
      if (value.get_string().get(text) || !(measure = MeasureFromId(text))) return false;
      fact.key.measure = *measure;
      have |= 4u;
    } else if (key == "period") {
      int64_t period = 0;
      if (value.get_int64().get(period) || period < -100000 || period > 100000) return false;
      fact.key.period = static_cast<int>(period);
      have |= 8u;
    } else if (key == "kind") {
      std::optional<FactKind> kind;
      if (value.get_string().get(text) || !(kind = FactKindFromId(text))) return false;
      fact.key.kind = *kind;
      have |= 16u;
    } else if (key == "value") {
      double number = 0;
      if (value.get_double().get(number) || !std::isfinite(number)) return false;
      fact.value = number;
      have |= 32u;
    } else if (key == "unit") {
      if (value.get_string().get(text)) return false;
      auto unit = FindCanonicalUnit(text);
      if (!unit || unit->dimension == Dimension::kPercentagePoints) return false;
      fact.unit = names.Get(text);
      have |= 64u;
    } else if (key == "qualifier") {
      std::optional<Qualifier> qualifier;
      if (value.get_string().get(text) || !(qualifier = QualifierFromId(text))) return false;
      fact.qualifier = *qualifier;
    } else if (key == "preliminary" || key == "strive") {
      bool flag = false;
      if (value.get_bool().get(flag)) return false;
      SetFlag(fact, key, flag);
    } else if (key == "source") {
      if (!ReadSource(value, fact.source)) return false;
    }
  }
  return have == 127u;
}

}  // namespace kaohe
