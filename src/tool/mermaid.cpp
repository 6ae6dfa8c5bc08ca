#include "tool/mermaid.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tempest::tool {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_plain_identifier(std::string_view name) {
  return !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
         std::all_of(name.begin(), name.end(), is_word_char);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whole words the (case-insensitive) erDiagram lexer reads as keywords outside a quoted name.
bool is_diagram_keyword(std::string_view name) {
  static const std::set<std::string, std::less<>> kKeywords = {
      "erdiagram", "style", "classdef", "class",      "subgraph",  "end",   "one",      "many",
      "only",      "zero",  "to",       "optionally", "direction", "title", "acctitle", "accdescr"};
  return kKeywords.contains(lower(name));
}

// The entity names of the tables, each unique: quoted when Mermaid needs it.
std::map<std::string, std::string> entity_names(const Schema& schema) {
  std::map<std::string, std::string> names;
  std::set<std::string> taken;  // as Mermaid reads them: without quotes
  auto entity = [&](const std::string& table) {
    std::string text = table;
    const bool quoted = !is_plain_identifier(text) || is_diagram_keyword(text);
    for (char& c : text) {
      if (c == '"' || c == '%' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';
    }
    std::string unique = text;
    for (int n = 2; taken.contains(unique); ++n) unique = text + "_" + std::to_string(n);
    taken.insert(unique);
    names[table] = quoted ? "\"" + unique + "\"" : unique;
  };
  for (const Table& table : schema.tables) entity(table.name);
  for (const Table& table : schema.tables) {
    for (const ForeignKey& key : table.foreign_keys) {
      if (!names.contains(key.ref_table)) entity(key.ref_table);  // a table the schema lacks
    }
  }
  return names;
}

// An attribute word: `allowed` characters kept, others `_`; never starting with a digit and
// never the key markers PK/FK/UK, which the lexer would take for markers.
std::string attribute_word(std::string_view text, bool (*allowed)(char)) {
  std::string out;
  for (char c : text) out += allowed(c) ? c : '_';
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
  const std::string folded = lower(out);
  if (folded == "pk" || folded == "fk" || folded == "uk") out += '_';
  return out;
}

bool name_char(char c) { return is_word_char(c); }

bool type_char(char c) { return is_word_char(c) || c == '(' || c == ')' || c == '[' || c == ']'; }

std::string comment_text(std::string text) {
  for (char& c : text) {
    if (c == '"') c = '\'';
    if (c == '\n' || c == '\r') c = ' ';
  }
  return "\"" + text + "\"";
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// UK only for a key of its own: a unique constraint or a full unique index on the column
// alone (a column in a composite or partial unique key may repeat).
bool is_unique_column(const Table& table, const std::string& column) {
  for (const UniqueConstraint& unique : table.uniques) {
    if (unique.columns == std::vector<std::string>{column}) return true;
  }
  for (const Index& index : table.indexes) {
    if (index.unique && index.where.empty() && index.keys.size() == 1 &&
        index.keys[0].column == column) {
      return true;
    }
  }
  return false;
}

std::string keys(const Table& table, const Column& column) {
  std::vector<std::string> markers;
  if (table.primary_key && contains(table.primary_key->columns, column.name)) {
    markers.push_back("PK");
  }
  for (const ForeignKey& key : table.foreign_keys) {
    if (contains(key.columns, column.name)) {
      markers.push_back("FK");
      break;
    }
  }
  if (is_unique_column(table, column.name)) markers.push_back("UK");
  std::string out;
  for (const std::string& marker : markers) out += (out.empty() ? " " : ", ") + marker;
  return out;
}

void write_entity(const Table& table, const std::string& entity, std::ostream& out) {
  out << "    " << entity << " {\n";
  for (const Column& column : table.columns) {
    const std::string attribute = attribute_word(column.name, name_char);
    out << "        " << attribute_word(type_to_string(column.type), type_char) << ' ' << attribute
        << keys(table, column);
    if (attribute != column.name) {
      out << ' ' << comment_text(column.name);
    } else if (!column.comment.empty()) {
      out << ' ' << comment_text(column.comment);
    }
    out << '\n';
  }
  out << "    }\n";
}

bool has_nullable_column(const Table& table, const ForeignKey& key) {
  return std::any_of(key.columns.begin(), key.columns.end(), [&](const std::string& name) {
    const Column* column = find_column(table, name);
    return column != nullptr && column->nullable;
  });
}

}  // namespace

void write_mermaid(const Schema& schema, std::ostream& out) {
  const std::map<std::string, std::string> entities = entity_names(schema);
  out << "erDiagram\n";
  for (const Table& table : schema.tables) write_entity(table, entities.at(table.name), out);
  for (const Table& table : schema.tables) {
    for (const ForeignKey& key : table.foreign_keys) {
      out << "    " << entities.at(table.name)
          << (has_nullable_column(table, key) ? " }o--o| " : " }o--|| ")
          << entities.at(key.ref_table) << " : " << comment_text(key.name) << '\n';
    }
  }
}

}  // namespace tempest::tool
