// Where the bundled dictionaries, rule packs and fixtures are: the working directory when it
// holds them, else the repository the executable was built in (build/kaohe → ..).
#pragma once

#include <string>

namespace kaohe {

std::string FindDataRoot(const std::string& program_path);

// One bundled file by its path in the repository (rules/cues.yaml): in the working directory
// when it is there, else in the repository the executable was built in, so that a project with
// its own rules/dictionary still gets the bundled cue words. `relative` itself when neither has it.
std::string FindBundledFile(const std::string& program_path, const std::string& relative);

}  // namespace kaohe
