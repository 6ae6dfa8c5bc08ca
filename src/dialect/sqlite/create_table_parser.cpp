// Grammar: https://sqlite.org/lang_createtable.html and https://sqlite.org/lang_createindex.html

#include "dialect/sqlite/create_table_parser.hpp"

#include <algorithm>
#include <utility>

#include "dialect/sqlite/sql_tokenizer.hpp"

namespace tempest {

namespace {

using sqlite_sql::is_keyword;
using sqlite_sql::is_name;
using sqlite_sql::is_punct;
using sqlite_sql::Token;
using sqlite_sql::TokenKind;

// A position in the token list of one statement, with the look-ahead the grammar needs.
class Cursor {
 public:
  Cursor(std::string_view sql, std::vector<Token> tokens) : sql_(sql), tokens_(std::move(tokens)) {}

  [[nodiscard]] bool done() const { return pos_ >= end_; }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }
  void limit(std::size_t end) { end_ = end; }
  [[nodiscard]] std::size_t end() const { return end_; }

  [[nodiscard]] const Token* peek(std::size_t ahead = 0) const {
    return pos_ + ahead < end_ ? &tokens_[pos_ + ahead] : nullptr;
  }
  [[nodiscard]] bool at_keyword(std::string_view keyword, std::size_t ahead = 0) const {
    const Token* token = peek(ahead);
    return token != nullptr && is_keyword(*token, keyword);
  }
  [[nodiscard]] bool at_punct(char c) const {
    const Token* token = peek();
    return token != nullptr && is_punct(*token, c);
  }
  bool accept(std::string_view keyword) {
    if (!at_keyword(keyword)) return false;
    ++pos_;
    return true;
  }
  void skip(std::size_t n = 1) { pos_ = std::min(pos_ + n, end_); }

  // Reads a name, or returns "" and stays put when the next token cannot be one.
  std::string name() {
    const Token* token = peek();
    if (token == nullptr || !is_name(*token)) return "";
    ++pos_;
    return token->value;
  }

  // At '(': the index of its matching ')' (bounded by the limit).
  [[nodiscard]] std::size_t close_of_paren() const {
    return std::min(sqlite_sql::matching_paren(tokens_, pos_), end_);
  }

  // Skips a parenthesized group if one starts here.
  void skip_group() {
    if (at_punct('(')) pos_ = std::min(close_of_paren() + 1, end_);
  }

  // The source text of tokens [first, last), verbatim.
  [[nodiscard]] std::string text(std::size_t first, std::size_t last) const {
    if (first >= last) return "";
    return std::string(
        sql_.substr(tokens_[first].begin, tokens_[last - 1].end - tokens_[first].begin));
  }

  // The comma-separated parts of the group opening at '(' here, as [first, last) token
  // ranges; leaves the cursor after the ')'.
  std::vector<std::pair<std::size_t, std::size_t>> group_parts() {
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    if (!at_punct('(')) return parts;
    std::size_t close = close_of_paren();
    std::size_t first = pos_ + 1;
    int depth = 0;
    for (std::size_t i = first; i < close; ++i) {
      if (is_punct(tokens_[i], '(')) ++depth;
      if (is_punct(tokens_[i], ')')) --depth;
      if (depth == 0 && is_punct(tokens_[i], ',')) {
        parts.emplace_back(first, i);
        first = i + 1;
      }
    }
    if (first < close) parts.emplace_back(first, close);
    pos_ = std::min(close + 1, end_);
    return parts;
  }

  [[nodiscard]] const Token& at(std::size_t i) const { return tokens_[i]; }
  [[nodiscard]] std::string_view source() const { return sql_; }

 private:
  std::string_view sql_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  std::size_t end_ = tokens_.size();
};

// The column names of a key list "(a, b COLLATE x DESC)": the first token of each part.
// Clears `understood` when a part does not start with a name ("((a))").
std::vector<std::string> key_columns(Cursor& cursor, bool& understood) {
  std::vector<std::string> columns;
  for (auto [first, last] : cursor.group_parts()) {
    understood = understood && is_name(cursor.at(first));
    columns.push_back(cursor.at(first).value);
  }
  return columns;
}

void skip_conflict_clause(Cursor& cursor) {
  if (cursor.at_keyword("ON") && cursor.at_keyword("CONFLICT", 1)) cursor.skip(3);
}

// The text inside the group at '(' here, trimmed; the cursor moves past the group.
std::string group_text(Cursor& cursor) {
  if (!cursor.at_punct('(')) return "";
  std::size_t close = cursor.close_of_paren();
  std::string text = cursor.text(cursor.pos() + 1, close);
  cursor.seek(std::min(close + 1, cursor.end()));
  return text;
}

// A foreign key action, consumed; nullopt (nothing consumed) when none starts here.
std::optional<ForeignKeyAction> read_action(Cursor& cursor) {
  const std::pair<std::string_view, ForeignKeyAction> two_words[] = {
      {"NULL", ForeignKeyAction::SetNull}, {"DEFAULT", ForeignKeyAction::SetDefault}};
  for (const auto& [second, action] : two_words) {
    if (cursor.at_keyword("SET") && cursor.at_keyword(second, 1)) {
      cursor.skip(2);
      return action;
    }
  }
  if (cursor.at_keyword("NO") && cursor.at_keyword("ACTION", 1)) {
    cursor.skip(2);
    return ForeignKeyAction::NoAction;
  }
  if (cursor.accept("CASCADE")) return ForeignKeyAction::Cascade;
  if (cursor.accept("RESTRICT")) return ForeignKeyAction::Restrict;
  return std::nullopt;
}

// REFERENCES table [(columns)] [ON DELETE|UPDATE|INSERT action | MATCH name]... [[NOT]
// DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]], from the cursor at REFERENCES
// (https://sqlite.org/syntax/foreign-key-clause.html). As in SQLite, a later ON DELETE or ON
// UPDATE overrides an earlier one and ON INSERT is accepted and ignored.
void parse_references(Cursor& cursor, ParsedConstraint& fk, bool& understood) {
  cursor.skip();  // REFERENCES
  const Token* table = cursor.peek();
  understood = understood && table != nullptr && is_name(*table);
  fk.ref_table = cursor.name();
  if (cursor.at_punct('(')) fk.ref_columns = key_columns(cursor, understood);
  while (!cursor.done()) {
    if (cursor.at_keyword("ON") &&
        (cursor.at_keyword("DELETE", 1) || cursor.at_keyword("UPDATE", 1) ||
         cursor.at_keyword("INSERT", 1))) {
      const bool on_delete = cursor.at_keyword("DELETE", 1);
      const bool on_update = cursor.at_keyword("UPDATE", 1);
      cursor.skip(2);
      std::optional<ForeignKeyAction> action = read_action(cursor);
      if (!action) {
        understood = false;
        return;
      }
      if (on_delete) fk.on_delete = *action;
      if (on_update) fk.on_update = *action;
    } else if (cursor.accept("MATCH")) {
      cursor.skip();
    } else if (cursor.at_keyword("NOT") && cursor.at_keyword("DEFERRABLE", 1)) {
      cursor.skip(2);
      fk.deferrable = Deferrable::No;
      if (cursor.accept("INITIALLY")) cursor.skip();
    } else if (cursor.accept("DEFERRABLE")) {
      fk.deferrable = Deferrable::InitiallyImmediate;
      if (cursor.accept("INITIALLY") && cursor.accept("DEFERRED")) {
        fk.deferrable = Deferrable::InitiallyDeferred;
      }
    } else {
      return;
    }
  }
}

// Skips one literal or word; SQLite's blob literal X'AB' is one token there, two here.
bool skip_term(Cursor& cursor) {
  const Token* token = cursor.peek();
  if (token == nullptr || token->kind == TokenKind::Punct) return false;
  cursor.skip();
  const Token* next = cursor.peek();
  if (is_keyword(*token, "X") && next != nullptr && next->kind == TokenKind::String &&
      next->begin == token->end) {
    cursor.skip();
  }
  return true;
}

// SQLite's white space (sqlite3Isspace): the C locale's isspace.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The value after DEFAULT, consumed, as ParsedColumn::default_text describes it: SQLite keeps
// the span from the value's first token to its last, or for "(expr)" the text inside trimmed
// by sqlite3DbSpanDup (https://sqlite.org/lang_createtable.html#the_default_clause). nullopt
// when no value of a known form starts here.
std::optional<std::string> default_text(Cursor& cursor) {
  const Token* token = cursor.peek();
  if (token == nullptr) return std::nullopt;
  if (is_punct(*token, '(')) {
    const std::size_t close = cursor.close_of_paren();
    if (close >= cursor.end()) return std::nullopt;
    std::string_view inside =
        cursor.source().substr(token->end, cursor.at(close).begin - token->end);
    while (!inside.empty() && is_space(inside.front())) inside.remove_prefix(1);
    while (!inside.empty() && is_space(inside.back())) inside.remove_suffix(1);
    cursor.seek(close + 1);
    return std::string(inside);
  }
  const std::size_t first = cursor.pos();
  if (is_punct(*token, '-') || is_punct(*token, '+')) cursor.skip();
  if (!skip_term(cursor)) return std::nullopt;
  return cursor.text(first, cursor.pos());
}

// One column definition: name, type, column constraints. Unknown tokens (the type, NOT NULL,
// COLLATE...) are skipped one by one; parenthesized groups (type arguments, GENERATED
// expressions) as a whole, so that a keyword inside one is not mistaken.
void parse_column(Cursor& cursor, ParsedCreateTable& table) {
  const Token* first = cursor.peek();
  table.understood = table.understood && first != nullptr && is_name(*first);
  std::string column = cursor.name();
  table.columns.push_back(column);
  table.column_details.emplace_back();
  std::string pending_name;
  auto constraint = [&](ParsedConstraint::Kind kind) {
    ParsedConstraint c;
    c.kind = kind;
    c.name = std::move(pending_name);
    pending_name.clear();
    c.column = column;
    c.columns = {column};
    return c;
  };
  while (!cursor.done()) {
    if (cursor.accept("CONSTRAINT")) {
      pending_name = cursor.name();
    } else if (cursor.at_keyword("PRIMARY") && cursor.at_keyword("KEY", 1)) {
      cursor.skip(2);
      ParsedConstraint pk = constraint(ParsedConstraint::Kind::PrimaryKey);
      if (!cursor.accept("ASC")) pk.descending = cursor.accept("DESC");
      skip_conflict_clause(cursor);
      pk.autoincrement = cursor.accept("AUTOINCREMENT");
      table.constraints.push_back(std::move(pk));
    } else if (cursor.accept("UNIQUE")) {
      table.constraints.push_back(constraint(ParsedConstraint::Kind::Unique));
      skip_conflict_clause(cursor);
    } else if (cursor.accept("CHECK")) {
      ParsedConstraint check = constraint(ParsedConstraint::Kind::Check);
      check.expression = group_text(cursor);
      table.constraints.push_back(std::move(check));
    } else if (cursor.at_keyword("REFERENCES")) {
      ParsedConstraint fk = constraint(ParsedConstraint::Kind::ForeignKey);
      parse_references(cursor, fk, table.understood);
      table.constraints.push_back(std::move(fk));
    } else if (cursor.accept("DEFAULT")) {
      pending_name.clear();
      // Several DEFAULT clauses are accepted; the last one counts.
      std::optional<std::string> value = default_text(cursor);
      table.understood = table.understood && value.has_value();
      table.column_details.back().default_text = std::move(value);
    } else if (cursor.at_punct('(')) {
      cursor.skip_group();
    } else {
      if (cursor.at_keyword("NOT") || cursor.at_keyword("NULL") || cursor.at_keyword("COLLATE") ||
          cursor.at_keyword("AS") || cursor.at_keyword("GENERATED")) {
        pending_name.clear();
      }
      // AS is no type word (it is not among the keywords SQLite lets stand for a name), so it
      // starts "[GENERATED ALWAYS] AS (expr)".
      if (cursor.at_keyword("AS")) table.column_details.back().generated = true;
      cursor.skip();
    }
  }
}

// Table constraints; SQLite lets them follow each other without a comma.
void parse_table_constraints(Cursor& cursor, ParsedCreateTable& table) {
  std::string pending_name;
  while (!cursor.done()) {
    ParsedConstraint c;
    if (cursor.accept("CONSTRAINT")) {
      pending_name = cursor.name();
      continue;
    }
    if (cursor.at_keyword("PRIMARY") && cursor.at_keyword("KEY", 1)) {
      cursor.skip(2);
      c.kind = ParsedConstraint::Kind::PrimaryKey;
      // PRIMARY KEY (id AUTOINCREMENT) is accepted at table level too.
      for (auto [first, last] : cursor.group_parts()) {
        table.understood = table.understood && is_name(cursor.at(first));
        c.columns.push_back(cursor.at(first).value);
        if (is_keyword(cursor.at(last - 1), "AUTOINCREMENT")) c.autoincrement = true;
      }
      skip_conflict_clause(cursor);
    } else if (cursor.accept("UNIQUE")) {
      c.kind = ParsedConstraint::Kind::Unique;
      c.columns = key_columns(cursor, table.understood);
      skip_conflict_clause(cursor);
    } else if (cursor.accept("CHECK")) {
      c.kind = ParsedConstraint::Kind::Check;
      c.expression = group_text(cursor);
      skip_conflict_clause(cursor);
    } else if (cursor.at_keyword("FOREIGN") && cursor.at_keyword("KEY", 1)) {
      cursor.skip(2);
      c.kind = ParsedConstraint::Kind::ForeignKey;
      c.columns = key_columns(cursor, table.understood);
      if (cursor.at_keyword("REFERENCES")) {
        parse_references(cursor, c, table.understood);
      } else {
        table.understood = false;
      }
    } else {
      cursor.skip();
      continue;
    }
    c.name = std::move(pending_name);
    pending_name.clear();
    table.constraints.push_back(std::move(c));
  }
}

bool starts_table_constraint(const Cursor& cursor) {
  return cursor.at_keyword("CONSTRAINT") || cursor.at_keyword("PRIMARY") ||
         cursor.at_keyword("UNIQUE") || cursor.at_keyword("CHECK") || cursor.at_keyword("FOREIGN");
}

// Skips "CREATE [UNIQUE|TEMP|TEMPORARY] TABLE|INDEX [IF NOT EXISTS]" and reads the object's
// name, dropping a "schema." prefix.
std::string read_header(Cursor& cursor) {
  while (!cursor.done() && !cursor.at_keyword("TABLE") && !cursor.at_keyword("INDEX")) {
    cursor.skip();
  }
  cursor.skip();
  if (cursor.at_keyword("IF") && cursor.at_keyword("NOT", 1)) cursor.skip(3);
  std::string name = cursor.name();
  if (cursor.at_punct('.')) {
    cursor.skip();
    name = cursor.name();
  }
  return name;
}

// "(x)" -> "x" when the parentheses wrap all of [first, last).
std::pair<std::size_t, std::size_t> unwrap(const Cursor& cursor, std::size_t first,
                                           std::size_t last) {
  if (last - first >= 2 && is_punct(cursor.at(first), '(') && is_punct(cursor.at(last - 1), ')')) {
    int depth = 0;
    for (std::size_t i = first; i < last; ++i) {
      if (is_punct(cursor.at(i), '(')) ++depth;
      if (is_punct(cursor.at(i), ')') && --depth == 0) {
        if (i + 1 == last) return {first + 1, last - 1};
        break;
      }
    }
  }
  return {first, last};
}

}  // namespace

ParsedCreateTable parse_create_table(std::string_view sql) {
  Cursor cursor(sql, sqlite_sql::tokenize(sql));
  ParsedCreateTable table;
  table.name = read_header(cursor);
  if (!cursor.at_punct('(') || cursor.close_of_paren() >= cursor.end()) {
    table.understood = false;
    return table;
  }
  std::size_t after = std::min(cursor.close_of_paren() + 1, cursor.end());
  std::size_t end = cursor.end();
  for (auto [first, last] : cursor.group_parts()) {
    cursor.seek(first);
    cursor.limit(last);
    if (starts_table_constraint(cursor)) {
      parse_table_constraints(cursor, table);
    } else {
      parse_column(cursor, table);
    }
    cursor.limit(end);
  }
  // Table options: [WITHOUT ROWID] [, STRICT] (https://sqlite.org/withoutrowid.html).
  for (cursor.seek(after); !cursor.done(); cursor.skip()) {
    if (cursor.at_keyword("WITHOUT") && cursor.at_keyword("ROWID", 1)) table.without_rowid = true;
  }
  return table;
}

std::optional<std::size_t> find_declared_column(const ParsedCreateTable& table,
                                                std::string_view name) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (sqlite_sql::same_name(table.columns[i], name)) return i;
  }
  return std::nullopt;
}

ParsedCreateIndex parse_create_index(std::string_view sql) {
  Cursor cursor(sql, sqlite_sql::tokenize(sql));
  ParsedCreateIndex index;
  read_header(cursor);
  if (!cursor.accept("ON")) return index;
  (void)cursor.name();
  for (auto [first, last] : cursor.group_parts()) {
    ParsedIndexKey key;
    if (last > first + 1 && is_keyword(cursor.at(last - 1), "DESC")) {
      key.descending = true;
      --last;
    } else if (last > first + 1 && is_keyword(cursor.at(last - 1), "ASC")) {
      --last;
    }
    if (last > first + 2 && is_keyword(cursor.at(last - 2), "COLLATE")) last -= 2;
    auto [key_first, key_last] = unwrap(cursor, first, last);
    key.text = cursor.text(key_first, key_last);
    index.keys.push_back(std::move(key));
  }
  if (cursor.accept("WHERE")) index.where = cursor.text(cursor.pos(), cursor.end());
  return index;
}

}  // namespace tempest
