#include "engine/units.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace kaohe {

std::string_view DimensionName(Dimension dimension) {
  switch (dimension) {
    case Dimension::kNumber:
      return "number";
    case Dimension::kCurrency:
      return "currency";
    case Dimension::kEnterprises:
      return "enterprises";
    case Dimension::kItems:
      return "items";
    case Dimension::kPersons:
      return "persons";
    case Dimension::kPersonTimes:
      return "person-times";
    case Dimension::kArea:
      return "area";
    case Dimension::kMass:
      return "mass";
    case Dimension::kVolume:
      return "volume";
    case Dimension::kPower:
      return "power";
    case Dimension::kEnergy:
      return "energy";
    case Dimension::kLength:
      return "length";
    case Dimension::kPercent:
      return "percent";
    case Dimension::kPercentagePoints:
      return "percentage points";
  }
  return "number";
}

const std::vector<CanonicalUnit>& CanonicalUnits() {
  static const std::vector<CanonicalUnit> kUnits = {
      {"元", Dimension::kCurrency},    {"美元", Dimension::kCurrency},
      {"家", Dimension::kEnterprises}, {"个", Dimension::kItems},
      {"人", Dimension::kPersons},     {"人次", Dimension::kPersonTimes},
      {"亩", Dimension::kArea},        {"吨", Dimension::kMass},
      {"立方米", Dimension::kVolume},  {"千瓦", Dimension::kPower},
      {"千瓦时", Dimension::kEnergy},  {"公里", Dimension::kLength},
      {"%", Dimension::kPercent},      {"pp", Dimension::kPercentagePoints},
  };
  return kUnits;
}

std::optional<CanonicalUnit> FindCanonicalUnit(std::string_view name) {
  for (const CanonicalUnit& unit : CanonicalUnits()) {
    if (unit.name == name) return unit;
  }
  return std::nullopt;
}

namespace {

struct SurfaceUnit {
  std::string_view text;
  std::string_view canonical;
  double scale;
};

// Surface forms found in plan reports and target tables.
constexpr SurfaceUnit kSurfaceUnits[] = {
    {"元", "元", 1},
    {"万元", "元", 1e4},
    {"亿元", "元", 1e8},
    {"万亿元", "元", 1e12},
    {"美元", "美元", 1},
    {"万美元", "美元", 1e4},
    {"亿美元", "美元", 1e8},
    {"家", "家", 1},
    {"户", "家", 1},
    {"个", "个", 1},
    {"项", "个", 1},
    {"人", "人", 1},
    {"名", "人", 1},
    {"万人", "人", 1e4},
    {"人次", "人次", 1},
    {"万人次", "人次", 1e4},
    {"亿人次", "人次", 1e8},
    {"亩", "亩", 1},
    {"万亩", "亩", 1e4},
    {"吨", "吨", 1},
    {"万吨", "吨", 1e4},
    {"亿吨", "吨", 1e8},
    {"公斤", "吨", 1e-3},
    {"千克", "吨", 1e-3},
    {"斤", "吨", 5e-4},
    {"万斤", "吨", 5},
    {"亿斤", "吨", 5e4},
    {"立方米", "立方米", 1},
    {"万立方米", "立方米", 1e4},
    {"亿立方米", "立方米", 1e8},
    {"千瓦", "千瓦", 1},
    {"万千瓦", "千瓦", 1e4},
    {"千瓦时", "千瓦时", 1},
    {"万千瓦时", "千瓦时", 1e4},
    {"亿千瓦时", "千瓦时", 1e8},
    {"公里", "公里", 1},
    {"千米", "公里", 1},
    {"%", "%", 1},
    {"％", "%", 1},
    {"pp", "pp", 1},
    {"个百分点", "pp", 1},
};

}  // namespace

std::optional<ScaledUnit> ParseUnit(std::string_view text) {
  for (const SurfaceUnit& s : kSurfaceUnits) {
    if (s.text == text) return ScaledUnit{*FindCanonicalUnit(s.canonical), s.scale};
  }
  return std::nullopt;
}

const std::vector<std::string>& SurfaceUnitNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const SurfaceUnit& s : kSurfaceUnits) names.emplace_back(s.text);
    std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
    return names;
  }();
  return kNames;
}

// Integer digits are exact below 2^53; this gives the same text as FormatNumber's general path
// at a fraction of its cost, and every finding formats several numbers.
char* WriteShortNumber(double value, char* text) {
  if (!std::isfinite(value)) return nullptr;
  double scaled = std::round(value * 10000.0);
  if (!(std::fabs(scaled) < 9e15)) return nullptr;
  auto ten_thousandths = static_cast<long long>(scaled);
  char* p = text;
  if (ten_thousandths == 0) {
    *p++ = '0';
    return p;
  }
  unsigned long long magnitude = ten_thousandths < 0
                                     ? 0ULL - static_cast<unsigned long long>(ten_thousandths)
                                     : static_cast<unsigned long long>(ten_thousandths);
  if (ten_thousandths < 0) *p++ = '-';
  p = std::to_chars(p, text + 32, magnitude / 10000).ptr;  // sign, 12 digits, point, 4 decimals
  if (unsigned fraction = static_cast<unsigned>(magnitude % 10000); fraction != 0) {
    *p++ = '.';
    for (unsigned place = 1000; fraction != 0; place /= 10) {
      *p++ = static_cast<char>('0' + fraction / place);
      fraction %= place;
    }
  }
  return p;
}

std::string FormatNumber(double value) {
  char text[32];
  if (char* end = WriteShortNumber(value, text)) return std::string(text, end);
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "∞" : "-∞";
  // From 2^52 up every double is an integer, so there is nothing to round to four places; and
  // scaling by 10^4 would overflow to infinity from 1.8e304 up.
  double rounded = std::fabs(value) >= 0x1p52 ? value : std::round(value * 10000.0) / 10000.0;
  if (rounded == 0) rounded = 0;  // no "-0"
  std::string out = fmt::format("{:.4f}", rounded);
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

void AppendQuantity(std::string& out, double value, std::string_view unit) {
  // Currency amounts of a hundred million or more are read in 亿, as reports print them.
  const bool in_yi = (unit == "元" || unit == "美元") && std::fabs(value) >= 1e8;
  const std::string_view shown_unit = unit == "pp" ? std::string_view("个百分点") : unit;
  if (in_yi) value /= 1e8;
  char text[32];
  if (char* end = WriteShortNumber(value, text)) {
    out.append(text, end);
  } else {
    out += FormatNumber(value);
  }
  if (in_yi) out += "亿";
  out += shown_unit;
}

std::string FormatQuantity(double value, std::string_view unit) {
  std::string out;
  AppendQuantity(out, value, unit);
  return out;
}

}  // namespace kaohe
