// The value of one table cell as a report prints it: "7 以上", "7 左右", "- 15", "持平",
// "下降15", "超2000", "1.2亿美元". Spaces that PDF conversion put inside the cell are ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/qualifier.h"

namespace kaohe {

struct CellValue {
  double value = 0;
  Qualifier qualifier = Qualifier::kNone;
  std::string unit;  // a surface unit written in the cell ("亿元"), or ""
};

// nullopt with `error` set when the cell is not one number with optional sign, qualifier
// and unit.
std::optional<CellValue> ParseCellValue(std::string_view cell, std::string& error);

}  // namespace kaohe
