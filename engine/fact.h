// A fact: one figure for one entity, indicator, measure, period and kind, in canonical units,
// with the place it came from. Field names follow the fact interchange spec.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "engine/name.h"
#include "engine/qualifier.h"

namespace kaohe {

enum class Measure { kLevel, kGrowth };
enum class FactKind { kActual, kTarget };

std::string_view MeasureId(Measure measure);  // "level", "growth"
std::optional<Measure> MeasureFromId(std::string_view id);
std::string_view FactKindId(FactKind kind);  // "actual", "target"
std::optional<FactKind> FactKindFromId(std::string_view id);

// Every text field is a Name, so a Fact is a few words of memory and copies without allocating.
struct FactSource {
  Name file;
  int line = 0;
  Name quote;
  auto operator<=>(const FactSource&) const = default;
};

struct FactKey {
  Name entity;
  Name indicator;
  Measure measure = Measure::kLevel;
  int period = 0;
  FactKind kind = FactKind::kActual;
  auto operator<=>(const FactKey&) const = default;
};

struct Fact {
  FactKey key;
  double value = 0;
  Name unit;  // canonical: 元, 美元, 家, 个, 人, 亩, 吨, 立方米, 千瓦, %
  Qualifier qualifier = Qualifier::kNone;
  bool preliminary = false;
  bool strive = false;
  FactSource source;
};

// "杜集区 gdp growth 2023 actual = 5 % (none) @ file:18"
// A fact's figure as people read it, unit and qualifier included: "7%以上", "超2000亿元".
std::string FormatFactValue(const Fact& fact);
// The same, appended to `out` (explaining writes millions of them).
void AppendFactValue(std::string& out, const Fact& fact);

std::string DebugString(const Fact& fact);

}  // namespace kaohe
