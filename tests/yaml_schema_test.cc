// Every bundled YAML file names its JSON Schema on its first line (for editors) and is valid
// against it; the schemas catch the mistakes users make. Uses Debian's python3-jsonschema.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kaohe {
namespace {

int Validate(const std::vector<std::string>& files) {
  std::string command =
      "/usr/bin/python3 " + std::string(KAOHE_SOURCE_DIR) + "/tests/validate_yaml_schemas.py";
  for (const std::string& f : files) command += " '" + f + "'";
  return std::system((command + " > /dev/null").c_str());
}

}  // namespace

TEST_CASE("every bundled YAML file is valid against the schema it names") {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  const fs::path root = KAOHE_SOURCE_DIR;
  for (const char* dir : {"rules", "fixtures/targets"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      std::string ext = entry.path().extension().string();
      // rules/examples holds files for other tools (a GitHub workflow), not kaohe's YAML.
      if (entry.path().string().find("/rules/examples/") != std::string::npos) continue;
      if (ext == ".yaml" || ext == ".yml") files.push_back(entry.path().string());
    }
  }
  CHECK(files.size() >= 9);
  CHECK(Validate(files) == 0);
}

TEST_CASE("the schemas catch a misspelt key and a wrong value") {
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_schema." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string pack = (dir / "pack.yaml").string();
  std::ofstream(pack)
      << "# yaml-language-server: $schema=" << KAOHE_SOURCE_DIR
      << "/rules/schemas/rule-pack.schema.json\n"
         "pack: p\nrules:\n  - {id: r, scope: 杜集区, indicater: gdp, measure: level, "
         "check: meets_target}\n";
  CHECK(Validate({pack}) != 0);
  std::string waivers = (dir / "waivers.yaml").string();
  std::ofstream(waivers) << "# yaml-language-server: $schema=" << KAOHE_SOURCE_DIR
                         << "/rules/schemas/waivers.schema.json\n"
                            "waivers:\n  - {rule: r, reason: x, owner: y, expires: next year}\n";
  CHECK(Validate({waivers}) != 0);
}

}  // namespace kaohe
