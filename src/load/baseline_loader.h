// Reading a baseline: a previous kaohe JSON report (--format json), of which the findings'
// identities and statuses are kept.
#pragma once

#include <string>
#include <vector>

#include "engine/baseline.h"
#include "engine/result.h"

namespace kaohe {

Result<std::vector<BaselineEntry>> LoadBaseline(const std::string& path);

}  // namespace kaohe
