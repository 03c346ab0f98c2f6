// LoadDictionary: YAML dictionary files → Dictionary. Declared in dictionary.h.
#include <fmt/format.h>

#include "engine/dictionary.h"
#include "engine/suggest.h"
#include "engine/units.h"
#include "engine/yaml_support.h"

namespace kaohe {
namespace {

using internal::YamlNode;
using internal::YamlReader;

std::vector<std::string> LevelUnitNames() {
  std::vector<std::string> names;
  for (const CanonicalUnit& u : CanonicalUnits()) {
    if (u.dimension != Dimension::kPercent && u.dimension != Dimension::kPercentagePoints) {
      names.emplace_back(u.name);
    }
  }
  return names;
}

void LoadIndicator(YamlReader& reader, const YamlNode& node, Dictionary& dictionary) {
  static const std::vector<std::string> kKeys = {"id",   "name",  "aliases",   "measures",
                                                 "unit", "units", "direction", "note"};
  if (!reader.ExpectMapping(node, "an indicator", kKeys)) return;
  bool ok = reader.Require(node, node, "id") & reader.Require(node, node, "name");
  Indicator indicator;
  indicator.defined_at = reader.Where(node);
  if (node["id"]) {
    auto id = reader.ShortString(node["id"], "id", internal::kMaxTitleLength);
    ok = ok && id;
    if (id) indicator.id = *id;
  }
  if (node["name"]) {
    auto name = reader.ShortString(node["name"], "name", internal::kMaxTitleLength);
    ok = ok && name;
    if (name) indicator.name = *name;
  }
  if (node["aliases"]) {
    auto aliases = reader.StringList(node["aliases"], "aliases");
    if (aliases) indicator.aliases = *aliases;
  }
  indicator.measures = {Measure::kLevel, Measure::kGrowth};
  if (node["measures"]) {
    auto measures = reader.StringList(node["measures"], "measures");
    if (measures) {
      indicator.measures.clear();
      for (std::size_t i = 0; i < measures->size(); ++i) {
        auto m = MeasureFromId((*measures)[i]);
        if (!m) {
          reader.Error(node["measures"].IsSequence() ? node["measures"][i] : node["measures"],
                       "D004",
                       fmt::format("unknown measure '{}' (level or growth)", (*measures)[i]));
          ok = false;
        } else {
          indicator.measures.push_back(*m);
        }
      }
    }
  }
  if (node["unit"] && node["units"]) {
    reader.Error(node["units"], "D005", "give either unit or units, not both");
    ok = false;
  }
  const YamlNode units_node = node["unit"] ? node["unit"] : node["units"];
  if (units_node) {
    auto units = reader.StringList(units_node, "unit");
    if (units) {
      for (const std::string& u : *units) {
        auto canonical = FindCanonicalUnit(u);
        if (!canonical || canonical->dimension == Dimension::kPercent ||
            canonical->dimension == Dimension::kPercentagePoints) {
          reader.Error(units_node, "D005",
                       fmt::format("'{}' is not a canonical level unit{}", u,
                                   DidYouMeanSuffix(u, LevelUnitNames())));
          ok = false;
        } else {
          indicator.units.push_back(u);
        }
      }
    }
  } else if (indicator.HasMeasure(Measure::kLevel)) {
    reader.Error(node, "D005", "an indicator with a level needs a unit");
    ok = false;
  }
  if (node["direction"]) {
    auto direction = reader.String(node["direction"], "direction");
    if (direction == "higher") {
      indicator.direction = Direction::kHigherIsBetter;
    } else if (direction == "lower") {
      indicator.direction = Direction::kLowerIsBetter;
    } else if (direction) {
      reader.Error(node["direction"], "D006",
                   fmt::format("direction must be higher or lower, not '{}'", *direction));
      ok = false;
    }
  }
  if (ok) dictionary.AddIndicator(std::move(indicator), reader.diagnostics());
}

void LoadEntity(YamlReader& reader, const YamlNode& node, Dictionary& dictionary) {
  static const std::vector<std::string> kKeys = {"name",   "aliases", "shared_aliases", "kind",
                                                 "parent", "code",    "groups",         "note"};
  if (!reader.ExpectMapping(node, "an entity", kKeys)) return;
  bool ok = reader.Require(node, node, "name") & reader.Require(node, node, "kind");
  Entity entity;
  entity.defined_at = reader.Where(node);
  if (node["name"]) {
    auto name = reader.ShortString(node["name"], "name", internal::kMaxTitleLength);
    ok = ok && name;
    if (name) entity.name = *name;
  }
  if (node["aliases"]) {
    auto aliases = reader.StringList(node["aliases"], "aliases");
    if (aliases) entity.aliases = *aliases;
  }
  if (node["shared_aliases"]) {
    auto shared = reader.StringList(node["shared_aliases"], "shared_aliases");
    if (shared) entity.shared_aliases = *shared;
  }
  if (node["code"]) {
    auto code = reader.String(node["code"], "code");
    if (code && (code->empty() || code->find_first_not_of("0123456789") != std::string::npos)) {
      reader.Error(node["code"], "D008",
                   fmt::format("code '{}' is not a division code (digits only)", *code));
      ok = false;
    } else if (code) {
      entity.code = *code;
    }
  }
  if (node["kind"]) {
    auto kind_text = reader.String(node["kind"], "kind");
    auto kind = kind_text ? EntityKindFromId(*kind_text) : std::nullopt;
    if (kind_text && !kind) {
      reader.Error(node["kind"], "D007",
                   fmt::format("unknown entity kind '{}'{}", *kind_text,
                               DidYouMeanSuffix(*kind_text, EntityKindIds())));
    }
    ok = ok && kind;
    if (kind) entity.kind = *kind;
  }
  if (node["parent"]) {
    auto parent = reader.String(node["parent"], "parent");
    if (parent) entity.parent = *parent;
  }
  if (node["groups"]) {
    auto groups = reader.StringList(node["groups"], "groups");
    if (groups) entity.groups = *groups;
  }
  if (ok) dictionary.AddEntity(std::move(entity), reader.diagnostics());
}

}  // namespace

void LoadDictionary(const SourceFile& file, Dictionary& dictionary, Diagnostics& diagnostics) {
  if (internal::LoadFlowLineEntities(file, dictionary, diagnostics)) return;
  YamlReader reader(file, diagnostics);
  auto root = reader.Parse();
  if (!root) return;
  if (!reader.ExpectMapping(*root, "a dictionary file", {"indicators", "entities"})) return;
  if (!(*root)["indicators"] && !(*root)["entities"]) {
    reader.Error(*root, "Y005", "a dictionary file needs indicators: or entities:");
    return;
  }
  if (const YamlNode list = (*root)["indicators"]) {
    if (reader.ExpectSequence(list, "indicators")) {
      for (const auto& item : list) LoadIndicator(reader, item, dictionary);
    }
  }
  if (const YamlNode list = (*root)["entities"]) {
    if (reader.ExpectSequence(list, "entities")) {
      for (const auto& item : list) LoadEntity(reader, item, dictionary);
    }
  }
}

}  // namespace kaohe
