#include "engine/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

namespace kaohe::internal {
namespace {

constexpr std::uint32_t kNoNode = UINT32_MAX;

const std::string& EmptyString() {
  static const std::string empty;
  return empty;
}

}  // namespace

// Builds the tree as yaml-cpp's NodeBuilder builds its own: an alias is the anchored node
// itself (shared, not copied), and a collection's children are placed when it closes. What the
// tree expands to (an alias counting as a copy of what it names) is counted as it grows, so a
// limit stops the parser at the node or alias that crosses it.
class YamlDocument::Builder : public YAML::EventHandler {
 public:
  Builder(YamlDocument& document, const YamlLimits& limits)
      : document_(document), limits_(limits) {}

  std::uint32_t root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Leaf({.type = Type::kNull, .line = mark.line, .column = mark.column}, anchor, 0);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // yaml-cpp's parser refuses an alias to an unknown anchor before reporting it.
    if (anchor >= anchors_.size() || anchors_[anchor].node == kNoNode) {
      Place(kNoNode);
      return;
    }
    const Anchored& named = anchors_[anchor];
    // An alias inside the collection it names would make the tree infinitely deep.
    if (!named.closed) Exceeded(YamlLimitExceeded::Limit::kDepth, mark);
    Count(named.size, Mark(mark));
    Place(named.node, named.size.height);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const auto text = static_cast<std::uint32_t>(document_.scalars_.size());
    Leaf({.type = Type::kScalar,
          .tag = document_.TagIndex(tag),
          .line = mark.line,
          .column = mark.column,
          .first = text},
         anchor, value.size());
    document_.scalars_.push_back(value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(Type::kSequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(Type::kMap, mark, tag, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  // What a node expands to.
  struct Size {
    std::uint64_t nodes = 0;
    std::uint64_t bytes = 0;  // of scalar text
    int height = 0;           // levels, a leaf counting one
  };
  struct Anchored {
    std::uint32_t node = kNoNode;
    bool closed = false;  // a collection's size is known when it closes
    Size size;
  };
  struct OpenCollection {
    std::uint32_t node = kNoNode;
    YAML::anchor_t anchor = YAML::NullAnchor;
    Size before;     // the totals when it opened
    int height = 1;  // of its tallest child so far, plus one
    std::vector<std::uint32_t> children;
  };

  static YamlMark Mark(const YAML::Mark& mark) { return {mark.line, mark.column}; }
  [[noreturn]] static void Exceeded(YamlLimitExceeded::Limit limit, const YAML::Mark& mark) {
    throw YamlLimitExceeded(limit, Mark(mark));
  }

  // Adds `size` to the totals, refusing it past a limit. The totals never pass a limit, so
  // they cannot overflow.
  void Count(const Size& size, YamlMark at) {
    if (static_cast<int>(depth_) + size.height > limits_.max_depth) {
      throw YamlLimitExceeded(YamlLimitExceeded::Limit::kDepth, at);
    }
    if (size.nodes > limits_.max_nodes - total_.nodes) {
      throw YamlLimitExceeded(YamlLimitExceeded::Limit::kNodes, at);
    }
    if (size.bytes > limits_.max_scalar_bytes - total_.bytes) {
      throw YamlLimitExceeded(YamlLimitExceeded::Limit::kScalarBytes, at);
    }
    total_.nodes += size.nodes;
    total_.bytes += size.bytes;
  }
  void Register(YAML::anchor_t anchor, std::uint32_t node, bool closed, Size size) {
    if (anchor == YAML::NullAnchor) return;
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    anchors_[anchor] = {node, closed, size};
  }
  void Leaf(const Stored& stored, YAML::anchor_t anchor, std::size_t bytes) {
    const Size size{1, bytes, 1};
    Count(size, {stored.line, stored.column});
    const std::uint32_t node = document_.Add(stored);
    Register(anchor, node, true, size);
    Place(node, size.height);
  }
  void Place(std::uint32_t node, int height = 1) {
    if (node == kNoNode) node = document_.Add({});
    if (depth_ == 0) {
      if (root_ == kNoNode) root_ = node;
    } else {
      OpenCollection& parent = open_[depth_ - 1];
      parent.children.push_back(node);
      parent.height = std::max(parent.height, height + 1);
    }
  }
  void Open(Type type, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    Count({1, 0, 1}, Mark(mark));
    const std::uint32_t node = document_.Add(
        {.type = type, .tag = document_.TagIndex(tag), .line = mark.line, .column = mark.column});
    Register(anchor, node, false, {});
    // Levels are reused, their children's room kept.
    if (depth_ == open_.size()) open_.emplace_back();
    OpenCollection& opened = open_[depth_++];
    opened.node = node;
    opened.before = total_;
    opened.before.nodes -= 1;  // the collection itself is part of its size
    opened.height = 1;
    opened.anchor = anchor;
    opened.children.clear();
  }
  void Close() {
    OpenCollection& closing = open_[depth_ - 1];
    Stored& stored = document_.nodes_[closing.node];
    stored.first = static_cast<std::uint32_t>(document_.children_.size());
    stored.count = static_cast<std::uint32_t>(closing.children.size());
    document_.children_.insert(document_.children_.end(), closing.children.begin(),
                               closing.children.end());
    const Size size{total_.nodes - closing.before.nodes, total_.bytes - closing.before.bytes,
                    closing.height};
    const std::uint32_t node = closing.node;
    const YAML::anchor_t anchor = closing.anchor;
    --depth_;
    Register(anchor, node, true, size);
    Place(node, size.height);
  }

  YamlDocument& document_;
  const YamlLimits& limits_;
  std::uint32_t root_ = kNoNode;
  Size total_;
  std::vector<Anchored> anchors_;  // yaml-cpp numbers anchors from 1
  // The collections being read, outermost first: the first depth_ of open_.
  std::vector<OpenCollection> open_;
  std::size_t depth_ = 0;
};

YamlNode YamlDocument::Parse(const std::string& text, const YamlLimits& limits) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  Builder builder(*this, limits);
  if (!parser.HandleNextDocument(builder) || builder.root() == kNoNode) {
    return YamlNode(this, Add({}));  // a null node without a position, as YAML::Load gives
  }
  return YamlNode(this, builder.root());
}

std::uint32_t YamlDocument::Add(Stored stored) {
  nodes_.push_back(stored);
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t YamlDocument::TagIndex(const std::string& tag) {
  // Nearly every tag is "?" or "!": the few distinct ones are found by a short scan.
  for (std::size_t i = 0; i < tags_.size(); ++i) {
    if (tags_[i] == tag) return static_cast<std::uint32_t>(i);
  }
  tags_.push_back(tag);
  return static_cast<std::uint32_t>(tags_.size() - 1);
}

YamlNode YamlDocument::AddScalar(std::string text, YamlMark mark) {
  const auto at = static_cast<std::uint32_t>(scalars_.size());
  scalars_.push_back(std::move(text));
  return YamlNode(
      this, Add({.type = Type::kScalar, .line = mark.line, .column = mark.column, .first = at}));
}

YamlNode YamlDocument::AddSequence(std::span<const YamlNode> items, YamlMark mark) {
  const auto first = static_cast<std::uint32_t>(children_.size());
  for (const YamlNode& item : items) children_.push_back(item.index_);
  return YamlNode(this, Add({.type = Type::kSequence,
                             .line = mark.line,
                             .column = mark.column,
                             .first = first,
                             .count = static_cast<std::uint32_t>(items.size())}));
}

YamlNode YamlDocument::AddMap(std::span<const YamlNode> entries, YamlMark mark) {
  YamlNode node = AddSequence(entries, mark);
  nodes_[node.index_].type = Type::kMap;
  return node;
}

bool YamlNode::IsNull() const {
  return document_ && document_->nodes_[index_].type == YamlDocument::Type::kNull;
}
bool YamlNode::IsScalar() const {
  return document_ && document_->nodes_[index_].type == YamlDocument::Type::kScalar;
}
bool YamlNode::IsSequence() const {
  return document_ && document_->nodes_[index_].type == YamlDocument::Type::kSequence;
}
bool YamlNode::IsMap() const {
  return document_ && document_->nodes_[index_].type == YamlDocument::Type::kMap;
}

const std::string& YamlNode::Scalar() const {
  if (!IsScalar()) return EmptyString();
  return document_->scalars_[document_->nodes_[index_].first];
}

const std::string& YamlNode::Tag() const {
  if (!document_) return EmptyString();
  return document_->tags_[document_->nodes_[index_].tag];
}

YamlMark YamlNode::Mark() const {
  if (!document_) return {};
  const auto& stored = document_->nodes_[index_];
  return {stored.line, stored.column};
}

std::size_t YamlNode::size() const {
  if (IsSequence()) return document_->nodes_[index_].count;
  if (IsMap()) return document_->nodes_[index_].count / 2;
  return 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  for (std::size_t entry = 0; entry < size(); ++entry) {
    YamlNode k = document_->ChildOf(index_, 2 * entry);
    if (k.IsScalar() && k.Scalar() == key) return document_->ChildOf(index_, 2 * entry + 1);
  }
  return {};
}

YamlNode YamlNode::operator[](std::size_t index) const {
  if (!IsSequence() || index >= size()) return {};
  return document_->ChildOf(index_, index);
}

YamlNode::Iterator YamlNode::begin() const { return Iterator(*this, 0); }
YamlNode::Iterator YamlNode::end() const { return Iterator(*this, size()); }

YamlNode::Item YamlNode::Iterator::operator*() const {
  const YamlDocument& document = *node_.document_;
  if (node_.IsMap()) {
    return Item({}, document.ChildOf(node_.index_, 2 * position_),
                document.ChildOf(node_.index_, 2 * position_ + 1));
  }
  return Item(document.ChildOf(node_.index_, position_), {}, {});
}

}  // namespace kaohe::internal
