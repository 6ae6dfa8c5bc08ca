#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "codegen/cpp_literal.hpp"
#include "codegen/operation_source.hpp"
#include "codegen/source_layout.hpp"
#include "codegen/source_tree.hpp"
#include "tempest/codegen.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

using codegen::NodeId;
using codegen::SourceTree;

constexpr int kBodyIndent = 2;
constexpr int kElementIndent = kBodyIndent + 4;

bool is_identifier_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Appends `lhs = rhs;` on one line, or with the value on the next when that overflows less.
void write_assignment(std::string& out, const std::string& lhs, const SourceTree& tree,
                      NodeId rhs) {
  const std::string start(kBodyIndent, ' ');
  std::string same_line = start + lhs + " = ";
  const int column = static_cast<int>(same_line.size());
  codegen::layout(same_line, tree, rhs, column, kBodyIndent, ";");
  if (same_line.find('\n') == std::string::npos &&
      codegen::display_width(same_line) > codegen::kColumnLimit) {
    out += start + lhs + " =\n" + std::string(kElementIndent, ' ');
    codegen::layout(out, tree, rhs, kElementIndent, kElementIndent, ";");
  } else {
    out += same_line;
  }
  out += '\n';
}

// Appends `lhs = {...};` with one operation per line, each laid out straight into `out`.
// `tree` holds one operation at a time.
void write_operation_list(std::string& out, const std::string& lhs,
                          const std::vector<Operation>& ops, SourceTree& tree) {
  const std::string start(kBodyIndent, ' ');
  if (ops.empty()) {
    out += start + lhs + " = {};\n";
    return;
  }
  out += start + lhs + " = {\n";
  for (const Operation& op : ops) {
    tree.clear();
    const NodeId source = codegen::operation_source(tree, op);
    out.append(kElementIndent, ' ');
    codegen::layout(out, tree, source, kElementIndent, kElementIndent, ",");
    out += '\n';
  }
  out += start + "};\n";
}

std::string irreversible_down(const std::vector<Operation>& up) {
  std::string out;
  for (std::size_t i = 0; i < up.size(); ++i) {
    const auto* execute = std::get_if<Execute>(&up[i]);
    if (execute != nullptr && !execute->reverse_sql) {
      out += "  // Irreversible: m.up[" + std::to_string(i) +
             "] (execute) has no reverse SQL; give it one to allow downgrades.\n";
    }
  }
  out +=
      "  // An empty m.down with a non-empty m.up marks the migration as irreversible: the runner\n"
      "  // refuses to downgrade past it.\n";
  return out + "  m.down = {};\n";
}

// "// " lines of at most the column limit (in bytes, to be safe), broken at spaces. A line
// never ends in a backslash, which would continue the comment onto the next line.
std::string comment(std::string_view text) {
  constexpr std::size_t kWidth = codegen::kColumnLimit - 3;
  std::string out;
  while (!text.empty()) {
    std::size_t cut = text.size();
    if (cut > kWidth) {
      std::size_t space = text.rfind(' ', kWidth);
      while (space != std::string_view::npos && space > 0 && text[space - 1] == '\\') {
        space = text.rfind(' ', space - 1);
      }
      if (space != std::string_view::npos && space > 0) cut = space;
    }
    out += "// ";
    out += text.substr(0, cut);
    out += '\n';
    text.remove_prefix(cut);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  }
  return out;
}

std::string header(const MigrationSource& source) {
  std::string out = comment("Migration " + codegen::string_literal(source.revision) + ": " +
                            codegen::string_literal(source.label) + ".");
  out +=
      "//\n"
      "// Written by tempest::generate_migration(); edit it like any source file. m.down was\n"
      "// derived from m.up (each operation inverted, in reverse order): edit both if you edit\n"
      "// one. Keep the file named after the revision: tempest_add_migrations() names the\n"
      "// function after the file.\n";
  return out;
}

}  // namespace

std::string migration_function_name(std::string_view revision) {
  std::string name = "tempest_migration_";
  for (char c : revision) name += is_identifier_byte(c) ? c : '_';
  return name;
}

std::string generate_migration(const MigrationSource& source) {
  if (source.revision.empty()) {
    throw MigrationError("generate_migration: the revision id is empty (label " +
                         codegen::string_literal(source.label) + ")");
  }
  std::string out = header(source);
  out += "\n#include <tempest/migration_file.hpp>\n\n";
  out += "tempest::Migration " + migration_function_name(source.revision) + "() {\n";
  out += "  using namespace tempest::build;\n";
  out += "  tempest::Migration m;\n";
  SourceTree tree;
  write_assignment(out, "m.revision", tree, tree.atom(codegen::string_literal(source.revision)));
  const NodeId parents = tree.list(false);
  for (const std::string& parent : source.down_revisions) {
    tree.add(parents, tree.atom(codegen::string_literal(parent)));
  }
  write_assignment(out, "m.down_revisions", tree, parents);
  write_assignment(out, "m.label", tree, tree.stack(codegen::readable_literal(source.label)));
  write_operation_list(out, "m.up", source.operations, tree);
  if (is_reversible(source.operations)) {
    write_operation_list(out, "m.down", invert(source.operations), tree);
  } else {
    out += irreversible_down(source.operations);
  }
  out += "  return m;\n";
  out += "}\n";
  return out;
}

}  // namespace tempest
