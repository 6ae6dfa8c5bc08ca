#pragma once

// A small code layout engine for the expressions generate_migration() writes: calls, method
// chains and braced lists of literals. It follows clang-format's Google style closely enough
// that the generated files read as formatted code: everything on one line when it fits in 100
// columns, otherwise arguments packed after the open parenthesis or moved to the next line,
// chained calls one per line, and lists of columns or operations one element per line with a
// trailing comma.

#include <string>
#include <string_view>
#include <vector>

namespace tempest::codegen {

inline constexpr int kColumnLimit = 100;

// Columns `text` takes on screen: UTF-8 continuation bytes take none.
[[nodiscard]] int display_width(std::string_view text);

class SourceNode {
 public:
  enum class Kind { Atom, Call, List, Chain, Stack };

  // A token written as it is: a literal or a name. It may span lines (a raw string literal).
  [[nodiscard]] static SourceNode atom(std::string text);
  // name(args...); for a chained call, name starts with '.'.
  [[nodiscard]] static SourceNode call(std::string name, std::vector<SourceNode> args);
  // {elements...}; `one_per_line`: when it does not fit on one line, one element per line
  // with a trailing comma (columns, operations) rather than packed (names, labels).
  [[nodiscard]] static SourceNode list(std::vector<SourceNode> elements, bool one_per_line);
  // Tokens one under the other, aligned on the first (adjacent string literals that make up
  // one multi-line string); never on one line. Returns an atom for a single token.
  [[nodiscard]] static SourceNode stack(std::vector<std::string> tokens);
  // base.call1(...).call2(...); returns `base` itself when `calls` is empty.
  [[nodiscard]] static SourceNode chain(SourceNode base, std::vector<SourceNode> calls);

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] const std::vector<SourceNode>& children() const { return children_; }
  [[nodiscard]] bool one_per_line() const { return one_per_line_; }
  // The whole node on one line (or as few as its multi-line atoms allow).
  [[nodiscard]] const std::string& flat() const { return flat_; }
  [[nodiscard]] bool multiline() const { return multiline_; }
  // Whether flat() may be written as it is: the node holds no stack, and a multi-line atom
  // in it is followed by nothing but closing brackets (clang-format breaks before an
  // argument that follows one).
  [[nodiscard]] bool flat_allowed() const { return flat_allowed_; }

 private:
  SourceNode(Kind kind, std::string text, std::vector<SourceNode> children, bool one_per_line);

  Kind kind_;
  std::string text_;
  std::vector<SourceNode> children_;
  bool one_per_line_ = false;
  std::string flat_;
  bool multiline_ = false;
  bool flat_allowed_ = true;
};

// `node` laid out as if it started at `column` of a line indented by `indent`, followed on
// its last line by `tail` (",", ");"...), which is appended. Lines after the first carry
// their own indentation; the text has no trailing newline.
[[nodiscard]] std::string layout(const SourceNode& node, int column, int indent,
                                 const std::string& tail);

}  // namespace tempest::codegen
