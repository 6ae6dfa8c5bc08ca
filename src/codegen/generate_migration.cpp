#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "codegen/cpp_literal.hpp"
#include "codegen/operation_source.hpp"
#include "codegen/source_layout.hpp"
#include "tempest/codegen.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

using codegen::SourceNode;

constexpr int kBodyIndent = 2;
constexpr int kElementIndent = kBodyIndent + 4;

bool is_identifier_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `lhs = rhs;` on one line, or with the value on the next when that overflows less.
std::string assignment(const std::string& lhs, const SourceNode& rhs) {
  const std::string start(kBodyIndent, ' ');
  const std::string prefix = start + lhs + " = ";
  const int column = static_cast<int>(prefix.size());
  std::string same_line = prefix + codegen::layout(rhs, column, kBodyIndent, ";");
  if (same_line.find('\n') == std::string::npos &&
      codegen::display_width(same_line) > codegen::kColumnLimit) {
    return start + lhs + " =\n" + std::string(kElementIndent, ' ') +
           codegen::layout(rhs, kElementIndent, kElementIndent, ";") + "\n";
  }
  return same_line + "\n";
}

std::string operation_list(const std::string& lhs, const std::vector<Operation>& ops) {
  const std::string start(kBodyIndent, ' ');
  if (ops.empty()) return start + lhs + " = {};\n";
  std::string out = start + lhs + " = {\n";
  for (const Operation& op : ops) {
    out += std::string(kElementIndent, ' ');
    out += codegen::layout(codegen::operation_source(op), kElementIndent, kElementIndent, ",");
    out += '\n';
  }
  return out + start + "};\n";
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
  std::vector<SourceNode> parents;
  for (const std::string& parent : source.down_revisions) {
    parents.push_back(SourceNode::atom(codegen::string_literal(parent)));
  }

  std::string out = header(source);
  out += "\n#include <tempest/migration_file.hpp>\n\n";
  out += "tempest::Migration " + migration_function_name(source.revision) + "() {\n";
  out += "  using namespace tempest::build;\n";
  out += "  tempest::Migration m;\n";
  out += assignment("m.revision", SourceNode::atom(codegen::string_literal(source.revision)));
  out += assignment("m.down_revisions", SourceNode::list(std::move(parents), false));
  out += assignment("m.label", SourceNode::stack(codegen::readable_literal(source.label)));
  out += operation_list("m.up", source.operations);
  if (is_reversible(source.operations)) {
    out += operation_list("m.down", invert(source.operations));
  } else {
    out += irreversible_down(source.operations);
  }
  out += "  return m;\n";
  out += "}\n";
  return out;
}

}  // namespace tempest
