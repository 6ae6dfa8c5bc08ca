#pragma once

// Text-level helpers for comparing SQL snippets that engines echo back in their own spelling
// (PostgreSQL's pg_get_expr adds casts and parentheses, SQLite keeps the user's text).

#include <string>
#include <string_view>

namespace tempest {

// `sql` without surrounding white space.
[[nodiscard]] std::string_view trim_sql_space(std::string_view sql);

// The end of the quoted token starting at sql[start] (a '...' string or "..." identifier), a
// doubled quote being part of the token; sql.size() when unterminated.
[[nodiscard]] std::size_t quoted_token_end(std::string_view sql, std::size_t start);

// `sql` with surrounding white space and redundant outer parentheses removed:
// "( (a + b) )" -> "a + b", "(a) + (b)" unchanged.
[[nodiscard]] std::string_view strip_outer_parens(std::string_view sql);

// A constant as written in SQL, after removing parentheses, trailing "::type" casts and one
// level of single quotes: "('it''s'::text)" -> {"it's", quoted}, "(-1)" -> {"-1", unquoted}.
// A cast to a date/time type of an already cast value is evaluated at insert time, so it is
// not stripped: "('now'::text)::date" -> {"('now'::text)::date", unquoted}. Anything that is
// not a constant comes back unquoted, outer parentheses removed ("now()" -> {"now()"}).
struct SqlConstant {
  std::string text;
  bool quoted = false;
};
[[nodiscard]] SqlConstant strip_constant(std::string_view sql);

// A comparison key for an SQL expression: lower case outside quoted strings and quoted
// identifiers, redundant outer parentheses removed, white space dropped except one space
// between two words ("NOW ( )" -> "now()", "a  IS NOT null" -> "a is not null"), and quotes
// dropped from identifiers that do not need them ("title" -> title, "Title" kept).
[[nodiscard]] std::string normalize_sql_expression(std::string_view sql);

}  // namespace tempest
