#include "migrate/render_scope.hpp"

#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <variant>
#include <vector>

namespace tempest {

namespace {

using Names = std::unordered_set<std::string_view>;

void add_targets(Names& names, const Table& table) {
  names.insert(table.name);
  for (const ForeignKey& key : table.foreign_keys) names.insert(key.ref_table);
}

// The tables an operation names; false for an enum change (every table may be concerned).
struct Namer {
  Names& names;

  bool operator()(const CreateTable& op) const { return add(op.table); }
  bool operator()(const DropTable& op) const { return add(op.table); }
  bool operator()(const RenameTable& op) const {
    names.insert(op.from);
    names.insert(op.to);
    return true;
  }
  bool operator()(const AddForeignKey& op) const {
    names.insert(op.table);
    names.insert(op.foreign_key.ref_table);
    return true;
  }
  bool operator()(const DropForeignKey& op) const {
    names.insert(op.table);
    names.insert(op.foreign_key.ref_table);
    return true;
  }
  bool operator()(const CreateEnum&) const { return false; }
  bool operator()(const DropEnum&) const { return false; }
  bool operator()(const AddEnumValue&) const { return false; }
  bool operator()(const DropEnumValue&) const { return false; }
  bool operator()(const Execute&) const { return true; }  // reads no schema
  // Every other operation works on the one table it names.
  template <class Op>
  requires requires(const Op& op) { op.table.size(); }
  bool operator()(const Op& op) const {
    names.insert(op.table);
    return true;
  }

 private:
  bool add(const Table& table) const {
    add_targets(names, table);
    return true;
  }
};

bool references_any(const Table& table, const Names& names) {
  for (const ForeignKey& key : table.foreign_keys) {
    if (names.contains(key.ref_table)) return true;
  }
  return false;
}

}  // namespace

std::optional<Schema> render_scope(const Schema& schema, const std::vector<Operation>& ops) {
  Names named;
  for (const Operation& op : ops) {
    if (!std::visit(Namer{named}, op)) return std::nullopt;
  }
  // Their foreign key targets in the schema, then every table pointing at one of them.
  Names linked = named;
  for (std::string_view name : named) {
    if (const Table* table = find_table(schema, name)) add_targets(linked, *table);
  }
  Schema scope;
  scope.enums = schema.enums;
  for (const Table& table : schema.tables) {  // canonical order is kept
    if (linked.contains(table.name) || references_any(table, named)) scope.tables.push_back(table);
  }
  return scope;
}

}  // namespace tempest
