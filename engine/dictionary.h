// The dictionaries users edit: indicators (canonical ids, Chinese names, aliases, measures,
// units, direction) and entities (regions and development zones with aliases, kind, parent
// and the groups they are counted in). Rules and facts are resolved against them.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/fact.h"
#include "engine/source.h"

namespace kaohe {

enum class Direction { kHigherIsBetter, kLowerIsBetter };

enum class EntityKind {
  kProvince,
  kCity,
  kDistrict,
  kCounty,
  kCountyLevelCity,
  kDevelopmentZone,
  kZoneGroup,  // development zones counted together, as a 全市开发区 total row
};

std::string_view EntityKindId(EntityKind kind);  // "province", "county_level_city" …
std::optional<EntityKind> EntityKindFromId(std::string_view id);
std::vector<std::string> EntityKindIds();
std::string_view EntityKindName(EntityKind kind);  // Chinese: 省, 市, 区 …

struct Indicator {
  Name id;  // a Name, because every fact and finding repeats it
  std::string name;
  std::vector<std::string> aliases;
  std::vector<Measure> measures;
  std::vector<std::string> units;  // canonical level units; the first is the usual one
  Direction direction = Direction::kHigherIsBetter;
  SourceLocation defined_at;

  bool HasMeasure(Measure measure) const;
  bool AcceptsUnit(Measure measure, std::string_view unit) const;
};

struct Entity {
  Name name;  // a Name, because every fact and finding repeats it
  std::vector<std::string> aliases;
  // Names it shares with other entities (朝阳区 of 北京市朝阳区 and 长春市朝阳区): they name
  // it only where the document's context decides; FindEntity never returns it for them.
  std::vector<std::string> shared_aliases;
  std::string code;  // the statistical division code (统计用区划代码), when known
  EntityKind kind = EntityKind::kCity;
  std::string parent;               // canonical name; empty at the top
  std::vector<std::string> groups;  // canonical names of zone groups it is counted in
  SourceLocation defined_at;
  std::size_t position = 0;  // in the dictionary's order; set by Dictionary::AddEntity
};

class Dictionary {
 public:
  // Each reports clashes of ids, names and aliases (D001) and keeps the first definition.
  void AddIndicator(Indicator indicator, Diagnostics& diagnostics);
  // An entity whose canonical name is already defined merges with it when both agree on kind,
  // parent and code (the hand-written file adding aliases and groups to the generated national
  // one, in either order); a disagreement is a clash (D001). A shared alias may be given by any
  // number of entities but never also name one entity alone.
  void AddEntity(Entity entity, Diagnostics& diagnostics);
  // Checks that parents and groups exist (D002) and that no entity is its own ancestor (D003).
  void Finish(Diagnostics& diagnostics);

  // By id, Chinese name or alias.
  const Indicator* FindIndicator(std::string_view word) const;
  // By canonical name or alias.
  const Entity* FindEntity(std::string_view word) const;
  // The entities a shared alias may name, in dictionary order; empty for any other word.
  std::vector<const Entity*> SharingEntities(std::string_view word) const;
  // Every shared alias with the entities that share it, in the order first given.
  const std::vector<std::pair<std::string, std::vector<std::size_t>>>& shared_aliases() const {
    return shared_;
  }
  // The same for a word already interned (a fact's fields): hashed by number, no text read.
  const Entity* EntityNamed(const Name& word) const;
  const Indicator* IndicatorNamed(const Name& word) const;

  const std::deque<Indicator>& indicators() const { return indicators_; }
  const std::deque<Entity>& entities() const { return entities_; }
  std::vector<std::string> IndicatorWords() const;  // ids, names and aliases, for did-you-mean
  std::vector<std::string> EntityWords() const;     // names, aliases and shared aliases

  // Entities whose parent is `name` or that are counted in group `name`, in dictionary order.
  std::vector<const Entity*> Children(std::string_view name) const;
  // True when `ancestor` is the entity itself, one of its parents up the chain, or a group
  // that it or one of its parents is counted in.
  bool IsWithin(const Entity& entity, std::string_view ancestor) const;

 private:
  std::deque<Indicator> indicators_;
  std::deque<Entity> entities_;
  std::unordered_map<Name, std::size_t> indicator_index_;
  std::unordered_map<Name, std::size_t> entity_index_;
  std::vector<std::pair<std::string, std::vector<std::size_t>>> shared_;  // word → positions
  std::unordered_map<std::string, std::size_t> shared_index_;             // word → in shared_
  // Positions of the entities under each parent or group, in order; set by Finish.
  std::unordered_map<std::string, std::vector<std::size_t>> children_;
  bool finished_ = false;
};

// Reads a dictionary file: a mapping with `indicators:` and/or `entities:` lists.
void LoadDictionary(const SourceFile& file, Dictionary& dictionary, Diagnostics& diagnostics);

namespace internal {
// LoadDictionary's fast path for an entities file written one flow mapping a line (as the
// generated national.yaml is). Returns false, having added nothing, for any file outside its
// strict subset of YAML or with anything the general path would report.
bool LoadFlowLineEntities(const SourceFile& file, Dictionary& dictionary, Diagnostics& diagnostics);
}  // namespace internal

}  // namespace kaohe
