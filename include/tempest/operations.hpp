#pragma once

// Typed schema operations. Each one carries the state its inverse needs (DropColumn holds the
// whole column, AlterColumn the old and the new column, DropTable the whole table), so the
// down() of a migration is always derived with invert(). SQL is produced from these only by a
// dialect renderer.

#include <concepts>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "tempest/indirect.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// Creates `table` with its columns, primary key, uniques, checks, indexes and foreign keys.
// (Foreign keys that close a dependency cycle are left out by diff_schema and added later
// with AddForeignKey.)
struct CreateTable {
  Table table;
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};

struct DropTable {
  Table table;  // the whole table as it was, for the inverse
  friend bool operator==(const DropTable&, const DropTable&) = default;
};

struct RenameTable {
  std::string from;
  std::string to;
  friend bool operator==(const RenameTable&, const RenameTable&) = default;
};

// Changes the table comment; `from` is the old comment, for the inverse.
struct AlterTableComment {
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const AlterTableComment&, const AlterTableComment&) = default;
};

struct AddColumn {
  std::string table;
  Column column;
  friend bool operator==(const AddColumn&, const AddColumn&) = default;
};

struct DropColumn {
  std::string table;
  Column column;  // the whole column as it was, for the inverse
  friend bool operator==(const DropColumn&, const DropColumn&) = default;
};

struct RenameColumn {
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameColumn&, const RenameColumn&) = default;
};

// Changes type, nullability, default, identity or comment of one column. `from` and `to`
// have the same name. Held indirectly: two whole Columns would make every Operation as large.
struct AlterColumn {
  std::string table;
  Indirect<Column> from;
  Indirect<Column> to;
  friend bool operator==(const AlterColumn&, const AlterColumn&) = default;
};

// Sets, replaces or removes the primary key (nullopt: none).
struct AlterPrimaryKey {
  std::string table;
  std::optional<PrimaryKey> from;
  std::optional<PrimaryKey> to;
  friend bool operator==(const AlterPrimaryKey&, const AlterPrimaryKey&) = default;
};

struct CreateIndex {
  std::string table;
  Index index;
  friend bool operator==(const CreateIndex&, const CreateIndex&) = default;
};

struct DropIndex {
  std::string table;
  Index index;
  friend bool operator==(const DropIndex&, const DropIndex&) = default;
};

struct AddUnique {
  std::string table;
  UniqueConstraint unique;
  friend bool operator==(const AddUnique&, const AddUnique&) = default;
};

struct DropUnique {
  std::string table;
  UniqueConstraint unique;
  friend bool operator==(const DropUnique&, const DropUnique&) = default;
};

struct AddForeignKey {
  std::string table;
  ForeignKey foreign_key;
  friend bool operator==(const AddForeignKey&, const AddForeignKey&) = default;
};

struct DropForeignKey {
  std::string table;
  ForeignKey foreign_key;
  friend bool operator==(const DropForeignKey&, const DropForeignKey&) = default;
};

struct AddCheck {
  std::string table;
  CheckConstraint check;
  friend bool operator==(const AddCheck&, const AddCheck&) = default;
};

struct DropCheck {
  std::string table;
  CheckConstraint check;
  friend bool operator==(const DropCheck&, const DropCheck&) = default;
};

struct CreateEnum {
  EnumType enum_type;
  friend bool operator==(const CreateEnum&, const CreateEnum&) = default;
};

struct DropEnum {
  EnumType enum_type;  // with its labels, for the inverse
  friend bool operator==(const DropEnum&, const DropEnum&) = default;
};

// Inserts `label` at `position` (0-based) of the enum's labels. Appending is position ==
// labels.size(); PostgreSQL renders that without rewriting any table.
struct AddEnumValue {
  std::string enum_name;
  std::string label;
  std::size_t position = 0;
  friend bool operator==(const AddEnumValue&, const AddEnumValue&) = default;
};

// Removes the label at `position`; the inverse of AddEnumValue.
struct DropEnumValue {
  std::string enum_name;
  std::string label;
  std::size_t position = 0;
  friend bool operator==(const DropEnumValue&, const DropEnumValue&) = default;
};

// Hand-written SQL, for data steps. Without `reverse_sql` the operation, and so the
// migration holding it, cannot be inverted. It does not change the schema IR.
struct Execute {
  std::string sql;
  std::optional<std::string> reverse_sql;
  friend bool operator==(const Execute&, const Execute&) = default;
};

using Operation =
    std::variant<CreateTable, DropTable, RenameTable, AlterTableComment, AddColumn, DropColumn,
                 RenameColumn, AlterColumn, AlterPrimaryKey, CreateIndex, DropIndex, AddUnique,
                 DropUnique, AddForeignKey, DropForeignKey, AddCheck, DropCheck, CreateEnum,
                 DropEnum, AddEnumValue, DropEnumValue, Execute>;

// The operation that undoes `op`. Throws MigrationError for an Execute without reverse_sql.
[[nodiscard]] Operation invert(const Operation& op);

// The operations that undo `ops`: each inverted, in reverse order. Throws MigrationError
// naming the first irreversible operation.
[[nodiscard]] std::vector<Operation> invert(const std::vector<Operation>& ops);

// True when every operation can be inverted.
[[nodiscard]] bool is_reversible(const std::vector<Operation>& ops);

// Applies `op` to the IR, keeping it canonical. Throws ModelError naming the table, column or
// object when the operation does not fit the schema (unknown table, duplicate column...);
// `schema` is then unchanged.
void apply(Schema& schema, const Operation& op);

// Applies every operation in order. On error `schema` is left unchanged.
void apply(Schema& schema, const std::vector<Operation>& ops);

// Operation and std::vector<Operation> are std:: types, so an unqualified apply(schema, ops)
// also finds std::apply(F&&, Tuple&&) by argument-dependent lookup, and for a non-const
// argument it would beat the const& overloads above (and then fail to compile deep inside
// <tuple>). This overload is more specialised than std::apply and forwards to them.
template <class T>
  requires std::same_as<std::remove_cvref_t<T>, Operation> ||
           std::same_as<std::remove_cvref_t<T>, std::vector<Operation>>
void apply(Schema& schema, T&& ops) {
  apply(schema, std::as_const(ops));
}

// One line for people: "add column posts.published (bool NOT NULL DEFAULT false)".
[[nodiscard]] std::string describe(const Operation& op);

// The snake_case name of the operation kind: "create_table", "add_column"...
[[nodiscard]] std::string_view operation_name(const Operation& op);

}  // namespace tempest
