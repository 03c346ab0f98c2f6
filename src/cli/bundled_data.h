// Where the bundled dictionaries, rule packs and fixtures are: the working directory when it
// holds them, else the repository the executable was built in (build/kaohe → ..).
#pragma once

#include <string>

namespace kaohe {

std::string FindDataRoot(const std::string& program_path);

}  // namespace kaohe
