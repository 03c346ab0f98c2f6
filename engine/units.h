// Units. Facts hold values in canonical units (the fact interchange spec): levels in base
// units (元, 家, 人 …), growth in percent. A surface unit such as 亿元 is a canonical unit and
// a scale. Dimensions decide what may be compared: 元 with 美元 shares a dimension (currency)
// but still needs an exchange rate; 元 with 家 or a level with a growth never compares.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

enum class Dimension {
  kNumber,            // a pure number or ratio
  kCurrency,          // 元, 美元
  kEnterprises,       // 家 (户 is the same thing)
  kItems,             // 个, 项
  kPersons,           // 人
  kPersonTimes,       // 人次
  kArea,              // 亩
  kMass,              // 吨
  kVolume,            // 立方米
  kPower,             // 千瓦
  kEnergy,            // 千瓦时
  kLength,            // 公里
  kPercent,           // a rate in percent (growth, share)
  kPercentagePoints,  // a difference of two percentages
};

std::string_view DimensionName(Dimension dimension);

struct CanonicalUnit {
  std::string_view name;  // as the spec spells it: "元", "家", "%"
  Dimension dimension;
};

// All canonical units, in a fixed order.
const std::vector<CanonicalUnit>& CanonicalUnits();

// A canonical unit by its name ("元", "%", "pp"); nullopt when unknown.
std::optional<CanonicalUnit> FindCanonicalUnit(std::string_view name);

// A surface unit as written in reports or tables: 亿元 → {元, 1e8}; 户 → {家, 1}; ％ → {%, 1}.
struct ScaledUnit {
  CanonicalUnit unit;
  double scale = 1;
};
std::optional<ScaledUnit> ParseUnit(std::string_view text);

// The surface units kaohe knows, longest first (for matching a unit at the start of a text).
const std::vector<std::string>& SurfaceUnitNames();

// A value for people: 16200000000 元 → "162亿元", 5 % → "5%", 18 家 → "18家".
std::string FormatQuantity(double value, std::string_view canonical_unit);
// The same, appended to `out`: a report explains hundreds of thousands of findings, each with
// several quantities, and a string made for each and copied in was a tenth of explaining one.
void AppendQuantity(std::string& out, double value, std::string_view canonical_unit);

// A number with at most four decimals and no trailing zeros: 25 → "25", 7.10 → "7.1".
std::string FormatNumber(double value);
// FormatNumber's text written into `text` (32 bytes), for the numbers reports hold: nullptr for
// those that need the general path (not finite, or more ten-thousandths than a double holds
// exactly). Returns the end of what it wrote.
char* WriteShortNumber(double value, char* text);

}  // namespace kaohe
