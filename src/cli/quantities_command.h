// kaohe quantities [FILE|-]: every number, percentage and amount recognised in each line, as
// JSON Lines {"line","text","start","end","value","unit"} with positions in code points of the
// original line (end exclusive). The tool a rule author uses to see why a figure was or was
// not read.
#pragma once

#include <string>

#include "src/cli/app.h"

namespace kaohe {

int RunQuantities(const std::string& path, Console& console);

}  // namespace kaohe
