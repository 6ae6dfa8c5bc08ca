#include "codegen/source_layout.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>

namespace tempest::codegen {

namespace {

// Where text is laid out, with what the choice between two layouts looks at. Candidate
// layouts are only measured (no text); the chosen one is then laid out again into the text,
// so that no text is built only to be thrown away or copied from one level to the next.
struct Output {
  std::string* text = nullptr;  // null while measuring
  int column = 0;
  int lines = 0;     // line breaks
  int overflow = 0;  // columns past the limit, summed over finished lines
  // Line breaks weighted by bracket depth: as with clang-format's penalties, breaking deep
  // inside nested calls costs more than breaking early.
  int penalty = 0;

  [[nodiscard]] static Output measuring(int column) { return Output{nullptr, column}; }

  [[nodiscard]] bool writing() const { return text != nullptr; }

  // Punctuation: ASCII without line breaks, one column a byte.
  void append_ascii(std::string_view piece) {
    const int width = static_cast<int>(piece.size());
    append(piece, TextExtent{width, width, 0});
  }

  void append(std::string_view piece, const TextExtent& extent) {
    advance(extent);
    if (text != nullptr) text->append(piece);
  }

  // A call's `name(`, as one piece of the given extent.
  void append_open(std::string_view name, const TextExtent& extent) {
    advance(extent);
    if (text != nullptr) {
      text->append(name);
      *text += '(';
    }
  }

  // The flat text of `node`, as one piece.
  void append_flat(const SourceTree& tree, NodeId node) {
    advance(tree.flat_extent(node));
    if (text != nullptr) tree.write_flat(node, *text);
  }

  // A multi-line piece (a raw string literal): its inner lines are what they are; only the
  // first and last count.
  void advance(const TextExtent& piece) {
    column += piece.first;
    if (piece.breaks == 0) return;
    end_line();
    lines += piece.breaks;
    column = piece.last;
  }

  void new_line(int indent, int depth, int extra_penalty = 0) {
    end_line();
    if (text != nullptr) {
      *text += '\n';
      text->append(static_cast<std::size_t>(indent), ' ');
    }
    ++lines;
    penalty += 1 + depth + extra_penalty;
    column = indent;
  }

  void end_line() {
    if (column > kColumnLimit) overflow += column - kColumnLimit;
  }

  // A measured layout that started where this one stands.
  void append(const Output& measured) {
    column = measured.column;
    lines += measured.lines;
    overflow += measured.overflow;
    penalty += measured.penalty;
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

// Lays out whichever of two candidates costs less once `tail` columns follow (ties go to
// `first`): both are measured from where `out` stands, and the chosen one is laid out into
// `out` when it is being written. Returns whether `first` was chosen.
template <class First, class Second>
bool lay_better(Output& out, int tail, const First& first, const Second& second) {
  Output first_try = Output::measuring(out.column);
  first(first_try);
  Output second_try = Output::measuring(out.column);
  second(second_try);
  const bool take_first = !(second_try.cost(tail) < first_try.cost(tail));
  if (!out.writing()) {
    out.append(take_first ? first_try : second_try);
  } else if (take_first) {
    first(out);
  } else {
    second(out);
  }
  return take_first;
}

// The layout of the nodes of one tree.
class Layout {
 public:
  explicit Layout(const SourceTree& tree) : tree_(tree) {}

  void emit(Output& out, NodeId node, Place place) const {
    if (fits_flat(node, out.column, place.tail)) {
      out.append_flat(tree_, node);
    } else {
      emit_broken(out, node, place);
    }
  }

 private:
  [[nodiscard]] bool fits_flat(NodeId node, int column, int tail) const {
    if (!tree_.flat_allowed(node)) return false;
    const TextExtent& flat = tree_.flat_extent(node);
    if (flat.breaks == 0) return column + flat.first + tail <= kColumnLimit;
    return column + flat.first <= kColumnLimit && flat.last + tail <= kColumnLimit;
  }

  // A list of columns or operations gets one line per element as soon as what holds it is
  // laid out on several lines, unless it has a single element.
  [[nodiscard]] bool keeps_own_lines(NodeId node) const {
    return tree_.kind(node) == NodeKind::List && tree_.one_per_line(node) &&
           tree_.child_count(node) > 1;
  }

  void emit_broken(Output& out, NodeId node, Place place) const {
    switch (tree_.kind(node)) {
      case NodeKind::Atom:
        out.append(tree_.text(node), tree_.flat_extent(node));
        return;
      case NodeKind::Call:
        emit_call(out, node, place);
        return;
      case NodeKind::List:
        emit_list(out, node, place);
        return;
      case NodeKind::Chain:
        emit_chain(out, node, place);
        return;
      case NodeKind::Stack:
        emit_stack(out, node, place);
        return;
    }
  }

  // The children of `parent` after its opening bracket, each followed by "," and the last by
  // `closing` (a bracket): as many per line as fit, continuation lines starting at `align`. `depth`
  // counts the brackets around them.
  void pack(Output& out, NodeId parent, int align, int depth, std::string_view closing,
            int tail) const {
    bool first = true;
    bool previous_broken = false;
    for (NodeId item : tree_.children(parent)) {
      const bool last = tree_.next_sibling(item) == kNoNode;
      const Place place{align, depth, last ? static_cast<int>(closing.size()) + tail : 1};
      const bool own_lines = keeps_own_lines(item);
      auto lay = [&](Output& to) {
        if (own_lines) {
          emit_broken(to, item, place);
        } else {
          emit(to, item, place);
        }
      };
      auto next_line = [&](Output& to) {
        to.new_line(align, depth);
        lay(to);
      };
      auto same_line = [&](Output& to) {
        to.append_ascii(" ");
        lay(to);
      };
      // As with clang-format, a packed list or a call may also start on the current line and
      // break inside; so may a method chain when it is the last item. A list of one element
      // per line starts a line of its own.
      const NodeKind kind = tree_.kind(item);
      const bool may_stay = kind == NodeKind::Call ||
                            (kind == NodeKind::List && !tree_.one_per_line(item)) ||
                            (kind == NodeKind::Chain && last);
      const int lines_before = out.lines;
      int leading_breaks = 0;
      if (first) {
        lay(out);
      } else if (!own_lines && !previous_broken && fits_flat(item, out.column + 1, place.tail)) {
        out.append_ascii(" ");
        out.append_flat(tree_, item);
      } else if (previous_broken || !may_stay) {
        next_line(out);
        leading_breaks = 1;
      } else if (kind == NodeKind::List) {
        // Ties go to a packed list staying on the line...
        leading_breaks = lay_better(out, place.tail, same_line, next_line) ? 0 : 1;
      } else {
        // ...and to a call or a chain starting a new one.
        leading_breaks = lay_better(out, place.tail, next_line, same_line) ? 1 : 0;
      }
      previous_broken = out.lines - lines_before > leading_breaks;
      out.append_ascii(last ? closing : std::string_view(","));
      first = false;
    }
  }

  void emit_call(Output& out, NodeId node, Place place) const {
    if (tree_.child_count(node) == 0) {
      out.append_flat(tree_, node);
      return;
    }
    // Clang-format's two choices: arguments aligned after the parenthesis, or on the next
    // line with a continuation indent.
    const int depth = place.depth + 1;
    auto aligned = [&](Output& to) {
      to.append_open(tree_.text(node), tree_.head_extent(node));
      pack(to, node, to.column, depth, ")", place.tail);
    };
    auto broken = [&](Output& to) {
      to.append_open(tree_.text(node), tree_.head_extent(node));
      to.new_line(place.indent + 4, depth);
      pack(to, node, place.indent + 4, depth, ")", place.tail);
    };
    lay_better(out, place.tail, aligned, broken);
  }

  void emit_list(Output& out, NodeId node, Place place) const {
    if (tree_.child_count(node) == 0) {
      out.append_ascii("{}");
      return;
    }
    const int depth = place.depth + 1;
    out.append_ascii("{");
    if (!tree_.one_per_line(node)) {
      pack(out, node, out.column, depth, "}", place.tail);
      return;
    }
    for (NodeId element : tree_.children(node)) {
      out.new_line(place.indent + 4, depth);
      emit(out, element, Place{place.indent + 4, depth, 1});
      out.append_ascii(",");
    }
    out.new_line(place.indent, depth);
    out.append_ascii("}");
  }

  void emit_chain(Output& out, NodeId node, Place place) const {
    const int calls_indent = out.column + 4;
    const NodeId base = tree_.first_child(node);
    emit(out, base, Place{place.indent, place.depth, 0});
    for (NodeId part = tree_.next_sibling(base); part != kNoNode; part = tree_.next_sibling(part)) {
      out.new_line(calls_indent, place.depth, kChainBreakPenalty);
      const bool last = tree_.next_sibling(part) == kNoNode;
      emit(out, part, Place{calls_indent, place.depth, last ? place.tail : 0});
    }
  }

  void emit_stack(Output& out, NodeId node, Place place) const {
    const int align = out.column;
    bool first = true;
    for (NodeId token : tree_.children(node)) {
      if (!first) out.new_line(align, place.depth);
      out.append(tree_.text(token), tree_.flat_extent(token));
      first = false;
    }
  }

  const SourceTree& tree_;
};

}  // namespace

void layout(std::string& out, const SourceTree& tree, NodeId node, int column, int indent,
            std::string_view tail) {
  Output writer{&out, column};
  Layout(tree).emit(writer, node, Place{indent, 0, display_width(tail)});
  writer.append(tail, TextExtent::of(tail));
}

}  // namespace tempest::codegen
