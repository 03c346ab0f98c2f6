// A fact: one figure for one entity, indicator, measure, period and kind, in canonical units,
// with the place it came from. Field names follow the fact interchange spec.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "engine/name.h"
#include "engine/qualifier.h"

namespace kaohe {

// One byte each: a national store holds millions of facts (see Fact).
enum class Measure : std::uint8_t { kLevel, kGrowth };
enum class FactKind : std::uint8_t { kActual, kTarget };

std::string_view MeasureId(Measure measure);  // "level", "growth"
std::optional<Measure> MeasureFromId(std::string_view id);
std::string_view FactKindId(FactKind kind);  // "actual", "target"
std::optional<FactKind> FactKindFromId(std::string_view id);

// Every text field is a Name, so a Fact is a few words of memory and copies without allocating.
// Fields are laid out for size and compared in the order people read them: file, line, quote.
struct FactSource {
  Name file;
  Name quote;
  int line = 0;

  FactSource() = default;
  FactSource(Name file_, int line_, Name quote_) : file(file_), quote(quote_), line(line_) {}
  std::strong_ordering operator<=>(const FactSource& o) const {
    return std::tie(file, line, quote) <=> std::tie(o.file, o.line, o.quote);
  }
  bool operator==(const FactSource&) const = default;
};

// Laid out for size; ordered by entity, indicator, measure, period and kind.
struct FactKey {
  Name entity;
  Name indicator;
  int period = 0;
  Measure measure = Measure::kLevel;
  FactKind kind = FactKind::kActual;

  FactKey() = default;
  FactKey(Name entity_, Name indicator_, Measure measure_, int period_, FactKind kind_)
      : entity(entity_), indicator(indicator_), period(period_), measure(measure_), kind(kind_) {}
  std::strong_ordering operator<=>(const FactKey& o) const {
    return std::tie(entity, indicator, measure, period, kind) <=>
           std::tie(o.entity, o.indicator, o.measure, o.period, o.kind);
  }
  bool operator==(const FactKey&) const = default;
};

// 40 bytes: a national check holds millions, and on a virtual machine every page of them costs
// most when it is first touched. The qualifier and the flags sit in the key's tail padding.
struct Fact {
  [[no_unique_address]] FactKey key;
  Qualifier qualifier = Qualifier::kNone;
  bool preliminary : 1 = false;
  bool strive : 1 = false;
  double value = 0;
  Name unit;  // canonical: 元, 美元, 家, 个, 人, 亩, 吨, 立方米, 千瓦, %
  FactSource source;
};
static_assert(sizeof(Fact) == 40);

// Sets the flag a loader read by its field name, "preliminary" or "strive".
inline void SetFlag(Fact& fact, std::string_view flag, bool value) {
  if (flag == "preliminary") {
    fact.preliminary = value;
  } else {
    fact.strive = value;
  }
}

// A fact's figure as people read it, unit and qualifier included: "7%以上", "超2000亿元".
std::string FormatFactValue(const Fact& fact);
// The same, appended to `out` (explaining writes millions of them).
void AppendFactValue(std::string& out, const Fact& fact);

// "杜集区 gdp growth 2023 actual = 5 % (none) @ file:18"
std::string DebugString(const Fact& fact);

}  // namespace kaohe
