#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "ops/schema_editor.hpp"
#include "schema/quoted.hpp"
#include "schema/sql_identifiers.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

// Every case validates everything first and mutates only after, so a failed operation leaves
// the schema untouched without copying it. replay_schema relies on this to stay linear.
//
// Scans over all tables report the offender with the smallest table name, so messages do not
// depend on the editor's mode (an indexed editor keeps tables unsorted until it finishes).

namespace tempest {
namespace {

[[noreturn]] void fail(const std::string& message) { throw ModelError(message); }

std::string in_table(const Table& table) { return "table " + quoted(table.name) + ": "; }

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void rename_in(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  std::replace(names.begin(), names.end(), from, to);
}

// Keeps a canonical (sorted by name) list canonical.
template <typename T>
void insert_sorted(std::vector<T>& items, T item) {
  auto at = std::upper_bound(items.begin(), items.end(), item.name,
                             [](const std::string& name, const T& x) { return name < x.name; });
  items.insert(at, std::move(item));
}

// The named object to drop. Unnamed objects can only be matched as a whole.
template <typename T>
typename std::vector<T>::iterator find_named(std::vector<T>& items, const T& wanted) {
  return std::find_if(items.begin(), items.end(), [&](const T& x) {
    return wanted.name.empty() ? x == wanted : x.name == wanted.name;
  });
}

template <typename T>
void erase_named(Table& table, std::vector<T>& items, const T& wanted, std::string_view kind) {
  auto it = find_named(items, wanted);
  if (it == items.end()) {
    fail(in_table(table) + std::string(kind) + " " + quoted(wanted.name) + " does not exist");
  }
  items.erase(it);
}

Table& require_table(SchemaEditor& editor, const std::string& name) {
  Table* table = editor.table(name);
  if (table == nullptr) fail("table " + quoted(name) + " does not exist");
  return *table;
}

EnumType& require_enum(SchemaEditor& editor, const std::string& name) {
  EnumType* found = editor.enum_type(name);
  if (found == nullptr) fail("enum " + quoted(name) + " does not exist");
  return *found;
}

Column& require_column(Table& table, const std::string& name) {
  Column* column = find_column(table, name);
  if (column == nullptr) fail(in_table(table) + "column " + quoted(name) + " does not exist");
  return *column;
}

void require_no_column(const Table& table, const std::string& name) {
  if (find_column(table, name) != nullptr) {
    fail(in_table(table) + "column " + quoted(name) + " already exists");
  }
}

void require_columns(const Table& table, const std::vector<std::string>& columns,
                     const std::string& owner) {
  for (const std::string& name : columns) {
    if (find_column(table, name) == nullptr) {
      fail(in_table(table) + owner + ": column " + quoted(name) + " does not exist");
    }
  }
}

void require_enum_type(SchemaEditor& editor, const Table& table, const Column& column) {
  if (column.type.kind == TypeKind::Enum && editor.enum_type(column.type.enum_name) == nullptr) {
    fail(in_table(table) + "column " + quoted(column.name) + ": enum " +
         quoted(column.type.enum_name) + " does not exist");
  }
}

// PostgreSQL keeps index names (unique constraints own an index of the same name) and
// constraint names in separate namespaces; a new name must be free in the ones it enters.
void require_free_name(const Table& table, std::string_view kind, const std::string& name,
                       bool index_space, bool constraint_space) {
  if (name.empty()) return;
  auto check = [&](const auto& items, std::string_view other_kind) {
    for (const auto& item : items) {
      if (item.name != name) continue;
      std::string message = in_table(table) + std::string(kind) + " " + quoted(name);
      if (other_kind == kind) fail(message + " already exists");
      fail(message + ": name already used by " + std::string(other_kind) + " " + quoted(name));
    }
  };
  if (index_space) check(table.indexes, "index");
  check(table.uniques, "unique constraint");
  if (constraint_space) {
    check(table.foreign_keys, "foreign key");
    check(table.checks, "check constraint");
  }
}

void validate_index(const Table& table, const Index& index) {
  require_free_name(table, "index", index.name, true, false);
  for (const IndexKey& key : index.keys) {
    if (!key.column.empty() && find_column(table, key.column) == nullptr) {
      fail(in_table(table) + "index " + quoted(index.name) + ": column " + quoted(key.column) +
           " does not exist");
    }
  }
}

void validate_unique(const Table& table, const UniqueConstraint& unique) {
  require_free_name(table, "unique constraint", unique.name, true, true);
  require_columns(table, unique.columns, "unique constraint " + quoted(unique.name));
}

void validate_check(const Table& table, const CheckConstraint& check) {
  require_free_name(table, "check constraint", check.name, false, true);
}

// `table` may not be in `schema` yet (CreateTable), hence the self-reference case first.
void validate_foreign_key(SchemaEditor& editor, const Table& table, const ForeignKey& key) {
  const std::string owner = "foreign key " + quoted(key.name);
  require_free_name(table, "foreign key", key.name, false, true);
  require_columns(table, key.columns, owner);
  const Table* target = key.ref_table == table.name ? &table : editor.table(key.ref_table);
  if (target == nullptr) {
    fail(in_table(table) + owner + ": referenced table " + quoted(key.ref_table) +
         " does not exist");
  }
  for (const std::string& name : key.ref_columns) {
    if (find_column(*target, name) == nullptr) {
      fail(in_table(table) + owner + ": referenced column " + quoted(key.ref_table) + "." +
           quoted(name) + " does not exist");
    }
  }
  if (key.columns.size() != key.ref_columns.size()) {
    fail(in_table(table) + owner + ": " + std::to_string(key.columns.size()) +
         " columns reference " + std::to_string(key.ref_columns.size()));
  }
}

// Builds the table object by object so each one is checked against what precedes it.
Table validated_new_table(SchemaEditor& editor, const Table& source) {
  if (source.name.empty()) fail("create table: the table name is empty");
  if (editor.table(source.name) != nullptr) {
    fail("table " + quoted(source.name) + " already exists");
  }
  Table table = source;
  std::vector<Column> columns = std::exchange(table.columns, {});
  std::vector<Index> indexes = std::exchange(table.indexes, {});
  std::vector<UniqueConstraint> uniques = std::exchange(table.uniques, {});
  std::vector<ForeignKey> foreign_keys = std::exchange(table.foreign_keys, {});
  std::vector<CheckConstraint> checks = std::exchange(table.checks, {});
  table.columns.reserve(columns.size());
  for (Column& column : columns) {
    require_no_column(table, column.name);
    require_enum_type(editor, table, column);
    table.columns.push_back(std::move(column));
  }
  if (table.primary_key) require_columns(table, table.primary_key->columns, "primary key");
  for (Index& index : indexes) {
    validate_index(table, index);
    table.indexes.push_back(std::move(index));
  }
  for (UniqueConstraint& unique : uniques) {
    validate_unique(table, unique);
    table.uniques.push_back(std::move(unique));
  }
  for (CheckConstraint& check : checks) {
    validate_check(table, check);
    table.checks.push_back(std::move(check));
  }
  for (ForeignKey& key : foreign_keys) {
    validate_foreign_key(editor, table, key);
    table.foreign_keys.push_back(std::move(key));
  }
  canonicalize(table);
  return table;
}

// The foreign key of another table than `table` that references it (and, when `column` is
// given, that column), from the table with the smallest name; nullptr if none.
struct Reference {
  const Table* table = nullptr;
  const ForeignKey* key = nullptr;
};

Reference find_reference(const Schema& schema, const Table& table, const std::string* column) {
  Reference found;
  for (const Table& other : schema.tables) {
    if (other.name == table.name || (found.table && found.table->name < other.name)) continue;
    for (const ForeignKey& key : other.foreign_keys) {
      if (key.ref_table == table.name && (!column || contains(key.ref_columns, *column))) {
        found = {&other, &key};
        break;
      }
    }
  }
  return found;
}

void require_unreferenced_table(const Schema& schema, const Table& table) {
  if (const Reference ref = find_reference(schema, table, nullptr); ref.table) {
    fail("table " + quoted(table.name) + " is referenced by foreign key " + quoted(ref.key->name) +
         " of table " + quoted(ref.table->name));
  }
}

// Names the first object that would dangle if `column` went away.
void require_unused_column(const Schema& schema, const Table& table, const std::string& column) {
  const std::string prefix = in_table(table) + "column " + quoted(column) + " is ";
  if (table.primary_key && contains(table.primary_key->columns, column)) {
    fail(prefix + "used by the primary key");
  }
  for (const Index& index : table.indexes) {
    for (const IndexKey& key : index.keys) {
      if (key.column == column) fail(prefix + "used by index " + quoted(index.name));
    }
  }
  for (const UniqueConstraint& unique : table.uniques) {
    if (contains(unique.columns, column)) {
      fail(prefix + "used by unique constraint " + quoted(unique.name));
    }
  }
  for (const ForeignKey& key : table.foreign_keys) {
    if (contains(key.columns, column) ||
        (key.ref_table == table.name && contains(key.ref_columns, column))) {
      fail(prefix + "used by foreign key " + quoted(key.name));
    }
  }
  if (const Reference ref = find_reference(schema, table, &column); ref.table) {
    fail(prefix + "referenced by foreign key " + quoted(ref.key->name) + " of table " +
         quoted(ref.table->name));
  }
}

void require_unused_enum(const Schema& schema, const EnumType& type) {
  const Table* user_table = nullptr;
  const Column* user = nullptr;
  for (const Table& table : schema.tables) {
    if (user_table && user_table->name < table.name) continue;
    for (const Column& column : table.columns) {
      if (column.type.kind == TypeKind::Enum && column.type.enum_name == type.name) {
        user_table = &table;
        user = &column;
        break;
      }
    }
  }
  if (user != nullptr) {
    fail("enum " + quoted(type.name) + " is used by column " + quoted(user->name) + " of table " +
         quoted(user_table->name));
  }
}

void rename_column_everywhere(Schema& schema, Table& table, const std::string& from,
                              const std::string& to) {
  require_column(table, from).name = to;
  // Both engines follow the rename in SQL text: SQLite edits it, PostgreSQL reprints it.
  rename_column_in_expressions(table, from, to);
  if (table.primary_key) rename_in(table.primary_key->columns, from, to);
  for (Index& index : table.indexes) {
    for (IndexKey& key : index.keys) {
      if (key.column == from) key.column = to;
    }
  }
  for (UniqueConstraint& unique : table.uniques) rename_in(unique.columns, from, to);
  for (ForeignKey& key : table.foreign_keys) rename_in(key.columns, from, to);
  for (Table& other : schema.tables) {
    for (ForeignKey& key : other.foreign_keys) {
      if (key.ref_table == table.name) rename_in(key.ref_columns, from, to);
    }
  }
}

// One overload per alternative and no catch-all: a new operation does not compile until it
// says how it changes the IR.
struct Applier {
  SchemaEditor& editor;
  Schema& schema;

  void operator()(const CreateTable& op) const {
    editor.add_table(validated_new_table(editor, op.table));
  }
  void operator()(const DropTable& op) const {
    const Table& table = require_table(editor, op.table.name);
    require_unreferenced_table(schema, table);
    editor.remove_table(table);
  }
  void operator()(const RenameTable& op) const {
    Table& table = require_table(editor, op.from);
    if (editor.table(op.to) != nullptr) fail("table " + quoted(op.to) + " already exists");
    for (Table& any : schema.tables) {
      for (ForeignKey& key : any.foreign_keys) {
        if (key.ref_table == op.from) key.ref_table = op.to;
      }
    }
    rename_table_in_expressions(table, op.from, op.to);
    editor.rename_table(table, op.to);
  }
  void operator()(const AlterTableComment& op) const {
    require_table(editor, op.table).comment = op.to;
  }
  void operator()(const AddColumn& op) const {
    Table& table = require_table(editor, op.table);
    require_no_column(table, op.column.name);
    require_enum_type(editor, table, op.column);
    table.columns.push_back(op.column);
  }
  void operator()(const DropColumn& op) const {
    Table& table = require_table(editor, op.table);
    const Column& column = require_column(table, op.column.name);
    require_unused_column(schema, table, column.name);
    table.columns.erase(table.columns.begin() + (&column - table.columns.data()));
  }
  void operator()(const RenameColumn& op) const {
    Table& table = require_table(editor, op.table);
    require_column(table, op.from);
    require_no_column(table, op.to);
    rename_column_everywhere(schema, table, op.from, op.to);
  }
  void operator()(const AlterColumn& op) const {
    Table& table = require_table(editor, op.table);
    Column& column = require_column(table, op.from->name);
    if (op.to->name != op.from->name) {
      fail(in_table(table) + "alter column " + quoted(op.from->name) + " cannot rename it to " +
           quoted(op.to->name) + "; use rename_column");
    }
    require_enum_type(editor, table, *op.to);
    column = *op.to;
  }
  void operator()(const AlterPrimaryKey& op) const {
    Table& table = require_table(editor, op.table);
    if (op.to) require_columns(table, op.to->columns, "primary key");
    table.primary_key = op.to;
  }
  void operator()(const CreateIndex& op) const {
    Table& table = require_table(editor, op.table);
    validate_index(table, op.index);
    insert_sorted(table.indexes, op.index);
  }
  void operator()(const DropIndex& op) const {
    Table& table = require_table(editor, op.table);
    erase_named(table, table.indexes, op.index, "index");
  }
  void operator()(const AddUnique& op) const {
    Table& table = require_table(editor, op.table);
    validate_unique(table, op.unique);
    insert_sorted(table.uniques, op.unique);
  }
  void operator()(const DropUnique& op) const {
    Table& table = require_table(editor, op.table);
    erase_named(table, table.uniques, op.unique, "unique constraint");
  }
  void operator()(const AddForeignKey& op) const {
    Table& table = require_table(editor, op.table);
    validate_foreign_key(editor, table, op.foreign_key);
    insert_sorted(table.foreign_keys, op.foreign_key);
  }
  void operator()(const DropForeignKey& op) const {
    Table& table = require_table(editor, op.table);
    erase_named(table, table.foreign_keys, op.foreign_key, "foreign key");
  }
  void operator()(const AddCheck& op) const {
    Table& table = require_table(editor, op.table);
    validate_check(table, op.check);
    insert_sorted(table.checks, op.check);
  }
  void operator()(const DropCheck& op) const {
    Table& table = require_table(editor, op.table);
    erase_named(table, table.checks, op.check, "check constraint");
  }
  void operator()(const CreateEnum& op) const {
    const EnumType& type = op.enum_type;
    if (editor.enum_type(type.name) != nullptr) {
      fail("enum " + quoted(type.name) + " already exists");
    }
    for (auto it = type.labels.begin(); it != type.labels.end(); ++it) {
      if (std::find(type.labels.begin(), it, *it) != it) {
        fail("enum " + quoted(type.name) + ": label " + quoted(*it) + " is declared twice");
      }
    }
    editor.add_enum(type);
  }
  void operator()(const DropEnum& op) const {
    const EnumType& type = require_enum(editor, op.enum_type.name);
    require_unused_enum(schema, type);
    editor.remove_enum(type);
  }
  void operator()(const AddEnumValue& op) const {
    EnumType& type = require_enum(editor, op.enum_name);
    if (contains(type.labels, op.label)) {
      fail("enum " + quoted(type.name) + ": label " + quoted(op.label) + " already exists");
    }
    if (op.position > type.labels.size()) {
      fail("enum " + quoted(type.name) + ": position " + std::to_string(op.position) +
           " is past the end (" + std::to_string(type.labels.size()) + " labels)");
    }
    type.labels.insert(type.labels.begin() + static_cast<std::ptrdiff_t>(op.position), op.label);
  }
  void operator()(const DropEnumValue& op) const {
    EnumType& type = require_enum(editor, op.enum_name);
    if (op.position >= type.labels.size()) {
      fail("enum " + quoted(type.name) + ": no label at position " + std::to_string(op.position) +
           " (" + std::to_string(type.labels.size()) + " labels)");
    }
    if (type.labels[op.position] != op.label) {
      fail("enum " + quoted(type.name) + ": label at position " + std::to_string(op.position) +
           " is " + quoted(type.labels[op.position]) + ", not " + quoted(op.label));
    }
    type.labels.erase(type.labels.begin() + static_cast<std::ptrdiff_t>(op.position));
  }
  void operator()(const Execute&) const {}
};

}  // namespace

void apply_operation(SchemaEditor& editor, const Operation& op) {
  std::visit(Applier{editor, editor.schema()}, op);
}

void apply(Schema& schema, const Operation& op) {
  SchemaEditor editor(schema, SchemaEditor::Mode::Canonical);
  apply_operation(editor, op);
}

void apply(Schema& schema, const std::vector<Operation>& ops) {
  Schema result = schema;
  SchemaEditor editor(result, SchemaEditor::Mode::Canonical);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    try {
      apply_operation(editor, ops[i]);
    } catch (const ModelError& e) {
      throw ModelError("operation " + std::to_string(i) + " (" +
                       std::string(operation_name(ops[i])) + "): " + e.what());
    }
  }
  schema = std::move(result);
}

}  // namespace tempest
