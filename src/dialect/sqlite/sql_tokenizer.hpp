#pragma once

// A tokenizer for the SQL text SQLite keeps in sqlite_schema, enough to find the parts of
// CREATE TABLE / CREATE INDEX statements that the pragmas do not report (constraint names,
// CHECK expressions, deferrability, expression index keys). It follows SQLite's lexical rules
// (https://sqlite.org/lang_keywords.html, https://sqlite.org/lang_comment.html): identifiers
// quoted with "", ``, or [], string literals with '' escapes, -- and /* */ comments.

#include <string>
#include <string_view>
#include <vector>

namespace tempest::sqlite_sql {

enum class TokenKind {
  Word,        // bare identifier or keyword
  QuotedName,  // "x", `x` or [x]
  String,      // 'x'
  Number,
  Punct,  // any other single character
};

struct Token {
  TokenKind kind = TokenKind::Punct;
  std::size_t begin = 0;  // byte offsets of the token in the source text
  std::size_t end = 0;
  std::string value;  // Word: as written; QuotedName and String: unquoted and unescaped
};

// The tokens of `sql`, white space and comments skipped. Never throws: an unterminated quote
// or comment runs to the end of the text.
[[nodiscard]] std::vector<Token> tokenize(std::string_view sql);

// True when `token` is the bare word `keyword` (given in upper case), in any case.
[[nodiscard]] bool is_keyword(const Token& token, std::string_view keyword);

// True when `a` and `b` name the same object: SQLite compares identifiers with ASCII letters
// case-insensitive and every other byte exact (https://sqlite.org/lang_keywords.html).
[[nodiscard]] bool same_name(std::string_view a, std::string_view b);

// True when `token` is the punctuation character `c`.
[[nodiscard]] bool is_punct(const Token& token, char c);

// True when `token` can name an object: a word, a quoted name, or a string literal (SQLite
// accepts 'x' where a name is expected, for compatibility).
[[nodiscard]] bool is_name(const Token& token);

// The index of the ')' matching the '(' at tokens[open], or tokens.size() if unbalanced.
[[nodiscard]] std::size_t matching_paren(const std::vector<Token>& tokens, std::size_t open);

}  // namespace tempest::sqlite_sql
