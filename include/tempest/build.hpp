#pragma once

// The typed operations API that migration files are written in, by generate_migration() or by
// hand. Every function returns plain IR (tempest::Operation, Column, Table...); the builders
// only exist so that optional parts read as named calls:
//
//   using namespace tempest::build;
//   std::vector<tempest::Operation> up = {
//       create_table(
//           table("posts",
//                 {
//                     column("id", bigint()).identity(),
//                     column("user_id", bigint()),
//                     column("title", varchar(200)),
//                     column("body", text()).nullable(),
//                 })
//               .primary_key("pk_posts", {"id"})
//               .foreign_key(foreign_key("fk_posts_user_id_users", {"user_id"}, "users", {"id"})
//                                .on_delete(cascade))
//               .index(index("ix_posts_title", {"title", desc("id")}))),
//       add_column("posts", column("published", boolean()).default_literal("false")),
//       execute("UPDATE posts SET published = true", "UPDATE posts SET published = false"),
//   };
//
// Builders convert implicitly to the IR type they build. Nothing here checks names against a
// schema: apply() does, when the migration is replayed or run.

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::build {

// Column types. Each returns the ColumnType parse_type() gives for its canonical spelling
// (type_to_string), `raw` included: varchar(255) is parse_type("varchar(255)") field for
// field. Arguments are not checked: varchar(0) is a Varchar of length 0.
[[nodiscard]] ColumnType smallint();
[[nodiscard]] ColumnType integer();
[[nodiscard]] ColumnType bigint();
[[nodiscard]] ColumnType boolean();
[[nodiscard]] ColumnType real();
[[nodiscard]] ColumnType double_precision();
[[nodiscard]] ColumnType numeric();
[[nodiscard]] ColumnType numeric(int precision);
[[nodiscard]] ColumnType numeric(int precision, int scale);
[[nodiscard]] ColumnType text();
[[nodiscard]] ColumnType varchar(int length);
[[nodiscard]] ColumnType bytes();
[[nodiscard]] ColumnType date();
[[nodiscard]] ColumnType time();
[[nodiscard]] ColumnType time(int precision);
[[nodiscard]] ColumnType timestamp();
[[nodiscard]] ColumnType timestamp(int precision);
[[nodiscard]] ColumnType timestamptz();
[[nodiscard]] ColumnType timestamptz(int precision);
[[nodiscard]] ColumnType uuid();
[[nodiscard]] ColumnType json();
// The enum type named `name` (a Schema::enums entry); `raw` is the name.
[[nodiscard]] ColumnType enum_of(std::string name);
// Any other type, kept as spelled (TypeKind::Custom even when it names a known type).
[[nodiscard]] ColumnType custom(std::string spelling);

// Foreign key actions and deferrability, as named constants.
inline constexpr ForeignKeyAction no_action = ForeignKeyAction::NoAction;
inline constexpr ForeignKeyAction restrict = ForeignKeyAction::Restrict;
inline constexpr ForeignKeyAction cascade = ForeignKeyAction::Cascade;
inline constexpr ForeignKeyAction set_null = ForeignKeyAction::SetNull;
inline constexpr ForeignKeyAction set_default = ForeignKeyAction::SetDefault;
inline constexpr Deferrable not_deferrable = Deferrable::No;
inline constexpr Deferrable initially_immediate = Deferrable::InitiallyImmediate;
inline constexpr Deferrable initially_deferred = Deferrable::InitiallyDeferred;

// "No primary key", for alter_primary_key.
inline constexpr std::nullopt_t no_primary_key = std::nullopt;

// A column: NOT NULL, no default, no identity, no comment until told otherwise.
class ColumnBuilder {
 public:
  ColumnBuilder(std::string name, ColumnType type);

  // Each setter has an rvalue form, so that a chain on a temporary builder moves what it built
  // into the Column (or Table, Index...) instead of copying it.
  ColumnBuilder& nullable() &;
  ColumnBuilder& default_literal(std::string value) &;   // a constant, unquoted: "0", "it's"
  ColumnBuilder& default_sql(std::string expression) &;  // verbatim SQL: "CURRENT_TIMESTAMP"
  ColumnBuilder& identity() &;                           // Identity::ByDefault
  ColumnBuilder& identity_always() &;                    // Identity::Always
  ColumnBuilder& autoincrement() &;                      // Identity::Autoincrement
  ColumnBuilder& comment(std::string text) &;
  ColumnBuilder& renamed_from(std::string old_name) &;  // rename hint, see Column

  ColumnBuilder&& nullable() && { return std::move(nullable()); }
  ColumnBuilder&& default_literal(std::string value) && {
    return std::move(default_literal(std::move(value)));
  }
  ColumnBuilder&& default_sql(std::string expression) && {
    return std::move(default_sql(std::move(expression)));
  }
  ColumnBuilder&& identity() && { return std::move(identity()); }
  ColumnBuilder&& identity_always() && { return std::move(identity_always()); }
  ColumnBuilder&& autoincrement() && { return std::move(autoincrement()); }
  ColumnBuilder&& comment(std::string text) && { return std::move(comment(std::move(text))); }
  ColumnBuilder&& renamed_from(std::string old_name) && {
    return std::move(renamed_from(std::move(old_name)));
  }

  operator Column() const& { return column_; }
  operator Column() && { return std::move(column_); }

 private:
  Column column_;
};

[[nodiscard]] ColumnBuilder column(std::string name, ColumnType type);

// One key of an index: a column name ("title"), desc("title"), expr("lower(title)") or
// desc(expr("lower(title)")).
class IndexKeyBuilder {
 public:
  IndexKeyBuilder(const char* column);
  IndexKeyBuilder(std::string column);
  explicit IndexKeyBuilder(IndexKey key) : key_(std::move(key)) {}

  operator IndexKey() const& { return key_; }
  operator IndexKey() && { return std::move(key_); }

 private:
  IndexKey key_;
};

[[nodiscard]] IndexKeyBuilder desc(IndexKeyBuilder key);
[[nodiscard]] IndexKeyBuilder expr(std::string expression);

class IndexBuilder {
 public:
  IndexBuilder(std::string name, std::vector<IndexKeyBuilder> keys);
  // The braced form, index("ix", {"a", desc("b")}): the keys are copied once, not twice.
  IndexBuilder(std::string name, std::initializer_list<IndexKeyBuilder> keys);

  IndexBuilder& unique() &;
  IndexBuilder& where(std::string predicate) &;  // a partial index

  IndexBuilder&& unique() && { return std::move(unique()); }
  IndexBuilder&& where(std::string predicate) && { return std::move(where(std::move(predicate))); }

  operator Index() const& { return index_; }
  operator Index() && { return std::move(index_); }

 private:
  Index index_;
};

// (With no keys, write std::vector<IndexKeyBuilder>{}: index("ix", {}) picks POSIX
// index(const char*, int) from <strings.h>.)
[[nodiscard]] IndexBuilder index(std::string name, std::vector<IndexKeyBuilder> keys);
[[nodiscard]] IndexBuilder index(std::string name, std::initializer_list<IndexKeyBuilder> keys);

// A foreign key: NO ACTION on delete and update, not deferrable until told otherwise.
class ForeignKeyBuilder {
 public:
  ForeignKeyBuilder(std::string name, std::vector<std::string> columns, std::string ref_table,
                    std::vector<std::string> ref_columns);

  ForeignKeyBuilder& on_delete(ForeignKeyAction action) &;
  ForeignKeyBuilder& on_update(ForeignKeyAction action) &;
  ForeignKeyBuilder& deferrable(Deferrable deferrable) &;

  ForeignKeyBuilder&& on_delete(ForeignKeyAction action) && { return std::move(on_delete(action)); }
  ForeignKeyBuilder&& on_update(ForeignKeyAction action) && { return std::move(on_update(action)); }
  ForeignKeyBuilder&& deferrable(Deferrable deferrable) && {
    return std::move(this->deferrable(deferrable));
  }

  operator ForeignKey() const& { return foreign_key_; }
  operator ForeignKey() && { return std::move(foreign_key_); }

 private:
  ForeignKey foreign_key_;
};

[[nodiscard]] ForeignKeyBuilder foreign_key(std::string name, std::vector<std::string> columns,
                                            std::string ref_table,
                                            std::vector<std::string> ref_columns);
[[nodiscard]] PrimaryKey primary_key(std::string name, std::vector<std::string> columns);
[[nodiscard]] UniqueConstraint unique(std::string name, std::vector<std::string> columns);
[[nodiscard]] CheckConstraint check(std::string name, std::string expression);

// A table. Constraints and indexes may be given in any order: the conversion to Table
// canonicalizes (see schema.hpp), so equal declarations give equal tables.
class TableBuilder {
 public:
  TableBuilder(std::string name, std::vector<Column> columns);

  TableBuilder& primary_key(std::string name, std::vector<std::string> columns) &;
  TableBuilder& unique(std::string name, std::vector<std::string> columns) &;
  TableBuilder& check(std::string name, std::string expression) &;
  TableBuilder& foreign_key(ForeignKey foreign_key) &;
  TableBuilder& index(Index index) &;
  TableBuilder& comment(std::string text) &;
  TableBuilder& renamed_from(std::string old_name) &;  // rename hint, see Table

  TableBuilder&& primary_key(std::string name, std::vector<std::string> columns) && {
    return std::move(primary_key(std::move(name), std::move(columns)));
  }
  TableBuilder&& unique(std::string name, std::vector<std::string> columns) && {
    return std::move(unique(std::move(name), std::move(columns)));
  }
  TableBuilder&& check(std::string name, std::string expression) && {
    return std::move(check(std::move(name), std::move(expression)));
  }
  TableBuilder&& foreign_key(ForeignKey foreign_key) && {
    return std::move(this->foreign_key(std::move(foreign_key)));
  }
  TableBuilder&& index(Index index) && { return std::move(this->index(std::move(index))); }
  TableBuilder&& comment(std::string text) && { return std::move(comment(std::move(text))); }
  TableBuilder&& renamed_from(std::string old_name) && {
    return std::move(renamed_from(std::move(old_name)));
  }

  operator Table() const&;
  operator Table() &&;

 private:
  Table table_;
};

[[nodiscard]] TableBuilder table(std::string name, std::vector<Column> columns);

// Operations, one per alternative of tempest::Operation. Those that remove something take the
// whole object, so that the operation can be inverted (see operations.hpp).
[[nodiscard]] Operation create_table(Table table);
[[nodiscard]] Operation drop_table(Table table);
[[nodiscard]] Operation rename_table(std::string from, std::string to);
[[nodiscard]] Operation alter_table_comment(std::string table, std::string from, std::string to);
[[nodiscard]] Operation add_column(std::string table, Column column);
[[nodiscard]] Operation drop_column(std::string table, Column column);
[[nodiscard]] Operation rename_column(std::string table, std::string from, std::string to);
[[nodiscard]] Operation alter_column(std::string table, Column from, Column to);
[[nodiscard]] Operation alter_primary_key(std::string table, std::optional<PrimaryKey> from,
                                          std::optional<PrimaryKey> to);
[[nodiscard]] Operation create_index(std::string table, Index index);
[[nodiscard]] Operation drop_index(std::string table, Index index);
[[nodiscard]] Operation add_unique(std::string table, UniqueConstraint unique);
[[nodiscard]] Operation drop_unique(std::string table, UniqueConstraint unique);
[[nodiscard]] Operation add_foreign_key(std::string table, ForeignKey foreign_key);
[[nodiscard]] Operation drop_foreign_key(std::string table, ForeignKey foreign_key);
[[nodiscard]] Operation add_check(std::string table, CheckConstraint check);
[[nodiscard]] Operation drop_check(std::string table, CheckConstraint check);
[[nodiscard]] Operation create_enum(std::string name, std::vector<std::string> labels);
[[nodiscard]] Operation drop_enum(std::string name, std::vector<std::string> labels);
// Inserts `label` at `position` (0-based) of the enum's labels; see AddEnumValue.
[[nodiscard]] Operation add_enum_value(std::string enum_name, std::string label,
                                       std::size_t position);
[[nodiscard]] Operation drop_enum_value(std::string enum_name, std::string label,
                                        std::size_t position);
// Hand-written SQL. Without `reverse_sql` the migration holding it cannot be downgraded.
[[nodiscard]] Operation execute(std::string sql);
[[nodiscard]] Operation execute(std::string sql, std::string reverse_sql);

}  // namespace tempest::build
