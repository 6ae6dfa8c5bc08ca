#include "schema/sql_identifiers.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace tempest {

namespace {

// Words that must be quoted to be read as identifiers: PostgreSQL 15's reserved, column-name
// and type/function-name keywords (the ones quote_ident quotes, from pg_get_keywords()), plus
// the SQLite keywords that have no fallback to an identifier (parse.y %fallback ID).
// Space-separated, with a space at both ends.
constexpr std::string_view kKeywords =
    " add all alter analyse analyze and any array as asc asymmetric authorization "
    "autoincrement between bigint binary bit boolean both case cast char character check "
    "coalesce collate collation column commit concurrently constraint create cross "
    "current_catalog current_date current_role current_schema current_time current_timestamp "
    "current_user dec decimal default deferrable delete desc distinct do drop else end "
    "escape except exists extract false fetch filter float for foreign freeze from full glob "
    "grant greatest group grouping having ilike in index indexed initially inner inout "
    "insert int integer intersect interval into is isnull join lateral leading least left "
    "like limit localtime localtimestamp national natural nchar none normalize not nothing "
    "notnull null nullif numeric offset on only or order out outer over overlaps overlay "
    "placing position precision primary real references regexp returning right row select "
    "session_user set setof similar smallint some substring symmetric table tablesample then "
    "time timestamp to trailing transaction treat trim true union unique update user using "
    "values varchar variadic verbose when where window with xmlattributes xmlconcat "
    "xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize "
    "xmltable ";

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_word(char c) { return is_word_start(c) || is_digit(c) || c == '$'; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool ascii_iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::string quoted(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

enum class Kind { Word, Quoted, String, Number, Cast, Punct, Skip };  // Skip: space, comment

struct Token {
  Kind kind;
  std::size_t begin;
  std::size_t end;
};

// The end of the token opened at s[at] and closed by `close`, where a doubled `close` is part
// of the token (except in SQLite's [...]); s.size() when unterminated.
std::size_t delimited_end(std::string_view s, std::size_t at, char close) {
  std::size_t i = at + 1;
  while (i < s.size()) {
    if (s[i] != close) {
      ++i;
    } else if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
      i += 2;
    } else {
      return i + 1;
    }
  }
  return s.size();
}

// PostgreSQL dollar quoting: $$...$$ or $tag$...$tag$; nullopt when s[at] opens none.
std::optional<std::size_t> dollar_end(std::string_view s, std::size_t at) {
  std::size_t i = at + 1;
  while (i < s.size() && is_word(s[i]) && s[i] != '$') ++i;
  if (i >= s.size() || s[i] != '$' || (i > at + 1 && is_digit(s[at + 1]))) return std::nullopt;
  const std::string_view tag = s.substr(at, i + 1 - at);
  const std::size_t close = s.find(tag, i + 1);
  return close == std::string_view::npos ? s.size() : close + tag.size();
}

std::size_t number_end(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    const char c = s[i];
    if (is_word(c) || c == '.' ||
        ((c == '+' || c == '-') && i > 0 && (s[i - 1] == 'e' || s[i - 1] == 'E'))) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

Token next_token(std::string_view s, std::size_t i) {
  const char c = s[i];
  const char next = i + 1 < s.size() ? s[i + 1] : '\0';
  if (is_space(c)) {
    std::size_t end = i;
    while (end < s.size() && is_space(s[end])) ++end;
    return {Kind::Skip, i, end};
  }
  if (c == '-' && next == '-') {
    const std::size_t end = s.find('\n', i);
    return {Kind::Skip, i, end == std::string_view::npos ? s.size() : end};
  }
  if (c == '/' && next == '*') {
    const std::size_t end = s.find("*/", i + 2);
    return {Kind::Skip, i, end == std::string_view::npos ? s.size() : end + 2};
  }
  if (c == '\'') return {Kind::String, i, delimited_end(s, i, '\'')};
  if (c == '"' || c == '`') return {Kind::Quoted, i, delimited_end(s, i, c)};
  if (c == '[') return {Kind::Quoted, i, delimited_end(s, i, ']')};
  if (c == '$') {
    if (auto end = dollar_end(s, i)) return {Kind::String, i, *end};
    return {Kind::Number, i, number_end(s, i + 1)};  // a $1 parameter
  }
  if (is_digit(c) || (c == '.' && is_digit(next))) return {Kind::Number, i, number_end(s, i)};
  if (is_word_start(c)) {
    std::size_t end = i;
    while (end < s.size() && is_word(s[end])) ++end;
    // X'ab', E'\n', B'101', N'x': a prefix of the string literal, not an identifier.
    if (end < s.size() && s[end] == '\'') return {Kind::String, i, delimited_end(s, end, '\'')};
    return {Kind::Word, i, end};
  }
  if (c == ':' && next == ':') return {Kind::Cast, i, i + 2};
  return {Kind::Punct, i, i + 1};
}

// The tokens of `sql` that matter to the grammar: white space and comments are dropped.
std::vector<Token> tokenize(std::string_view sql) {
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < sql.size();) {
    Token token = next_token(sql, i);
    if (token.kind != Kind::Skip) tokens.push_back(token);
    i = token.end;
  }
  return tokens;
}

class Tokens {
 public:
  explicit Tokens(std::string_view sql) : sql_(sql), tokens_(tokenize(sql)) {}

  [[nodiscard]] std::size_t size() const { return tokens_.size(); }
  [[nodiscard]] const Token& operator[](std::size_t i) const { return tokens_[i]; }
  [[nodiscard]] std::string_view text(std::size_t i) const {
    return sql_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  // Out-of-range positions (before the first, after the last token) are nothing.
  [[nodiscard]] bool is(std::size_t i, Kind kind) const {
    return i < tokens_.size() && tokens_[i].kind == kind;
  }
  [[nodiscard]] bool is_punct(std::size_t i, char c) const {
    return is(i, Kind::Punct) && sql_[tokens_[i].begin] == c;
  }
  [[nodiscard]] bool is_keyword(std::size_t i, std::string_view word) const {
    return is(i, Kind::Word) && ascii_iequal(text(i), word);
  }
  [[nodiscard]] bool is_identifier(std::size_t i) const {
    return is(i, Kind::Word) || is(i, Kind::Quoted);
  }
  // True when token i is an identifier naming `name`: bare case-insensitively, quoted exactly.
  [[nodiscard]] bool names(std::size_t i, std::string_view name) const {
    if (is(i, Kind::Word)) return ascii_iequal(text(i), name);
    if (!is(i, Kind::Quoted)) return false;
    std::string_view inner = text(i).substr(1);
    if (!inner.empty()) inner.remove_suffix(1);
    const char close = text(i).back();
    std::string unescaped;
    for (std::size_t k = 0; k < inner.size(); ++k) {
      unescaped += inner[k];
      if (inner[k] == close && close != ']') ++k;
    }
    return unescaped == name;
  }

 private:
  std::string_view sql_;
  std::vector<Token> tokens_;
};

// Where token i is read as something other than a column: a type name, a keyword of a type
// or of AT TIME ZONE, or EXTRACT's field. Called for identifiers only.
bool is_not_a_column(const Tokens& t, std::size_t i) {
  const std::size_t prev = i - 1;  // wraps past the first token: is() then says false
  if (t.is_punct(i + 1, '(') || t.is_punct(i + 1, '.')) return true;    // call, qualifier
  if (t.is(i, Kind::Word) && t.is(i + 1, Kind::String)) return true;    // DATE '2020-01-01'
  if (t.is(prev, Kind::Cast) || t.is(prev, Kind::String)) return true;  // x::date, '1' day
  for (std::string_view word : {"as", "collate", "with", "without", "at"}) {
    if (t.is_keyword(prev, word)) return true;
  }
  return t.is_punct(prev, '(') && t.is_keyword(prev - 1, "extract");
}

// Rewrites `sql`, replacing token i by replacement(i) wherever that gives a value.
template <class Replacement>
std::string rewrite(std::string_view sql, const Tokens& tokens, Replacement replacement) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::optional<std::string> text = replacement(i);
    if (!text) continue;
    out.append(sql.substr(copied, tokens[i].begin - copied));
    out += *text;
    copied = tokens[i].end;
  }
  if (copied == 0) return std::string(sql);
  out.append(sql.substr(copied));
  return out;
}

// Calls f on each non-empty SQL text of `table` that can name its columns.
template <class F>
void for_each_sql(Table& table, F f) {
  auto visit = [&](std::string& sql) {
    if (!sql.empty()) f(sql);
  };
  for (CheckConstraint& check : table.checks) visit(check.expression);
  for (Index& index : table.indexes) {
    for (IndexKey& key : index.keys) visit(key.expression);
    visit(index.where);
  }
}

}  // namespace

std::string sql_identifier(std::string_view name) {
  const bool plain =
      !name.empty() && !is_digit(name.front()) && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
      });
  if (plain && kKeywords.find(" " + std::string(name) + " ") == std::string_view::npos) {
    return std::string(name);
  }
  return quoted(name);
}

std::string rename_identifier(std::string_view sql, std::string_view table, std::string_view from,
                              std::string_view to) {
  const Tokens tokens(sql);
  return rewrite(sql, tokens, [&](std::size_t i) -> std::optional<std::string> {
    if (!tokens.names(i, from) || is_not_a_column(tokens, i)) return std::nullopt;
    if (tokens.is_punct(i - 1, '.') && !tokens.names(i - 2, table)) return std::nullopt;
    return tokens.is(i, Kind::Quoted) ? quoted(to) : sql_identifier(to);
  });
}

std::string rename_qualifier(std::string_view sql, std::string_view from, std::string_view to) {
  const Tokens tokens(sql);
  return rewrite(sql, tokens, [&](std::size_t i) -> std::optional<std::string> {
    // from.column, where the column is the last part of the name and not a function.
    if (!tokens.names(i, from) || !tokens.is_punct(i + 1, '.') || !tokens.is_identifier(i + 2) ||
        tokens.is_punct(i + 3, '.') || tokens.is_punct(i + 3, '(')) {
      return std::nullopt;
    }
    return quoted(to);
  });
}

void rename_column_in_expressions(Table& table, std::string_view from, std::string_view to) {
  for_each_sql(table,
               [&](std::string& sql) { sql = rename_identifier(sql, table.name, from, to); });
}

void rename_table_in_expressions(Table& table, std::string_view from, std::string_view to) {
  for_each_sql(table, [&](std::string& sql) { sql = rename_qualifier(sql, from, to); });
}

}  // namespace tempest
