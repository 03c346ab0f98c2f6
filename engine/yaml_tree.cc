#include "engine/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

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
// itself (shared, not copied), and a collection's children are placed when it closes.
class YamlDocument::Builder : public YAML::EventHandler {
 public:
  explicit Builder(YamlDocument& document) : document_(document) {}

  std::uint32_t root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Leaf({.type = Type::kNull, .line = mark.line, .column = mark.column}, anchor);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    // yaml-cpp's parser refuses an alias to an unknown anchor before reporting it.
    Place(anchor < anchors_.size() ? anchors_[anchor] : kNoNode);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const auto text = static_cast<std::uint32_t>(document_.scalars_.size());
    document_.scalars_.push_back(value);
    Leaf({.type = Type::kScalar,
          .tag = document_.TagIndex(tag),
          .line = mark.line,
          .column = mark.column,
          .first = text},
         anchor);
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
  void Register(YAML::anchor_t anchor, std::uint32_t node) {
    if (anchor == YAML::NullAnchor) return;
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNoNode);
    anchors_[anchor] = node;
  }
  void Leaf(const Stored& stored, YAML::anchor_t anchor) {
    const std::uint32_t node = document_.Add(stored);
    Register(anchor, node);
    Place(node);
  }
  void Place(std::uint32_t node) {
    if (node == kNoNode) node = document_.Add({});
    if (open_.empty()) {
      if (root_ == kNoNode) root_ = node;
    } else {
      children_of_open_[open_.size() - 1].push_back(node);
    }
  }
  void Open(Type type, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    const std::uint32_t node = document_.Add(
        {.type = type, .tag = document_.TagIndex(tag), .line = mark.line, .column = mark.column});
    Register(anchor, node);
    open_.push_back(node);
    if (children_of_open_.size() < open_.size()) children_of_open_.emplace_back();
    children_of_open_[open_.size() - 1].clear();  // kept for its room: levels are reused
  }
  void Close() {
    const std::uint32_t node = open_.back();
    const std::vector<std::uint32_t>& children = children_of_open_[open_.size() - 1];
    Stored& stored = document_.nodes_[node];
    stored.first = static_cast<std::uint32_t>(document_.children_.size());
    stored.count = static_cast<std::uint32_t>(children.size());
    document_.children_.insert(document_.children_.end(), children.begin(), children.end());
    open_.pop_back();
    Place(node);
  }

  YamlDocument& document_;
  std::uint32_t root_ = kNoNode;
  std::vector<std::uint32_t> anchors_;  // yaml-cpp numbers anchors from 1
  std::vector<std::uint32_t> open_;     // the collections being read, outermost first
  std::vector<std::vector<std::uint32_t>> children_of_open_;
};

YamlNode YamlDocument::Parse(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  Builder builder(*this);
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
