#pragma once

// PostgreSQL reprints expressions (pg_get_expr, pg_get_indexdef) in its own spelling: outer
// parentheses, explicit casts on constants. These functions undo the spellings that can be
// undone without changing the meaning, on the introspected text and on the user's text alike,
// so that both compare equal.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/schema.hpp"

namespace tempest::postgres {

// `sql` without outer parentheses, without "::text" after a string constant ('x'::text -> 'x')
// and without integer or numeric casts on number constants ((0)::numeric -> 0,
// '-1'::integer -> -1) and without the text relabelling of `varchar_columns` ((email)::text ->
// email). Other casts and inner parentheses stay: "(a)::text = ANY (...)" is not the user's
// "a IN (...)" and cannot be turned back into it; nor is a text cast followed by another cast
// ("('now'::text)::date" is evaluated at insert time, "'now'::date" when the default is set).
[[nodiscard]] std::string clean_expression(std::string_view sql,
                                           const std::vector<std::string>& varchar_columns = {});

// The names of the varchar columns of `table`, for clean_expression.
[[nodiscard]] std::vector<std::string> varchar_columns(const Table& table);

// True for an SQL number constant: optional minus, digits, optional fraction and exponent.
[[nodiscard]] bool is_number(std::string_view s);

// A column default as pg_get_expr prints it, read back into the IR.
struct ReadDefault {
  std::optional<ColumnDefault> value;
  bool serial = false;  // nextval(...): the column is a serial, reported as an identity
};
[[nodiscard]] ReadDefault read_default(std::string_view pg_text);

// The default in the form read_default gives for what PostgreSQL stores when `value` is
// rendered for a column of `type`: constants become literals in PostgreSQL's output form
// (007 -> 7, 't' -> true, upper-case UUIDs lower-cased), expressions are cleaned.
[[nodiscard]] std::optional<ColumnDefault> stored_default(const ColumnType& type,
                                                          std::optional<ColumnDefault> value);

}  // namespace tempest::postgres
