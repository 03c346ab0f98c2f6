// Helpers shared by the tests: build dictionaries, rule sets and facts from inline text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/compiled_rule.h"
#include "engine/diagnostic.h"
#include "engine/dictionary.h"
#include "engine/evaluator.h"
#include "engine/fact_store.h"
#include "engine/rule_ast.h"
#include "engine/rule_compiler.h"

namespace kaohe::testing {

// A small dictionary: 地区生产总值 (元), 规上工业企业 (家), 失业率 (lower is better), and a
// city 甲市 with districts 甲区, 乙区 and a zone group of two zones.
inline constexpr const char* kDictionaryYaml = R"(indicators:
  - {id: gdp, name: 地区生产总值, aliases: [生产总值, GDP], unit: 元}
  - {id: industry_enterprises, name: 规模以上工业企业数, aliases: [规上工业企业], unit: 家}
  - {id: industry_output, name: 规模以上工业总产值, aliases: [规上工业产值], unit: 元}
  - {id: unemployment, name: 城镇调查失业率, measures: [level], unit: 个, direction: lower}
  - {id: foreign_trade, name: 进出口总额, units: [元, 美元]}
entities:
  - {name: 甲市, kind: city}
  - {name: 甲区, kind: district, parent: 甲市, aliases: [甲]}
  - {name: 乙区, kind: district, parent: 甲市}
  - {name: 甲市开发区, kind: zone_group, parent: 甲市}
  - {name: 甲经济开发区, kind: development_zone, parent: 甲区, groups: [甲市开发区], aliases: [甲经开区]}
  - {name: 乙经济开发区, kind: development_zone, parent: 乙区, groups: [甲市开发区]}
)";

struct World {
  std::unique_ptr<Dictionary> dictionary = std::make_unique<Dictionary>();
  Diagnostics diagnostics;
  std::optional<CompiledRuleSet> rules;
  FactStore facts;
  std::vector<std::unique_ptr<SourceFile>> files;  // keep the texts positions refer to

  const SourceFile& AddFile(std::string path, std::string text) {
    files.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
    return *files.back();
  }
};

inline std::unique_ptr<World> MakeWorld(const std::string& dictionary_yaml = kDictionaryYaml) {
  auto world = std::make_unique<World>();
  LoadDictionary(world->AddFile("dict.yaml", dictionary_yaml), *world->dictionary,
                 world->diagnostics);
  world->dictionary->Finish(world->diagnostics);
  return world;
}

// Compiles one pack; the world's diagnostics say what went wrong.
inline bool CompilePack(World& world, const std::string& pack_yaml) {
  std::vector<PackAst> packs = {
      LoadRulePack(world.AddFile("pack.yaml", pack_yaml), world.diagnostics)};
  if (world.diagnostics.has_errors()) return false;
  world.rules = CompileRules(packs, *world.dictionary, world.diagnostics);
  return world.rules.has_value();
}

inline Fact MakeFact(std::string entity, std::string indicator, Measure measure, int period,
                     FactKind kind, double value, std::string unit,
                     Qualifier qualifier = Qualifier::kNone, bool strive = false) {
  Fact f;
  f.key = {std::move(entity), std::move(indicator), measure, period, kind};
  f.value = value;
  f.unit = std::move(unit);
  f.qualifier = qualifier;
  f.strive = strive;
  f.source = {"doc.txt", 1, "quote"};
  return f;
}

inline std::string AllMessages(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all()) out += RenderDiagnostic(d);
  return out;
}

// The first diagnostic with this code, or nullptr.
inline const Diagnostic* FindCode(const Diagnostics& diagnostics, const std::string& code) {
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

}  // namespace kaohe::testing
