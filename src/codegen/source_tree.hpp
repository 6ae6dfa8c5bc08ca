#pragma once

// The expressions generate_migration() writes, as a tree for the layout engine
// (source_layout.hpp): atoms (literals, names), calls, braced lists, method chains and stacks
// of adjacent string literals. Nodes live in one arena, referred to by id, and their text in
// one buffer: once the arena has grown, building an operation's tree allocates next to
// nothing, and no node holds a copy of its children's text.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tempest::codegen {

// Columns `text` takes on screen: UTF-8 continuation bytes take none.
[[nodiscard]] int display_width(std::string_view text);

// What the layout needs to know of a piece of text without holding it: the display width of
// its first and last lines and how many line breaks it holds (lines in between never count).
struct TextExtent {
  int first = 0;
  int last = 0;  // equals `first` when there is no break
  int breaks = 0;

  [[nodiscard]] static TextExtent of(std::string_view text);
  // The extent of this text followed by `next`, as one piece.
  [[nodiscard]] TextExtent then(const TextExtent& next) const;
};

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind { Atom, Call, List, Chain, Stack };

class SourceTree {
 public:
  // A token written as it is: a literal or a name. It may span lines (a raw string literal).
  [[nodiscard]] NodeId atom(std::string_view text);
  // name(args...); for a chained call, name starts with '.'.
  [[nodiscard]] NodeId call(std::string_view name, std::initializer_list<NodeId> args = {});
  // {}, to be filled with add(); `one_per_line`: when it does not fit on one line, one element
  // per line with a trailing comma (columns, operations) rather than packed (names, labels).
  [[nodiscard]] NodeId list(bool one_per_line);
  // Tokens one under the other, aligned on the first (adjacent string literals that make up
  // one multi-line string); never on one line. Returns an atom for a single token.
  [[nodiscard]] NodeId stack(const std::vector<std::string>& tokens);
  // expression.call(...): a chain of `expression` and `call`, or `expression` itself with
  // `call` appended when it is a chain already.
  [[nodiscard]] NodeId then(NodeId expression, NodeId call);
  // Appends `child` to the children of `parent` (a list's elements). `child` must be complete:
  // its extent is taken now.
  void add(NodeId parent, NodeId child);
  // Forgets every node, keeping the memory for the next expression.
  void clear();

  [[nodiscard]] NodeKind kind(NodeId node) const { return nodes_[node].kind; }
  // An atom's text or a call's name.
  [[nodiscard]] std::string_view text(NodeId node) const {
    return std::string_view(text_).substr(nodes_[node].text_begin, nodes_[node].text_size);
  }
  // The first child of `node`, or kNoNode.
  [[nodiscard]] NodeId first_child(NodeId node) const { return nodes_[node].first_child; }
  class Children;
  // The children of `node` in order: for (NodeId child : tree.children(node)) ...
  [[nodiscard]] Children children(NodeId node) const;
  // The child after `node` in its parent, or kNoNode.
  [[nodiscard]] NodeId next_sibling(NodeId node) const { return nodes_[node].next_sibling; }
  [[nodiscard]] std::uint32_t child_count(NodeId node) const { return nodes_[node].child_count; }
  [[nodiscard]] bool one_per_line(NodeId node) const { return nodes_[node].one_per_line; }
  // The extent of what comes before the children on one line: "name(" for a call.
  [[nodiscard]] const TextExtent& head_extent(NodeId node) const { return nodes_[node].head; }
  // The extent of the whole node on one line (or as few as its multi-line atoms allow).
  [[nodiscard]] const TextExtent& flat_extent(NodeId node) const { return nodes_[node].flat; }
  // Whether the flat text may be written as it is: the node holds no stack, and a multi-line
  // atom in it is followed by nothing but closing brackets (clang-format breaks before an
  // argument that follows one).
  [[nodiscard]] bool flat_allowed(NodeId node) const { return nodes_[node].flat_allowed; }
  // Appends the flat text of node `id` to `out`.
  void write_flat(NodeId id, std::string& out) const;

 private:
  struct Node {
    NodeKind kind = NodeKind::Atom;
    bool one_per_line = false;
    bool flat_allowed = true;
    std::uint32_t text_begin = 0;
    std::uint32_t text_size = 0;
    NodeId first_child = kNoNode;
    NodeId last_child = kNoNode;
    NodeId next_sibling = kNoNode;
    std::uint32_t child_count = 0;
    TextExtent head;   // what comes before the children on one line: "name(", "{", an atom
    TextExtent inner;  // the children's flat text, joined
    TextExtent flat;
  };

  NodeId make(NodeKind kind, std::string_view text);
  void write_children(const Node& node, std::string_view separator, std::string& out) const;

  std::vector<Node> nodes_;
  std::string text_;
};

class SourceTree::Children {
 public:
  class Iterator {
   public:
    Iterator(const SourceTree* tree, NodeId node) : tree_(tree), node_(node) {}
    [[nodiscard]] NodeId operator*() const { return node_; }
    Iterator& operator++() {
      node_ = tree_->next_sibling(node_);
      return *this;
    }
    [[nodiscard]] bool operator!=(const Iterator& other) const { return node_ != other.node_; }

   private:
    const SourceTree* tree_;
    NodeId node_;
  };

  Children(const SourceTree* tree, NodeId first) : tree_(tree), first_(first) {}
  [[nodiscard]] Iterator begin() const { return {tree_, first_}; }
  [[nodiscard]] Iterator end() const { return {tree_, kNoNode}; }

 private:
  const SourceTree* tree_;
  NodeId first_;
};

inline SourceTree::Children SourceTree::children(NodeId node) const {
  return {this, nodes_[node].first_child};
}

}  // namespace tempest::codegen
