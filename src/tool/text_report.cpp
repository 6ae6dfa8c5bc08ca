#include "tool/text_report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "tempest/dialect.hpp"

namespace tempest::tool {

namespace {

bool is_plain_identifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string name(std::string_view text) {
  return is_plain_identifier(text) ? std::string(text) : quote_ident(text);
}

// A constraint's name and a space, or nothing for an unnamed one.
std::string label(std::string_view text) { return text.empty() ? "" : name(text) + " "; }

std::string names(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + name(item);
  return "(" + out + ")";
}

// Width on a terminal: UTF-8 continuation bytes take no column.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t used = display_width(text);
  return text + std::string(width > used ? width - used : 0, ' ');
}

bool is_number_or_bool(TypeKind kind) {
  switch (kind) {
    case TypeKind::Int16:
    case TypeKind::Int32:
    case TypeKind::Int64:
    case TypeKind::Bool:
    case TypeKind::Float32:
    case TypeKind::Float64:
    case TypeKind::Numeric:
      return true;
    default:
      return false;
  }
}

// Literals as SQL spells them (numbers and booleans bare), expressions verbatim.
std::string default_text(const Column& column) {
  const ColumnDefault& value = *column.default_value;
  if (value.kind == DefaultKind::Expression || is_number_or_bool(column.type.kind)) {
    return value.value;
  }
  return quote_literal(value.value);
}

std::string column_extras(const Column& column) {
  std::vector<std::string> extras;
  if (column.default_value) extras.push_back("default " + default_text(column));
  switch (column.identity) {
    case Identity::None:
      break;
    case Identity::ByDefault:
      extras.push_back("identity");
      break;
    case Identity::Always:
      extras.push_back("identity always");
      break;
    case Identity::Autoincrement:
      extras.push_back("autoincrement");
      break;
  }
  if (!column.comment.empty()) extras.push_back("comment " + quote_literal(column.comment));
  std::string out;
  for (const std::string& extra : extras) out += "  " + extra;
  return out;
}

void write_line(std::ostream& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

void write_columns(const Table& table, std::ostream& out) {
  std::size_t name_width = 0;
  std::size_t type_width = 0;
  for (const Column& column : table.columns) {
    name_width = std::max(name_width, display_width(name(column.name)));
    type_width = std::max(type_width, display_width(type_to_string(column.type)));
  }
  out << "  columns:\n";
  for (const Column& column : table.columns) {
    write_line(out, "    " + padded(name(column.name), name_width) + "  " +
                        padded(type_to_string(column.type), type_width) + "  " +
                        padded(column.nullable ? "null" : "not null", 8) + column_extras(column));
  }
}

std::string key_list(const std::vector<IndexKey>& keys) {
  std::string out;
  for (const IndexKey& key : keys) {
    std::string part = key.column.empty() ? "(" + key.expression + ")" : name(key.column);
    if (key.descending) part += " desc";
    out += (out.empty() ? "" : ", ") + part;
  }
  return "(" + out + ")";
}

std::string action_text(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::NoAction:
      return "no action";
    case ForeignKeyAction::Restrict:
      return "restrict";
    case ForeignKeyAction::Cascade:
      return "cascade";
    case ForeignKeyAction::SetNull:
      return "set null";
    case ForeignKeyAction::SetDefault:
      return "set default";
  }
  return "no action";
}

std::string foreign_key_text(const ForeignKey& key) {
  std::string out = label(key.name) + names(key.columns) + " -> " + name(key.ref_table) + " " +
                    names(key.ref_columns);
  if (key.on_delete != ForeignKeyAction::NoAction)
    out += " on delete " + action_text(key.on_delete);
  if (key.on_update != ForeignKeyAction::NoAction)
    out += " on update " + action_text(key.on_update);
  if (key.deferrable == Deferrable::InitiallyImmediate) out += " deferrable";
  if (key.deferrable == Deferrable::InitiallyDeferred) out += " deferrable initially deferred";
  return out;
}

// "  title:" and one indented line per item; nothing for no items.
void write_section(std::ostream& out, std::string_view title,
                   const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  out << "  " << title << ":\n";
  for (const std::string& line : lines) write_line(out, "    " + line);
}

void write_table(const Table& table, std::ostream& out) {
  out << "table " << name(table.name) << '\n';
  if (!table.comment.empty()) out << "  comment: " << quote_literal(table.comment) << '\n';
  write_columns(table, out);
  if (table.primary_key) {
    out << "  primary key: " << label(table.primary_key->name) << names(table.primary_key->columns)
        << '\n';
  }
  std::vector<std::string> lines;
  for (const UniqueConstraint& unique : table.uniques) {
    lines.push_back(label(unique.name) + names(unique.columns));
  }
  write_section(out, "unique constraints", lines);
  lines.clear();
  for (const Index& index : table.indexes) {
    lines.push_back(label(index.name) + (index.unique ? "unique " : "") + key_list(index.keys) +
                    (index.where.empty() ? "" : " where " + index.where));
  }
  write_section(out, "indexes", lines);
  lines.clear();
  for (const ForeignKey& key : table.foreign_keys) lines.push_back(foreign_key_text(key));
  write_section(out, "foreign keys", lines);
  lines.clear();
  for (const CheckConstraint& check : table.checks) {
    lines.push_back(label(check.name) + "(" + check.expression + ")");
  }
  write_section(out, "checks", lines);
}

}  // namespace

void write_text_report(const Schema& schema, std::ostream& out) {
  bool first = true;
  for (const EnumType& enum_type : schema.enums) {
    std::string labels;
    for (const std::string& label : enum_type.labels) {
      labels += (labels.empty() ? "" : ", ") + quote_literal(label);
    }
    out << "enum " << name(enum_type.name) << " (" << labels << ")\n";
    first = false;
  }
  for (const Table& table : schema.tables) {
    if (!first) out << '\n';
    write_table(table, out);
    first = false;
  }
}

}  // namespace tempest::tool
