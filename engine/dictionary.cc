#include "engine/dictionary.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/suggest.h"
#include "engine/units.h"

namespace kaohe {

namespace {
struct KindInfo {
  EntityKind kind;
  std::string_view id;
  std::string_view name;
};
constexpr KindInfo kKinds[] = {
    {EntityKind::kProvince, "province", "省"},
    {EntityKind::kCity, "city", "市"},
    {EntityKind::kDistrict, "district", "区"},
    {EntityKind::kCounty, "county", "县"},
    {EntityKind::kCountyLevelCity, "county_level_city", "县级市"},
    {EntityKind::kDevelopmentZone, "development_zone", "开发区"},
    {EntityKind::kZoneGroup, "zone_group", "开发区合计"},
};
}  // namespace

std::string_view EntityKindId(EntityKind kind) {
  for (const KindInfo& k : kKinds) {
    if (k.kind == kind) return k.id;
  }
  return "city";
}

std::string_view EntityKindName(EntityKind kind) {
  for (const KindInfo& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "市";
}

std::optional<EntityKind> EntityKindFromId(std::string_view id) {
  for (const KindInfo& k : kKinds) {
    if (k.id == id) return k.kind;
  }
  return std::nullopt;
}

std::vector<std::string> EntityKindIds() {
  std::vector<std::string> ids;
  for (const KindInfo& k : kKinds) ids.emplace_back(k.id);
  return ids;
}

bool Indicator::HasMeasure(Measure measure) const {
  return std::find(measures.begin(), measures.end(), measure) != measures.end();
}

bool Indicator::AcceptsUnit(Measure measure, std::string_view unit) const {
  if (measure == Measure::kGrowth) return unit == "%";
  return std::find(units.begin(), units.end(), unit) != units.end();
}

void Dictionary::AddIndicator(Indicator indicator, Diagnostics& diagnostics) {
  std::vector<std::string> words = {indicator.id, indicator.name};
  words.insert(words.end(), indicator.aliases.begin(), indicator.aliases.end());
  for (const std::string& word : words) {
    auto it = indicator_index_.find(word);
    if (it != indicator_index_.end() && indicators_[it->second].id != indicator.id) {
      const Indicator& other = indicators_[it->second];
      diagnostics.Error(
          "D001", indicator.defined_at,
          fmt::format("'{}' of indicator {} already names indicator {} ({}:{})", word, indicator.id,
                      other.id, other.defined_at.file, other.defined_at.line));
      return;
    }
    if (it != indicator_index_.end()) {
      diagnostics.Error("D001", indicator.defined_at,
                        fmt::format("indicator {} is defined twice", indicator.id));
      return;
    }
  }
  std::size_t index = indicators_.size();
  for (const std::string& word : words) indicator_index_.emplace(word, index);
  indicators_.push_back(std::move(indicator));
}

namespace {
void AppendNew(std::vector<std::string>& to, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (std::find(to.begin(), to.end(), w) == to.end()) to.push_back(w);
  }
}
}  // namespace

void Dictionary::AddEntity(Entity entity, Diagnostics& diagnostics) {
  finished_ = false;  // children are indexed again by the next Finish
  auto clash = [&](std::string_view word, const Entity& other) {
    diagnostics.Error(
        "D001", entity.defined_at,
        fmt::format("'{}' of entity {} already names entity {} ({}:{})", word, entity.name,
                    other.name, other.defined_at.file, other.defined_at.line));
  };
  // A second definition of a name merges with the first when they agree.
  Entity* merged = nullptr;
  if (auto it = entity_index_.find(entity.name); it != entity_index_.end()) {
    Entity& first = entities_[it->second];
    const bool agree =
        first.name == entity.name && first.kind == entity.kind &&
        (first.parent.empty() || entity.parent.empty() || first.parent == entity.parent) &&
        (first.code.empty() || entity.code.empty() || first.code == entity.code);
    if (!agree) {
      if (first.name != entity.name) {
        clash(entity.name.view(), first);
      } else {
        diagnostics.Error(
            "D001", entity.defined_at,
            fmt::format("entity {} is defined again with another kind, parent or code ({}:{}: "
                        "{}, parent '{}', code '{}'; here: {}, parent '{}', code '{}')",
                        entity.name, first.defined_at.file, first.defined_at.line,
                        EntityKindId(first.kind), first.parent, first.code,
                        EntityKindId(entity.kind), entity.parent, entity.code));
      }
      return;
    }
    merged = &first;
  }
  std::vector<std::string> words;
  if (!merged) words.push_back(entity.name);
  for (const std::string& a : entity.aliases) {
    if (!merged ||
        std::find(merged->aliases.begin(), merged->aliases.end(), a) == merged->aliases.end()) {
      if (a != entity.name.view()) words.push_back(a);
    }
  }
  for (const std::string& word : words) {
    if (auto it = entity_index_.find(word); it != entity_index_.end()) {
      clash(word, entities_[it->second]);
      return;
    }
    if (auto it = shared_index_.find(word); it != shared_index_.end()) {
      clash(word, entities_[shared_[it->second].second.front()]);
      return;
    }
  }
  for (const std::string& word : entity.shared_aliases) {
    if (auto it = entity_index_.find(word); it != entity_index_.end()) {
      clash(word, entities_[it->second]);
      return;
    }
  }
  std::size_t index = merged ? merged->position : entities_.size();
  for (const std::string& word : words) entity_index_.emplace(word, index);
  for (const std::string& word : entity.shared_aliases) {
    auto [it, added] = shared_index_.try_emplace(word, shared_.size());
    if (added) shared_.emplace_back(word, std::vector<std::size_t>{});
    std::vector<std::size_t>& sharers = shared_[it->second].second;
    if (std::find(sharers.begin(), sharers.end(), index) == sharers.end()) {
      sharers.push_back(index);
    }
  }
  if (merged) {
    AppendNew(merged->aliases, entity.aliases);
    AppendNew(merged->shared_aliases, entity.shared_aliases);
    AppendNew(merged->groups, entity.groups);
    if (merged->parent.empty()) merged->parent = entity.parent;
    if (merged->code.empty()) merged->code = entity.code;
    return;
  }
  entity.position = index;
  entities_.push_back(std::move(entity));
}

void Dictionary::Finish(Diagnostics& diagnostics) {
  std::vector<std::string> names;
  for (const Entity& e : entities_) names.push_back(e.name);
  for (Entity& entity : entities_) {
    if (!entity.parent.empty()) {
      const Entity* parent = FindEntity(entity.parent);
      if (!parent) {
        diagnostics.Error("D002", entity.defined_at,
                          fmt::format("parent '{}' of {} is not an entity{}", entity.parent,
                                      entity.name, DidYouMeanSuffix(entity.parent, names)));
      } else {
        entity.parent = parent->name;  // an alias may name the parent
      }
    }
    for (std::string& group : entity.groups) {
      const Entity* g = FindEntity(group);
      if (!g) {
        diagnostics.Error("D002", entity.defined_at,
                          fmt::format("group '{}' of {} is not an entity{}", group, entity.name,
                                      DidYouMeanSuffix(group, names)));
      } else {
        group = g->name;
      }
    }
  }
  for (const Entity& entity : entities_) {
    std::set<std::string> seen = {entity.name};
    const Entity* at = &entity;
    while (at && !at->parent.empty()) {
      if (!seen.insert(at->parent).second) {
        diagnostics.Error(
            "D003", entity.defined_at,
            fmt::format("{} is its own ancestor through parent {}", entity.name, at->parent));
        break;
      }
      at = FindEntity(at->parent);
    }
  }
  // Children by parent or group, in dictionary order: aggregate checks ask for them once per
  // evaluation, which must not scan every entity of a national dictionary.
  children_.clear();
  for (const Entity& e : entities_) {
    std::vector<std::string_view> owners;
    if (!e.parent.empty()) owners.push_back(e.parent);
    for (const std::string& g : e.groups) {
      if (std::find(owners.begin(), owners.end(), g) == owners.end()) owners.push_back(g);
    }
    for (std::string_view owner : owners) children_[std::string(owner)].push_back(e.position);
  }
  finished_ = true;
}

const Indicator* Dictionary::FindIndicator(std::string_view word) const {
  return IndicatorNamed(Name(word));
}

const Indicator* Dictionary::IndicatorNamed(const Name& word) const {
  auto it = indicator_index_.find(word);
  return it == indicator_index_.end() ? nullptr : &indicators_[it->second];
}

const Entity* Dictionary::FindEntity(std::string_view word) const {
  return EntityNamed(Name(word));
}

std::vector<const Entity*> Dictionary::SharingEntities(std::string_view word) const {
  std::vector<const Entity*> out;
  auto it = shared_index_.find(std::string(word));
  if (it == shared_index_.end()) return out;
  for (std::size_t position : shared_[it->second].second) out.push_back(&entities_[position]);
  return out;
}

const Entity* Dictionary::EntityNamed(const Name& word) const {
  auto it = entity_index_.find(word);
  return it == entity_index_.end() ? nullptr : &entities_[it->second];
}

std::vector<std::string> Dictionary::IndicatorWords() const {
  std::vector<std::string> words;
  for (const Indicator& i : indicators_) {
    words.push_back(i.id);
    words.push_back(i.name);
    words.insert(words.end(), i.aliases.begin(), i.aliases.end());
  }
  return words;
}

std::vector<std::string> Dictionary::EntityWords() const {
  std::vector<std::string> words;
  for (const Entity& e : entities_) {
    words.push_back(e.name);
    words.insert(words.end(), e.aliases.begin(), e.aliases.end());
  }
  for (const auto& [word, sharers] : shared_) words.push_back(word);
  return words;
}

std::vector<const Entity*> Dictionary::Children(std::string_view name) const {
  if (finished_) {
    std::vector<const Entity*> children;
    auto it = children_.find(std::string(name));
    if (it == children_.end()) return children;
    for (std::size_t position : it->second) children.push_back(&entities_[position]);
    return children;
  }
  std::vector<const Entity*> children;
  for (const Entity& e : entities_) {
    if (e.parent == name || std::find(e.groups.begin(), e.groups.end(), name) != e.groups.end()) {
      children.push_back(&e);
    }
  }
  return children;
}

bool Dictionary::IsWithin(const Entity& entity, std::string_view ancestor) const {
  const Entity* at = &entity;
  for (int depth = 0; at && depth < 64; ++depth) {  // depth bound: cycles are reported in Finish
    if (at->name == ancestor) return true;
    if (std::find(at->groups.begin(), at->groups.end(), ancestor) != at->groups.end()) {
      return true;
    }
    if (at->parent.empty()) return false;
    at = FindEntity(at->parent);
  }
  return false;
}

}  // namespace kaohe
