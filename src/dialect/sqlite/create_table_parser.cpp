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

 private:
  std::string_view sql_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  std::size_t end_ = tokens_.size();
};

// The column names of a key list "(a, b COLLATE x DESC)": the first token of each part.
std::vector<std::string> key_columns(Cursor& cursor) {
  std::vector<std::string> columns;
  for (auto [first, last] : cursor.group_parts()) columns.push_back(cursor.at(first).value);
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

// REFERENCES table [(columns)] [ON DELETE|UPDATE action | MATCH name]... [[NOT] DEFERRABLE
// [INITIALLY DEFERRED|IMMEDIATE]], from the cursor at REFERENCES.
void parse_references(Cursor& cursor, ParsedConstraint& fk) {
  cursor.skip();  // REFERENCES
  fk.ref_table = cursor.name();
  if (cursor.at_punct('(')) fk.ref_columns = key_columns(cursor);
  while (!cursor.done()) {
    if (cursor.at_keyword("ON") &&
        (cursor.at_keyword("DELETE", 1) || cursor.at_keyword("UPDATE", 1))) {
      cursor.skip(2);
      // SET NULL, SET DEFAULT, NO ACTION: two words; CASCADE, RESTRICT: one.
      cursor.skip(cursor.at_keyword("SET") || cursor.at_keyword("NO") ? 2 : 1);
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

// One column definition: name, type, column constraints. Unknown tokens (the type, NOT NULL,
// COLLATE...) are skipped one by one; parenthesized groups (type arguments, DEFAULT and
// GENERATED expressions) as a whole, so that a keyword inside one is not mistaken.
void parse_column(Cursor& cursor, ParsedCreateTable& table) {
  std::string column = cursor.name();
  table.columns.push_back(column);
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
      parse_references(cursor, fk);
      table.constraints.push_back(std::move(fk));
    } else if (cursor.accept("DEFAULT")) {
      pending_name.clear();
      if (cursor.at_punct('(')) {
        cursor.skip_group();
      } else {
        if (cursor.at_punct('-') || cursor.at_punct('+')) cursor.skip();
        cursor.skip();  // the literal, or a word such as CURRENT_TIMESTAMP
      }
    } else if (cursor.at_punct('(')) {
      cursor.skip_group();
    } else {
      if (cursor.at_keyword("NOT") || cursor.at_keyword("NULL") || cursor.at_keyword("COLLATE") ||
          cursor.at_keyword("AS") || cursor.at_keyword("GENERATED")) {
        pending_name.clear();
      }
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
        c.columns.push_back(cursor.at(first).value);
        if (is_keyword(cursor.at(last - 1), "AUTOINCREMENT")) c.autoincrement = true;
      }
      skip_conflict_clause(cursor);
    } else if (cursor.accept("UNIQUE")) {
      c.kind = ParsedConstraint::Kind::Unique;
      c.columns = key_columns(cursor);
      skip_conflict_clause(cursor);
    } else if (cursor.accept("CHECK")) {
      c.kind = ParsedConstraint::Kind::Check;
      c.expression = group_text(cursor);
      skip_conflict_clause(cursor);
    } else if (cursor.at_keyword("FOREIGN") && cursor.at_keyword("KEY", 1)) {
      cursor.skip(2);
      c.kind = ParsedConstraint::Kind::ForeignKey;
      c.columns = key_columns(cursor);
      if (cursor.at_keyword("REFERENCES")) parse_references(cursor, c);
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
  if (!cursor.at_punct('(')) return table;
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
