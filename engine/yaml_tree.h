// YamlDocument: one YAML document as a compact tree, built from yaml-cpp's parser events
// (internal to the loaders). yaml-cpp's own tree (YAML::Load) allocates a shared node, its data
// and its memory holder for every scalar: a 180 KB dictionary of 3,000 entities took 10 MiB and
// a third of its load time to build, and a YAML file may be 32 MiB. Here a node is 24 bytes in
// one array and children are runs of indices in another, so a file costs a few times its size.
//
// YamlNode is a handle with the parts of YAML::Node's reading interface the loaders use: a
// default handle is undefined (false), as a missing key's; map lookup returns the first entry
// with the key, as yaml-cpp's does; iterating a mapping yields entries with `first` and `second`,
// a sequence its items. Handles point into their document, which must outlive them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kaohe::internal {

// A node's position: 0-based line and byte column, -1 when unknown (a node made, not read).
struct YamlMark {
  int line = -1;
  int column = -1;
};

class YamlDocument;

// What a document may expand to, counting every use of an alias as a copy of what it names: the
// consumers copy an aliased scalar at each use, so a few aliases of a large scalar (or of a
// collection of aliases, "billion laughs") would otherwise cost far more than the file.
struct YamlLimits {
  int max_depth = 64;                          // mappings and sequences nested, a leaf counting one
  std::uint64_t max_nodes = 1'000'000;         // nodes, keys included
  std::uint64_t max_scalar_bytes = 64u << 20;  // bytes of scalar text, keys included
};

// Thrown by YamlDocument::Parse at the node (or the alias) that crosses a limit, before the
// parser goes deeper or the tree grows further.
class YamlLimitExceeded : public std::runtime_error {
 public:
  enum class Limit { kDepth, kNodes, kScalarBytes };
  YamlLimitExceeded(Limit limit, YamlMark mark)
      : std::runtime_error("YAML limit exceeded"), limit_(limit), mark_(mark) {}
  Limit limit() const { return limit_; }
  YamlMark mark() const { return mark_; }

 private:
  Limit limit_;
  YamlMark mark_;
};

class YamlNode {
 public:
  YamlNode() = default;

  bool IsDefined() const { return document_ != nullptr; }
  explicit operator bool() const { return IsDefined(); }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;

  // A scalar's text; empty for any other node.
  const std::string& Scalar() const;
  // As yaml-cpp's parser reports it: "?" for a plain scalar, "!" for a quoted one, the resolved
  // tag for an explicit one; empty for null nodes and for scalars made by AddScalar.
  const std::string& Tag() const;
  YamlMark Mark() const;

  // Items of a sequence, entries of a mapping; 0 for anything else.
  std::size_t size() const;
  // A mapping's value for the first scalar key equal to `key`; undefined when there is none or
  // this is not a mapping.
  YamlNode operator[](std::string_view key) const;
  // A sequence's item; undefined past its end or when this is not a sequence.
  YamlNode operator[](std::size_t index) const;

  // What iterating yields: a sequence's item (with first and second undefined) or a mapping's
  // entry (undefined itself, with key and value in first and second).
  struct Item;
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class YamlDocument;
  YamlNode(const YamlDocument* document, std::uint32_t index)
      : document_(document), index_(index) {}
  const YamlDocument* document_ = nullptr;
  std::uint32_t index_ = 0;
};

struct YamlNode::Item : YamlNode {
  Item() = default;
  Item(YamlNode item, YamlNode key, YamlNode value) : YamlNode(item), first(key), second(value) {}
  YamlNode first;
  YamlNode second;
};

class YamlNode::Iterator {
 public:
  Iterator(YamlNode node, std::size_t position) : node_(node), position_(position) {}
  Item operator*() const;
  Iterator& operator++() {
    ++position_;
    return *this;
  }
  bool operator==(const Iterator& other) const { return position_ == other.position_; }

 private:
  YamlNode node_;
  std::size_t position_;
};

class YamlDocument {
 public:
  YamlDocument() = default;
  YamlDocument(const YamlDocument&) = delete;
  YamlDocument& operator=(const YamlDocument&) = delete;

  // Parses the first document of `text`, as YAML::Load does; the later ones are not read.
  // Throws YAML::Exception (with its mark) on a syntax error and YamlLimitExceeded past a limit.
  // A null node when there is none.
  YamlNode Parse(const std::string& text, const YamlLimits& limits = {});

  // Nodes made rather than read (rule tests' substituted cases), in this document.
  YamlNode AddScalar(std::string text, YamlMark mark);
  YamlNode AddSequence(std::span<const YamlNode> items, YamlMark mark);
  // `entries` alternate keys and values.
  YamlNode AddMap(std::span<const YamlNode> entries, YamlMark mark);
  // An empty mapping without a position: what an empty file reads as.
  YamlNode AddEmptyMap() { return AddMap({}, {}); }

 private:
  friend class YamlNode;
  friend class YamlNode::Iterator;
  class Builder;

  enum class Type : std::uint8_t { kNull, kScalar, kSequence, kMap };
  struct Stored {
    Type type = Type::kNull;
    std::uint32_t tag = 0;   // in tags_; 0 is ""
    std::int32_t line = -1;  // 0-based, as yaml-cpp marks
    std::int32_t column = -1;
    std::uint32_t first = 0;  // a scalar's text in scalars_; a collection's first child
    std::uint32_t count = 0;  // a collection's children in children_ (a mapping: 2 an entry)
  };

  std::uint32_t Add(Stored stored);
  std::uint32_t TagIndex(const std::string& tag);
  YamlNode ChildOf(std::uint32_t node, std::size_t child) const {
    return YamlNode(this, children_[nodes_[node].first + child]);
  }

  std::vector<Stored> nodes_;
  std::vector<std::uint32_t> children_;
  // Deques: the references Scalar() and Tag() return stay valid as nodes are added.
  std::deque<std::string> scalars_;
  std::deque<std::string> tags_{""};
};

}  // namespace kaohe::internal
