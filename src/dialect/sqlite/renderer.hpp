#pragma once

// The SQLite statements for single objects, the pieces the planner and the table rebuild are
// made of. Every identifier goes through quote_ident and every string through quote_literal;
// columns are spelled by column_spelling.hpp so that normalize_sqlite can predict what SQLite
// reports back (docs/sqlite-dialect.md).

#include <string>
#include <string_view>

#include "tempest/schema.hpp"

namespace tempest::sqlite {

// `"name" type [NOT NULL] [CONSTRAINT "pk" PRIMARY KEY [AUTOINCREMENT]] [DEFAULT ...]`. A
// rowid alias carries the table's primary key inline. Throws UnsupportedError naming the
// table and column for an identity column that is not the table's only primary key column.
[[nodiscard]] std::string column_definition(const Table& table, const Column& column);

// CREATE TABLE `created_name` with the columns and constraints of `table` (primary key unless
// inline, uniques, checks, the CHECK of every enum column, foreign keys). Constraint names
// and the enum checks are those of `table` whatever `created_name` is, so that a rebuild's
// new table ends up exactly as `table` once renamed. `schema` supplies the enum labels;
// throws ModelError naming the column when an enum is missing from it.
[[nodiscard]] std::string create_table_sql(const Schema& schema, const Table& table,
                                           std::string_view created_name);

// CREATE [UNIQUE] INDEX "name" ON "table" ("col" [DESC], (expr) [DESC]) [WHERE predicate].
[[nodiscard]] std::string create_index_sql(std::string_view table, const Index& index);
[[nodiscard]] std::string drop_index_sql(const Index& index);
[[nodiscard]] std::string drop_table_sql(std::string_view table);
[[nodiscard]] std::string rename_table_sql(std::string_view from, std::string_view to);
[[nodiscard]] std::string rename_column_sql(std::string_view table, std::string_view from,
                                            std::string_view to);
// ALTER TABLE ADD COLUMN; an enum column carries its CHECK as a column constraint.
[[nodiscard]] std::string add_column_sql(const Schema& schema, const Table& table,
                                         const Column& column);
[[nodiscard]] std::string drop_column_sql(std::string_view table, std::string_view column);

// True when ALTER TABLE ADD COLUMN can add `column` (https://sqlite.org/lang_altertable.html
// #altertabaddcol): not an identity (it would need PRIMARY KEY), a constant default (SQLite
// refuses any parenthesised expression, CURRENT_TIMESTAMP included), and NOT NULL only with
// a default.
[[nodiscard]] bool can_add_column(const Column& column);

// True when ALTER TABLE DROP COLUMN can drop `column` of `table`: SQLite refuses a column
// that is in the primary key, a unique constraint or an index, that a CHECK, a partial index
// or a foreign key (of this table or another) uses (https://sqlite.org/lang_altertable.html
// #altertabdropcol). An enum column has a table CHECK, so it is refused too. Names found in
// expressions are matched as text, case-insensitively: a false hit costs a rebuild, never
// data.
[[nodiscard]] bool can_drop_column(const Schema& schema, const Table& table,
                                   const std::string& column);

}  // namespace tempest::sqlite
