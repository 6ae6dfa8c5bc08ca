#pragma once

// How a column is spelled in SQLite DDL and how SQLite reports it back. The renderer writes
// columns with these functions and normalize_sqlite simulates them, which is what makes
// normalize(S) == introspect(database made from S) hold. Decisions: docs/sqlite-dialect.md.

#include <optional>
#include <string>
#include <string_view>

#include "tempest/schema.hpp"

namespace tempest {

// True when `column` is an identity column and the only column of the table's primary key:
// the one case SQLite can express, as a rowid alias (INTEGER PRIMARY KEY,
// https://sqlite.org/lang_createtable.html#rowid).
[[nodiscard]] bool is_rowid_alias(const Table& table, const Column& column);

// The declared type to write: "INTEGER" for a rowid alias, "int" for other Int32 columns (so
// that no plain integer key becomes a rowid alias by accident), "blob" for Bytes, "text" for
// enums, type_to_string() otherwise.
[[nodiscard]] std::string sqlite_type_sql(const Table& table, const Column& column);

// The text to write after DEFAULT, or nullopt for no default clause: an expression in
// parentheses, a bool as TRUE/FALSE, a number bare on a numeric column, anything else as a
// quoted string literal. Throws ModelError (via quote_literal) for a NUL byte.
[[nodiscard]] std::optional<std::string> sqlite_default_sql(const Column& column);

// The default SQLite reports (pragma_table_xinfo.dflt_value, nullopt for SQL NULL) for a
// column of type `type`, as the IR holds it: NULL -> none; a quoted string -> its text;
// a number -> Literal verbatim ("1"/"0" -> "true"/"false" on a Bool column); TRUE/FALSE ->
// Literal "true"/"false"; anything else -> Expression, verbatim.
[[nodiscard]] std::optional<ColumnDefault> classify_sqlite_default(
    const std::optional<std::string>& reported, const ColumnType& type);

// The CHECK that stands for an enum column in SQLite:
//   CONSTRAINT "ck_<table>_<column>_enum" CHECK ("column" IN ('a', 'b'))
[[nodiscard]] CheckConstraint sqlite_enum_check(std::string_view table, const Column& column,
                                                const EnumType& enum_type);

}  // namespace tempest
