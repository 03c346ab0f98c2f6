#include "engine/fact.h"

#include <fmt/format.h>

#include "engine/units.h"

namespace kaohe {

std::string_view MeasureId(Measure measure) {
  return measure == Measure::kLevel ? "level" : "growth";
}

std::optional<Measure> MeasureFromId(std::string_view id) {
  if (id == "level") return Measure::kLevel;
  if (id == "growth") return Measure::kGrowth;
  return std::nullopt;
}

std::string_view FactKindId(FactKind kind) {
  return kind == FactKind::kActual ? "actual" : "target";
}

std::optional<FactKind> FactKindFromId(std::string_view id) {
  if (id == "actual") return FactKind::kActual;
  if (id == "target") return FactKind::kTarget;
  return std::nullopt;
}

void AppendFactValue(std::string& out, const Fact& fact) {
  out += QualifierPrefix(fact.qualifier);
  AppendQuantity(out, fact.value, fact.unit);
  out += QualifierSuffix(fact.qualifier);
}

std::string FormatFactValue(const Fact& fact) {
  std::string out;
  AppendFactValue(out, fact);
  return out;
}

std::string DebugString(const Fact& fact) {
  return fmt::format("{} {} {} {} {} = {} {} ({}{}{}) @ {}:{}", fact.key.entity, fact.key.indicator,
                     MeasureId(fact.key.measure), fact.key.period, FactKindId(fact.key.kind),
                     FormatNumber(fact.value), fact.unit, QualifierId(fact.qualifier),
                     fact.preliminary ? ", preliminary" : "", fact.strive ? ", strive" : "",
                     fact.source.file, fact.source.line);
}

}  // namespace kaohe
