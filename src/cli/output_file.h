// Writing a report file atomically: to a temporary file beside it, then renamed over it, so an
// interrupted run never leaves half a report.
#pragma once

#include <string>

#include "engine/result.h"

namespace kaohe {

Result<bool> WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace kaohe
