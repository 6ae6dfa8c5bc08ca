#include "dialect/sqlite/random_declaration.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "tempest/dialect.hpp"

namespace tempest::testing {

namespace {

using Rng = std::mt19937_64;
using Strings = std::vector<std::string>;

bool chance(Rng& rng, int percent) {
  return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
}

std::size_t below(Rng& rng, std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

const std::string& pick(Rng& rng, const Strings& items) { return items[below(rng, items.size())]; }

// White space, comments and line breaks, as found between the tokens of hand-written DDL.
std::string gap(Rng& rng) {
  static const Strings gaps = {" ",      " ",  " ",         " ",     "  ",
                               "\n    ", "\t", " /* c */ ", "/*x*/", " -- note, with (\n    "};
  return pick(rng, gaps);
}

// Column names; a few are plain words that may stay bare.
const Strings& column_names() {
  static const Strings names = {
      "a",
      "b",
      "Id",
      "code",
      "key",
      "text",
      "AbC",
      "rowid",
      "oid",
      "select",
      "order",
      "as",
      "default",
      "primary",
      "check",
      "we\"ird",
      "it's",
      "semi;colon",
      "sp ace",
      "x)y",
      "-- c",
      "/*b*/",
      "Ключ",
      "élève",
      "表",
      "emoji😀",
      "[br]",
      "back`tick",
      "",
      " ",
      std::string(120, 'l'),
  };
  return names;
}

bool is_bare_word(std::string_view name) {
  static const Strings bare = {"a", "b", "Id", "code", "key", "text", "AbC", "rowid", "oid"};
  return std::find(bare.begin(), bare.end(), name) != bare.end();
}

std::string doubled(std::string_view name, char quote) {
  std::string out(1, quote);
  for (char c : name) {
    out += c;
    if (c == quote) out += quote;
  }
  return out + quote;
}

// `name` quoted in one of SQLite's styles (bare when it can be); `string_too` allows 'name',
// which SQLite accepts for a column being declared but not in every key list.
std::string spell(Rng& rng, std::string_view name, bool string_too) {
  std::vector<int> styles = {0, 1, 2};  // "x", `x`, [x]
  if (is_bare_word(name)) styles.insert(styles.end(), {3, 3, 3});
  if (string_too) styles.push_back(4);
  if (name.find(']') != std::string_view::npos) styles.erase(styles.begin() + 2);
  switch (styles[below(rng, styles.size())]) {
    case 1:
      return doubled(name, '`');
    case 2:
      return "[" + std::string(name) + "]";
    case 3:
      return std::string(name);
    case 4:
      return doubled(name, '\'');
    default:
      return doubled(name, '"');
  }
}

// `name` with its ASCII letters' case flipped at random: SQLite resolves it all the same.
std::string recased(Rng& rng, std::string name) {
  for (char& c : name) {
    if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && chance(rng, 40)) c ^= 0x20;
  }
  return name;
}

const Strings& types() {
  static const Strings all = {"",
                              "int",
                              "INTEGER",
                              "integer",
                              "\"varchar\"(3)",
                              "VarChar(10)",
                              "double precision",
                              "unsigned big int",
                              "varchar ( 40 )",
                              "key",
                              "text",
                              "Text",
                              "numeric(10, 2)",
                              "int(-1, +2)",
                              "[integer]",
                              "'Blob'",
                              "`real`",
                              "character varying(5)",
                              "INT GENERATED ALWAYS",
                              "any",
                              "timestamp with time zone",
                              "BOOLEAN",
                              "blob"};
  return all;
}

const Strings& strict_types() {
  static const Strings all = {"INT",  "int",  "INTEGER", "integer", "REAL",
                              "TEXT", "text", "BLOB",    "ANY",     "any"};
  return all;
}

const Strings& defaults() {
  static const Strings all = {"( 1 + 2 )",
                              "-1",
                              "+ 5",
                              "'x''y'",
                              "CURRENT_TIMESTAMP",
                              "x'00ff'",
                              "TRUE",
                              "false",
                              "NULL",
                              "\"dq\"",
                              "1e5",
                              "0x10",
                              "-0x10",
                              "- 1.5e-3",
                              ".5",
                              "current_date",
                              "`bq`",
                              "[br]",
                              "abc",
                              "/* c */ 8",
                              "(1)",
                              "X''",
                              "-'x'",
                              "+x'ab'",
                              "((1))",
                              "(/*c*/ 2 /*d*/ )",
                              "- /* c */ 3",
                              "'multi\nline'",
                              "9223372036854775808",
                              "-null",
                              "1.e5",
                              "1E+5",
                              "(\n 1 )",
                              "(-1)",
                              "-current_time",
                              "(lower('ABC'))",
                              "('a' || ')')",
                              "'é'",
                              "replace",
                              "\"\"",
                              "''",
                              "(CASE WHEN 1 THEN 'a' ELSE 'b' END)",
                              "-\t1",
                              "'('",
                              "'-- x'",
                              "(  'a'  )",
                              "1 /* after */",
                              "0X1F"};
  return all;
}

// Defaults ALTER TABLE ADD COLUMN accepts with NOT NULL: constant and not NULL.
const Strings& constant_defaults() {
  static const Strings all = {"-1",    "'x''y'", "0x10", "(1 + 2)",
                              "x'00'", "TRUE",   "'('",  "- /* c */ 3"};
  return all;
}

std::string action(Rng& rng) {
  static const Strings all = {"SET NULL", "SET DEFAULT", "CASCADE", "RESTRICT", "NO ACTION"};
  return pick(rng, all);
}

std::string conflict(Rng& rng) {
  static const Strings all = {"ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE"};
  return chance(rng, 30) ? " ON CONFLICT " + pick(rng, all) : "";
}

// [(columns)] ON DELETE/UPDATE/INSERT, MATCH, [NOT] DEFERRABLE [INITIALLY ...] after
// REFERENCES target.
std::string reference_tail(Rng& rng, std::size_t columns) {
  std::string out;
  if (chance(rng, 60)) {
    out += gap(rng) + "(";
    for (std::size_t i = 0; i < columns; ++i) {
      out += (i > 0 ? "," + gap(rng) : "") + spell(rng, pick(rng, column_names()), false);
    }
    out += ")";
  }
  const int clauses = static_cast<int>(below(rng, 4));
  for (int i = 0; i < clauses; ++i) {
    switch (below(rng, 5)) {
      case 0:
      case 1:
        out += gap(rng) + "ON DELETE " + action(rng);
        break;
      case 2:
      case 3:
        out += gap(rng) + "ON UPDATE " + action(rng);
        break;
      default:
        out += gap(rng) + (chance(rng, 50) ? "MATCH FULL" : "ON INSERT " + action(rng));
    }
  }
  static const Strings deferrable = {"",
                                     "",
                                     "DEFERRABLE",
                                     "DEFERRABLE INITIALLY DEFERRED",
                                     "DEFERRABLE INITIALLY IMMEDIATE",
                                     "NOT DEFERRABLE INITIALLY DEFERRED"};
  const std::string& d = pick(rng, deferrable);
  return d.empty() ? out : out + gap(rng) + d;
}

std::string constraint_name(Rng& rng) {
  return chance(rng, 25)
             ? "CONSTRAINT " + spell(rng, pick(rng, column_names()) + "_c", false) + gap(rng)
             : "";
}

struct TableDraft {
  std::string name;
  Strings columns;  // declared names, unquoted
  // Columns declared as 'string': SQLite's RENAME COLUMN writes the new name as a string in
  // key lists too, where it is an expression and refused, so these are not renamed.
  Strings string_named;
  bool strict = false;
  // SQLite 3.40's RENAME COLUMN fails on a WITHOUT ROWID table whose UNIQUE repeats the
  // primary key ("no such column"), so these are not renamed either.
  bool without_rowid = false;
};

// `name` spelled for its declaration in `table`, noted when spelled as a string.
std::string declare(Rng& rng, TableDraft& table, const std::string& name) {
  std::string spelled = spell(rng, name, true);
  if (spelled.front() == '\'') table.string_named.push_back(name);
  return spelled;
}

// The REFERENCES target: an earlier table, this one, or one that does not exist.
std::string target(Rng& rng, const std::vector<TableDraft>& tables, const std::string& self) {
  if (tables.empty() || chance(rng, 20))
    return spell(rng, chance(rng, 80) ? self : "nowhere", false);
  return spell(rng, recased(rng, tables[below(rng, tables.size())].name), false);
}

bool is_integer_type(std::string_view type) { return type == "INTEGER" || type == "integer"; }

std::string column_constraints(Rng& rng, const std::vector<TableDraft>& tables,
                               const std::string& self) {
  std::string out;
  const int count = static_cast<int>(below(rng, 4));
  for (int i = 0; i < count; ++i) {
    out += gap(rng);
    switch (below(rng, 8)) {
      case 0:
        out += constraint_name(rng) + "NOT NULL" + conflict(rng);
        break;
      case 1:
        out += "NULL";
        break;
      case 2:
      case 3:
        out += constraint_name(rng) + "DEFAULT" + gap(rng) + pick(rng, defaults());
        break;
      case 4:
        out += "COLLATE " + std::string(chance(rng, 50) ? "NOCASE" : "\"binary\"");
        break;
      case 5:
        out += constraint_name(rng) + "CHECK (" +
               std::string(chance(rng, 50) ? "1" : "(1) IN (1, 2)") + ")";
        break;
      case 6:
        // No ON CONFLICT: two UNIQUEs on the same columns must not name different ones.
        out += constraint_name(rng) + "UNIQUE";
        break;
      default:
        out += constraint_name(rng) + "REFERENCES " + target(rng, tables, self) +
               reference_tail(rng, 1);
    }
  }
  return out;
}

std::string key_part(Rng& rng, const std::string& column) {
  std::string out = spell(rng, recased(rng, column), false);
  if (chance(rng, 20)) out += " COLLATE NOCASE";
  if (chance(rng, 25)) out += chance(rng, 50) ? " DESC" : " ASC";
  return out;
}

Strings distinct_columns(Rng& rng, const Strings& from, std::size_t count) {
  Strings chosen = from;
  std::shuffle(chosen.begin(), chosen.end(), rng);
  chosen.resize(std::min(count, chosen.size()));
  return chosen;
}

std::string create_table(Rng& rng, std::vector<TableDraft>& tables, int number) {
  static const Strings table_names = {"t", "We\"ird", "sp ace", "Таблица", "select", "t;--"};
  TableDraft table;
  table.name = pick(rng, table_names) + std::to_string(number);
  table.strict = chance(rng, 15);
  const std::size_t count = 1 + below(rng, 6);
  table.columns = distinct_columns(rng, column_names(), count);
  Strings column_types;
  for (std::size_t i = 0; i < count; ++i) {
    column_types.push_back(pick(rng, table.strict ? strict_types() : types()));
  }
  // 0: no key; 1: on a column; 2: a table constraint.
  const std::size_t key_kind = below(rng, 3);
  const std::size_t key_column = below(rng, count);
  bool autoincrement = false;

  std::string sql = "CREATE" + gap(rng) + "TABLE" + gap(rng) + spell(rng, table.name, false) +
                    gap(rng) + "(" + gap(rng);
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) sql += "," + gap(rng);
    sql += declare(rng, table, table.columns[i]);
    if (!column_types[i].empty()) sql += gap(rng) + column_types[i];
    if (key_kind == 1 && i == key_column) {
      sql += gap(rng) + constraint_name(rng) + "PRIMARY KEY";
      const bool descending = chance(rng, 25);
      if (descending) sql += " DESC";
      sql += conflict(rng);
      if (!descending && is_integer_type(column_types[i]) && chance(rng, 50)) {
        sql += " AUTOINCREMENT";
        autoincrement = true;
      }
    }
    sql += column_constraints(rng, tables, table.name);
  }
  // SQLite needs a comma before the first table constraint, not between the others.
  bool first_constraint = true;
  auto separator = [&] {
    const bool comma = first_constraint || chance(rng, 80);
    first_constraint = false;
    return (comma ? "," : "") + gap(rng);
  };
  if (key_kind == 2) {
    sql += separator() + constraint_name(rng) + "PRIMARY KEY (";
    Strings key = distinct_columns(rng, table.columns, 1 + below(rng, count));
    for (std::size_t i = 0; i < key.size(); ++i) sql += (i > 0 ? ", " : "") + key_part(rng, key[i]);
    sql += ")" + conflict(rng);
  }
  const int foreign_keys = static_cast<int>(below(rng, 3));
  for (int i = 0; i < foreign_keys; ++i) {
    sql += separator() + constraint_name(rng) + "FOREIGN KEY (";
    Strings from =
        distinct_columns(rng, table.columns, 1 + below(rng, std::min<std::size_t>(3, count)));
    for (std::size_t c = 0; c < from.size(); ++c) {
      sql += (c > 0 ? ", " : "") + spell(rng, recased(rng, from[c]), false);
    }
    sql += ")" + gap(rng) + "REFERENCES " + target(rng, tables, table.name) +
           reference_tail(rng, from.size());
  }
  if (chance(rng, 20)) {
    sql += separator() + constraint_name(rng) + "UNIQUE (" +
           spell(rng, recased(rng, pick(rng, table.columns)), false) + ")";
  }
  if (chance(rng, 20)) sql += separator() + constraint_name(rng) + "CHECK ((1) > 0)";
  sql += gap(rng) + ")";
  Strings options;
  if (key_kind != 0 && !autoincrement && chance(rng, 30)) {
    options.push_back("WITHOUT ROWID");
    table.without_rowid = true;
  }
  if (table.strict) options.push_back("STRICT");
  std::shuffle(options.begin(), options.end(), rng);
  for (std::size_t i = 0; i < options.size(); ++i) sql += (i > 0 ? ", " : " ") + options[i];
  tables.push_back(std::move(table));
  return sql + ";\n";
}

// A column name not yet used in `table`, compared as SQLite does (ASCII case folded). Not
// rowid or oid: SQLite's RENAME COLUMN to those loses track of the column in key lists.
std::string unused_name(Rng& rng, const TableDraft& table) {
  auto fold = [](std::string s) {
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  };
  for (int attempt = 0;; ++attempt) {
    std::string name = pick(rng, column_names()) + (attempt > 0 ? std::to_string(attempt) : "");
    bool used = name == "rowid" || name == "oid";
    for (const std::string& column : table.columns) used = used || fold(column) == fold(name);
    if (!used) return name;
  }
}

std::string alter_table(Rng& rng, std::vector<TableDraft>& tables, TableDraft& table) {
  std::string sql = "ALTER TABLE " + spell(rng, recased(rng, table.name), false);
  Strings renamable;
  for (const std::string& column : table.columns) {
    if (!table.without_rowid && std::find(table.string_named.begin(), table.string_named.end(),
                                          column) == table.string_named.end()) {
      renamable.push_back(column);
    }
  }
  if (!renamable.empty() && chance(rng, 50)) {
    const std::string old_name = pick(rng, renamable);
    std::string new_name = unused_name(rng, table);
    sql += " RENAME COLUMN " + spell(rng, recased(rng, old_name), false) + " TO " +
           spell(rng, new_name, false);
    *std::find(table.columns.begin(), table.columns.end(), old_name) = new_name;
    return sql + ";\n";
  }
  std::string name = unused_name(rng, table);
  sql += " ADD COLUMN " + declare(rng, table, name);
  const std::string& type = pick(rng, table.strict ? strict_types() : types());
  if (!type.empty()) sql += " " + type;
  switch (below(rng, 3)) {
    case 0:
      sql += " NOT NULL DEFAULT " + pick(rng, constant_defaults());
      break;
    case 1:
      // With foreign keys enforced, an added REFERENCES column must default to NULL.
      sql += " REFERENCES " + target(rng, tables, table.name) + reference_tail(rng, 1);
      break;
    default:
      sql += " DEFAULT " + pick(rng, constant_defaults()) + " COLLATE NOCASE";
  }
  table.columns.push_back(std::move(name));
  return sql + ";\n";
}

}  // namespace

std::string random_declarations(std::mt19937_64& rng) {
  std::vector<TableDraft> tables;
  std::string script;
  const int count = 1 + static_cast<int>(below(rng, 4));
  for (int i = 0; i < count; ++i) script += create_table(rng, tables, i);
  const int alters = static_cast<int>(below(rng, 4));
  for (int i = 0; i < alters; ++i) {
    script += alter_table(rng, tables, tables[below(rng, tables.size())]);
  }
  return script;
}

}  // namespace tempest::testing
