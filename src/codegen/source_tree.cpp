#include "codegen/source_tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tempest::codegen {

namespace {

constexpr TextExtent kCommaSpace{2, 2, 0};
constexpr TextExtent kBracket{1, 1, 0};
constexpr TextExtent kLineBreak{0, 0, 1};

// What a node's children are joined with on one line.
TextExtent separator(NodeKind kind) {
  switch (kind) {
    case NodeKind::Call:
    case NodeKind::List:
      return kCommaSpace;
    case NodeKind::Stack:
      return kLineBreak;
    case NodeKind::Atom:
    case NodeKind::Chain:
      break;
  }
  return {};
}

// What closes a node on one line, after its children.
TextExtent closing(NodeKind kind) {
  return kind == NodeKind::Call || kind == NodeKind::List ? kBracket : TextExtent{};
}

}  // namespace

int display_width(std::string_view text) {
  int columns = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++columns;
  }
  return columns;
}

TextExtent TextExtent::of(std::string_view text) {
  // One pass: most pieces are a few bytes long, and measuring them is the layout's inner loop.
  TextExtent extent;
  int width = 0;
  for (char c : text) {
    if (c == '\n') {
      if (extent.breaks == 0) extent.first = width;
      ++extent.breaks;
      width = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++width;
    }
  }
  if (extent.breaks == 0) extent.first = width;
  extent.last = width;
  return extent;
}

TextExtent TextExtent::then(const TextExtent& next) const {
  return {breaks > 0 ? first : first + next.first, next.breaks > 0 ? next.last : last + next.last,
          breaks + next.breaks};
}

NodeId SourceTree::make(NodeKind kind, std::string_view text) {
  Node node;
  node.kind = kind;
  node.text_begin = static_cast<std::uint32_t>(text_.size());
  node.text_size = static_cast<std::uint32_t>(text.size());
  text_ += text;
  switch (kind) {
    case NodeKind::Atom:
      node.head = TextExtent::of(text);
      break;
    case NodeKind::Call:
      node.head = TextExtent::of(text).then(kBracket);
      break;
    case NodeKind::List:
      node.head = kBracket;
      break;
    case NodeKind::Chain:
      break;
    case NodeKind::Stack:
      node.flat_allowed = false;
      break;
  }
  node.flat = node.head.then(closing(kind));
  nodes_.push_back(node);
  return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId SourceTree::atom(std::string_view text) { return make(NodeKind::Atom, text); }

NodeId SourceTree::call(std::string_view name, std::initializer_list<NodeId> args) {
  const NodeId node = make(NodeKind::Call, name);
  for (NodeId arg : args) add(node, arg);
  return node;
}

NodeId SourceTree::list(bool one_per_line) {
  const NodeId node = make(NodeKind::List, "");
  nodes_[node].one_per_line = one_per_line;
  return node;
}

NodeId SourceTree::stack(const std::vector<std::string>& tokens) {
  if (tokens.size() == 1) return atom(tokens.front());
  const NodeId node = make(NodeKind::Stack, "");
  for (const std::string& token : tokens) add(node, atom(token));
  return node;
}

NodeId SourceTree::then(NodeId expression, NodeId call) {
  NodeId chain = expression;
  if (kind(expression) != NodeKind::Chain) {
    chain = make(NodeKind::Chain, "");
    add(chain, expression);
  }
  add(chain, call);
  return chain;
}

void SourceTree::add(NodeId parent, NodeId child) {
  const Node& added = nodes_[child];
  Node& node = nodes_[parent];
  if (node.child_count == 0) {
    node.first_child = child;
    node.inner = added.flat;
  } else {
    // The child that was last no longer is: a multi-line one now has something after it.
    if (nodes_[node.last_child].flat.breaks > 0) node.flat_allowed = false;
    nodes_[node.last_child].next_sibling = child;
    node.inner = node.inner.then(separator(node.kind)).then(added.flat);
  }
  node.last_child = child;
  ++node.child_count;
  if (!added.flat_allowed) node.flat_allowed = false;
  node.flat = node.head.then(node.inner).then(closing(node.kind));
}

void SourceTree::clear() {
  nodes_.clear();
  text_.clear();
}

void SourceTree::write_children(const Node& node, std::string_view separator,
                                std::string& out) const {
  for (NodeId child = node.first_child; child != kNoNode; child = nodes_[child].next_sibling) {
    if (child != node.first_child) out += separator;
    write_flat(child, out);
  }
}

void SourceTree::write_flat(NodeId id, std::string& out) const {
  const Node& node = nodes_[id];
  switch (node.kind) {
    case NodeKind::Atom:
      out += text(id);
      return;
    case NodeKind::Call:
      out += text(id);
      out += '(';
      write_children(node, ", ", out);
      out += ')';
      return;
    case NodeKind::List:
      out += '{';
      write_children(node, ", ", out);
      out += '}';
      return;
    case NodeKind::Chain:
      write_children(node, "", out);
      return;
    case NodeKind::Stack:
      write_children(node, "\n", out);
      return;
  }
}

}  // namespace tempest::codegen
