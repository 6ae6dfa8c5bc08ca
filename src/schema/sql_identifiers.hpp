#pragma once

// Renaming inside SQL text. The IR keeps check expressions, index expression keys and
// partial-index predicates as text; when a column or table is renamed, both engines rewrite
// that text (SQLite's ALTER TABLE ... RENAME edits the stored CREATE statements, PostgreSQL
// stores parsed expressions and prints the new name), so apply() and the differ must too.
// One tokenizer serves both, so they agree on what counts as a reference.

#include <string>
#include <string_view>

#include "tempest/schema.hpp"

namespace tempest {

// `name` as an identifier in SQL: bare when it is a lower-case word ([a-z_][a-z0-9_]*) that
// neither engine reads as a keyword, else double-quoted with embedded quotes doubled. This is
// PostgreSQL's quote_ident choice, and SQLite keeps a bare new name bare in the text it
// rewrites, so a renderer that spells the new name of a rename this way gets back the text
// rename_identifier computes.
[[nodiscard]] std::string sql_identifier(std::string_view name);

// `sql` with each reference to column `from` of table `table` renamed to `to`. A reference is
// an identifier token: bare, matching `from` case-insensitively in ASCII (as both engines
// resolve column names in practice), or double-quoted (also `...` and [...]) matching it
// exactly; unqualified or qualified by `table` (same matching). Not references: text inside
// string literals and comments, function names (followed by "("), qualifiers (followed by
// "."), type names (after "::", AS, COLLATE, or before a string literal as in DATE '...'),
// the words of "with time zone" / "AT TIME ZONE", and EXTRACT's field. A bare reference
// becomes sql_identifier(to), a quoted one "to" quoted; the rest of the text is untouched.
[[nodiscard]] std::string rename_identifier(std::string_view sql, std::string_view table,
                                            std::string_view from, std::string_view to);

// `sql` with each qualifier naming table `from` ("from"."col", from.col) renamed to `to`,
// always double-quoted, as SQLite (3.26+) writes it in RENAME TO. Unqualified text is untouched.
[[nodiscard]] std::string rename_qualifier(std::string_view sql, std::string_view from,
                                           std::string_view to);

// RENAME COLUMN applied to the SQL text of `table` (named as it is when the rename runs):
// check expressions, index expression keys and partial-index predicates.
void rename_column_in_expressions(Table& table, std::string_view from, std::string_view to);

// RENAME TABLE applied to the same texts of the renamed table: qualifiers `from.` become `to.`.
void rename_table_in_expressions(Table& table, std::string_view from, std::string_view to);

}  // namespace tempest
