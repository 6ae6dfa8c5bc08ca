#include "codegen/source_layout.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace tempest::codegen {

namespace {

// Text being laid out, with what the choice between two layouts looks at.
struct Output {
  std::string text;
  int column = 0;
  int lines = 0;     // line breaks
  int overflow = 0;  // columns past the limit, summed over finished lines
  // Line breaks weighted by bracket depth: as with clang-format's penalties, breaking deep
  // inside nested calls costs more than breaking early.
  int penalty = 0;

  void append(std::string_view piece) {
    std::size_t newline = piece.find('\n');
    if (newline == std::string_view::npos) {
      text += piece;
      column += display_width(piece);
      return;
    }
    // A multi-line atom: its inner lines are what they are; only the first and last count.
    column += display_width(piece.substr(0, newline));
    end_line();
    std::size_t last = piece.rfind('\n');
    text += piece;
    lines += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
    column = display_width(piece.substr(last + 1));
  }

  void new_line(int indent, int depth, int extra_penalty = 0) {
    end_line();
    text += '\n';
    text.append(static_cast<std::size_t>(indent), ' ');
    ++lines;
    penalty += 1 + depth + extra_penalty;
    column = indent;
  }

  void end_line() {
    if (column > kColumnLimit) overflow += column - kColumnLimit;
  }

  void append(const Output& other) {
    text += other.text;
    column = other.column;
    lines += other.lines;
    overflow += other.overflow;
    penalty += other.penalty;
  }

  // How bad this layout is once `tail` columns follow it: overflow first, then breaks.
  [[nodiscard]] std::tuple<int, int, int> cost(int tail) const {
    int last_line = column + tail > kColumnLimit ? column + tail - kColumnLimit : 0;
    return {overflow + last_line, penalty, lines};
  }
};

// Clang-format would rather break after a parenthesis than inside a method chain.
constexpr int kChainBreakPenalty = 2;

// Where a node is laid out: the indentation of the line it starts on (continuation lines are
// indented from there), how many brackets enclose it, and the columns that must follow it.
struct Place {
  int indent = 0;
  int depth = 0;
  int tail = 0;
};

bool fits_flat(const SourceNode& node, int column, int tail) {
  if (!node.flat_allowed()) return false;
  const std::string& flat = node.flat();
  const std::size_t first_break = flat.find('\n');
  if (first_break == std::string::npos) return column + display_width(flat) + tail <= kColumnLimit;
  const std::size_t last_break = flat.rfind('\n');
  return column + display_width(std::string_view(flat).substr(0, first_break)) <= kColumnLimit &&
         display_width(std::string_view(flat).substr(last_break + 1)) + tail <= kColumnLimit;
}

// A list of columns or operations gets one line per element as soon as what holds it is laid
// out on several lines, unless it has a single element.
bool keeps_own_lines(const SourceNode& node) {
  return node.kind() == SourceNode::Kind::List && node.one_per_line() && node.children().size() > 1;
}

void emit(Output& out, const SourceNode& node, Place place);
void emit_broken(Output& out, const SourceNode& node, Place place);

// The better of two candidate layouts; ties go to `first`.
Output& better(Output& first, Output& second, int tail) {
  return second.cost(tail) < first.cost(tail) ? second : first;
}

// Arguments or list elements after their opening bracket, each followed by "," and the last
// by `closing`: as many per line as fit, continuation lines starting at `align`. `depth`
// counts the brackets around the items.
void pack(Output& out, const std::vector<SourceNode>& items, int align, int depth,
          const std::string& closing, int tail) {
  bool previous_broken = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const SourceNode& item = items[i];
    const bool last = i + 1 == items.size();
    const Place place{align, depth, last ? display_width(closing) + tail : 1};
    const bool own_lines = keeps_own_lines(item);
    auto lay = own_lines ? emit_broken : emit;
    Output laid{"", out.column};
    int leading_breaks = 0;
    if (i == 0) {
      lay(laid, item, place);
    } else if (!own_lines && !previous_broken && fits_flat(item, out.column + 1, place.tail)) {
      laid.append(" ");
      laid.append(item.flat());
    } else {
      laid.new_line(align, depth);
      lay(laid, item, place);
      leading_breaks = 1;
      // As with clang-format, a packed list or a call may also start on the current line and
      // break inside; so may a method chain when it is the last item. A list of one element
      // per line starts a line of its own. Ties go to a packed list staying on the line and to
      // a call or a chain starting a new one.
      const SourceNode::Kind kind = item.kind();
      const bool may_stay = kind == SourceNode::Kind::Call ||
                            (kind == SourceNode::Kind::List && !item.one_per_line()) ||
                            (kind == SourceNode::Kind::Chain && last);
      if (!previous_broken && may_stay) {
        Output same_line{"", out.column};
        same_line.append(" ");
        lay(same_line, item, place);
        Output& chosen = kind == SourceNode::Kind::List ? better(same_line, laid, place.tail)
                                                        : better(laid, same_line, place.tail);
        if (&chosen == &same_line) {
          laid = std::move(same_line);
          leading_breaks = 0;
        }
      }
    }
    previous_broken = laid.lines > leading_breaks;
    out.append(laid);
    out.append(last ? std::string_view(closing) : std::string_view(","));
  }
}

void emit_call(Output& out, const SourceNode& node, Place place) {
  const std::string open = node.text() + "(";
  if (node.children().empty()) {
    out.append(open + ")");
    return;
  }
  // Clang-format's two choices: arguments aligned after the parenthesis, or on the next line
  // with a continuation indent.
  const int depth = place.depth + 1;
  Output aligned{"", out.column};
  aligned.append(open);
  pack(aligned, node.children(), aligned.column, depth, ")", place.tail);
  Output broken{"", out.column};
  broken.append(open);
  broken.new_line(place.indent + 4, depth);
  pack(broken, node.children(), place.indent + 4, depth, ")", place.tail);
  out.append(better(aligned, broken, place.tail));
}

void emit_list(Output& out, const SourceNode& node, Place place) {
  if (node.children().empty()) {
    out.append("{}");
    return;
  }
  const int depth = place.depth + 1;
  out.append("{");
  if (!node.one_per_line()) {
    pack(out, node.children(), out.column, depth, "}", place.tail);
    return;
  }
  for (const SourceNode& element : node.children()) {
    out.new_line(place.indent + 4, depth);
    emit(out, element, Place{place.indent + 4, depth, 1});
    out.append(",");
  }
  out.new_line(place.indent, depth);
  out.append("}");
}

void emit_chain(Output& out, const SourceNode& node, Place place) {
  const int calls_indent = out.column + 4;
  const std::vector<SourceNode>& parts = node.children();
  emit(out, parts.front(), Place{place.indent, place.depth, 0});
  for (std::size_t i = 1; i < parts.size(); ++i) {
    out.new_line(calls_indent, place.depth, kChainBreakPenalty);
    const bool last = i + 1 == parts.size();
    emit(out, parts[i], Place{calls_indent, place.depth, last ? place.tail : 0});
  }
}

void emit_stack(Output& out, const SourceNode& node, Place place) {
  const int align = out.column;
  for (std::size_t i = 0; i < node.children().size(); ++i) {
    if (i > 0) out.new_line(align, place.depth);
    out.append(node.children()[i].text());
  }
}

void emit(Output& out, const SourceNode& node, Place place) {
  if (fits_flat(node, out.column, place.tail)) {
    out.append(node.flat());
  } else {
    emit_broken(out, node, place);
  }
}

void emit_broken(Output& out, const SourceNode& node, Place place) {
  switch (node.kind()) {
    case SourceNode::Kind::Atom:
      out.append(node.text());
      return;
    case SourceNode::Kind::Call:
      emit_call(out, node, place);
      return;
    case SourceNode::Kind::List:
      emit_list(out, node, place);
      return;
    case SourceNode::Kind::Chain:
      emit_chain(out, node, place);
      return;
    case SourceNode::Kind::Stack:
      emit_stack(out, node, place);
      return;
  }
}

std::string joined_flat(const std::vector<SourceNode>& nodes, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (i > 0) out += separator;
    out += nodes[i].flat();
  }
  return out;
}

}  // namespace

int display_width(std::string_view text) {
  int columns = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++columns;
  }
  return columns;
}

SourceNode::SourceNode(Kind kind, std::string text, std::vector<SourceNode> children,
                       bool one_per_line)
    : kind_(kind),
      text_(std::move(text)),
      children_(std::move(children)),
      one_per_line_(one_per_line) {
  switch (kind_) {
    case Kind::Atom:
      flat_ = text_;
      break;
    case Kind::Call:
      flat_ = text_ + "(" + joined_flat(children_, ", ") + ")";
      break;
    case Kind::List:
      flat_ = "{" + joined_flat(children_, ", ") + "}";
      break;
    case Kind::Chain:
      flat_ = joined_flat(children_, "");
      break;
    case Kind::Stack:
      flat_ = joined_flat(children_, "\n");
      break;
  }
  multiline_ = flat_.find('\n') != std::string::npos;
  if (kind_ == Kind::Stack) {
    flat_allowed_ = false;
  } else {
    for (std::size_t i = 0; i < children_.size(); ++i) {
      const bool last = i + 1 == children_.size();
      if (!children_[i].flat_allowed_ || (!last && children_[i].multiline_)) {
        flat_allowed_ = false;
      }
    }
  }
}

SourceNode SourceNode::atom(std::string text) {
  return SourceNode(Kind::Atom, std::move(text), {}, false);
}

SourceNode SourceNode::call(std::string name, std::vector<SourceNode> args) {
  return SourceNode(Kind::Call, std::move(name), std::move(args), false);
}

SourceNode SourceNode::list(std::vector<SourceNode> elements, bool one_per_line) {
  return SourceNode(Kind::List, "", std::move(elements), one_per_line);
}

SourceNode SourceNode::stack(std::vector<std::string> tokens) {
  if (tokens.size() == 1) return atom(std::move(tokens.front()));
  std::vector<SourceNode> children;
  for (std::string& token : tokens) children.push_back(atom(std::move(token)));
  return SourceNode(Kind::Stack, "", std::move(children), false);
}

SourceNode SourceNode::chain(SourceNode base, std::vector<SourceNode> calls) {
  if (calls.empty()) return base;
  calls.insert(calls.begin(), std::move(base));
  return SourceNode(Kind::Chain, "", std::move(calls), false);
}

std::string layout(const SourceNode& node, int column, int indent, const std::string& tail) {
  Output out{"", column};
  emit(out, node, Place{indent, 0, display_width(tail)});
  out.append(tail);
  return out.text;
}

}  // namespace tempest::codegen
