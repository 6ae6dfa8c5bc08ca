// SQLite introspection: the stored CREATE text and the connection's column metadata for
// columns and foreign keys (table_facts.hpp), pragmas for indexes, the CREATE text for names
// and the rest. Three queries for the whole database (the index pragmas joined over the
// stored tables) whatever its size, plus two per table whose text does not line up.

#include "dialect/sqlite/introspect.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dialect/sqlite/column_spelling.hpp"
#include "dialect/sqlite/create_table_parser.hpp"
#include "dialect/sqlite/sql_tokenizer.hpp"
#include "dialect/sqlite/table_facts.hpp"
#include "model/naming.hpp"
#include "tempest/error.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {

namespace {

using sqlite_sql::same_name;

// The user's tables: pragma_table_list (SQLite 3.37+) tells ordinary tables from virtual and
// FTS shadow tables, which sqlite_schema does not. Names are never formatted into the SQL:
// every pragma takes its table from sqlite_schema through a join, or as a bound parameter.
constexpr std::string_view kTables = R"(
SELECT l.name, m.sql
FROM pragma_table_list AS l
JOIN sqlite_schema AS m ON m.type = 'table' AND m.name = l.name
WHERE l.schema = 'main' AND l.type = 'table'
  AND l.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND substr(l.name, 1, 11) <> 'tempest_db_'
ORDER BY l.name)";

// Key columns only (x.key = 1): index_xinfo also lists the rowid or primary key columns an
// index carries. Indexes of origin 'pk' are the primary key itself.
constexpr std::string_view kIndexes = R"(
SELECT t.name, i.name, i."unique", i.origin, i.partial, x.cid, x.name, x."desc"
FROM t JOIN pragma_index_list(t.name, 'main') AS i
JOIN pragma_index_xinfo(i.name, 'main') AS x
WHERE i.origin <> 'pk' AND x.key = 1
ORDER BY t.name, i.name, x.seqno)";

// The CREATE INDEX texts, read apart: sqlite_schema has no index on name, so joining it to
// the index list would scan it once per index.
constexpr std::string_view kIndexSql =
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL";

struct TableState {
  Table table;
  ParsedCreateTable parsed;
  std::vector<std::optional<std::string>> reported_defaults;  // by column position
  std::vector<std::pair<int, std::string>> key;               // (position in the PK, column)
};

bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const std::string& x, const std::string& y) { return same_name(x, y); });
}

// The first constraint of `kind` with these columns not claimed yet, or nullptr. For a
// foreign key the referenced table must match too, and the referenced columns when the
// REFERENCES clause names them.
const ParsedConstraint* claim(const ParsedCreateTable& parsed, std::vector<bool>& claimed,
                              ParsedConstraint::Kind kind, const std::vector<std::string>& columns,
                              const ForeignKey* fk = nullptr) {
  for (std::size_t i = 0; i < parsed.constraints.size(); ++i) {
    const ParsedConstraint& c = parsed.constraints[i];
    if (claimed[i] || c.kind != kind || !same_names(c.columns, columns)) continue;
    if (fk != nullptr &&
        (!same_name(c.ref_table, fk->ref_table) ||
         (!c.ref_columns.empty() && !same_names(c.ref_columns, fk->ref_columns)))) {
      continue;
    }
    claimed[i] = true;
    return &c;
  }
  return nullptr;
}

void add_column(TableState& state, const ColumnFacts& facts) {
  Column column;
  column.name = facts.name;
  if (facts.hidden == 2 || facts.hidden == 3) {
    throw UnsupportedError("sqlite: table \"" + state.table.name + "\": column \"" + column.name +
                           "\" is a generated column, which tempest cannot represent");
  }
  if (facts.hidden != 0) return;  // a hidden column of a virtual table
  column.type = parse_type(facts.type);
  column.nullable = !facts.not_null;
  if (facts.primary_key > 0) state.key.emplace_back(facts.primary_key, column.name);
  state.table.columns.push_back(std::move(column));
  state.reported_defaults.push_back(facts.default_text);
}

// The rowid alias: https://sqlite.org/lang_createtable.html#rowid. Exactly "INTEGER" (any
// case), not in a WITHOUT ROWID table, not declared "PRIMARY KEY DESC" on the column.
bool is_rowid_alias_declared(const ColumnType& type, const ParsedCreateTable& parsed,
                             const ParsedConstraint* pk) {
  return same_name(type.raw, "INTEGER") && !parsed.without_rowid &&
         (pk == nullptr || !pk->descending);
}

void finish_columns(TableState& state) {
  Table& table = state.table;
  if (!state.key.empty()) {
    std::sort(state.key.begin(), state.key.end());
    PrimaryKey pk;
    for (auto& [position, name] : state.key) pk.columns.push_back(name);
    const ParsedConstraint* parsed = nullptr;
    for (const ParsedConstraint& c : state.parsed.constraints) {
      if (c.kind == ParsedConstraint::Kind::PrimaryKey) parsed = &c;
    }
    pk.name =
        parsed != nullptr && !parsed->name.empty() ? parsed->name : naming::primary_key(table.name);
    if (pk.columns.size() == 1) {
      Column& column = *find_column(table, pk.columns[0]);
      if (is_rowid_alias_declared(column.type, state.parsed, parsed)) {
        column.type.kind = TypeKind::Int64;
        column.nullable = false;
        column.identity = parsed != nullptr && parsed->autoincrement ? Identity::Autoincrement
                                                                     : Identity::ByDefault;
      }
    }
    table.primary_key = std::move(pk);
  }
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    table.columns[i].default_value =
        classify_sqlite_default(state.reported_defaults[i], table.columns[i].type);
  }
}

void add_checks(TableState& state) {
  int unnamed = 0;
  for (const ParsedConstraint& c : state.parsed.constraints) {
    if (c.kind != ParsedConstraint::Kind::Check) continue;
    std::string name = c.name;
    if (name.empty()) {
      name = c.column.empty()
                 ? naming::fit("ck_" + state.table.name + "_" + std::to_string(++unnamed))
                 : naming::column_check(state.table.name, c.column);
    }
    state.table.checks.push_back({std::move(name), c.expression});
  }
}

using IndexSql = std::unordered_map<std::string, std::string>;

// Rows of kIndexes for one index: [first, last).
void add_index(TableState& state, std::vector<bool>& claimed, const IndexSql& index_sql,
               const std::vector<std::vector<SqlValue>>& rows, std::size_t first,
               std::size_t last) {
  const std::vector<SqlValue>& head = rows[first];
  if (row_text(head, 3) == "u") {
    UniqueConstraint unique;
    for (std::size_t r = first; r < last; ++r) unique.columns.push_back(row_text(rows[r], 6));
    const ParsedConstraint* parsed =
        claim(state.parsed, claimed, ParsedConstraint::Kind::Unique, unique.columns);
    unique.name = parsed != nullptr && !parsed->name.empty()
                      ? parsed->name
                      : naming::unique(state.table.name, unique.columns);
    state.table.uniques.push_back(std::move(unique));
    return;
  }
  Index index;
  index.name = row_text(head, 1);
  index.unique = row_number(head, 2) != 0;
  auto sql = index_sql.find(index.name);
  ParsedCreateIndex parsed =
      parse_create_index(sql == index_sql.end() ? std::string_view() : sql->second);
  if (row_number(head, 4) != 0) index.where = parsed.where;
  for (std::size_t r = first; r < last; ++r) {
    IndexKey key;
    std::size_t position = r - first;
    // cid -2 is an expression, -1 the rowid: both only in the CREATE INDEX text.
    if (row_number(rows[r], 5) >= 0) {
      key.column = row_text(rows[r], 6);
    } else if (position < parsed.keys.size()) {
      key.expression = parsed.keys[position].text;
    }
    key.descending = row_number(rows[r], 7) != 0;
    index.keys.push_back(std::move(key));
  }
  state.table.indexes.push_back(std::move(index));
}

std::optional<ForeignKeyAction> parse_action(const std::string& action) {
  if (action == "NO ACTION") return ForeignKeyAction::NoAction;
  if (action == "RESTRICT") return ForeignKeyAction::Restrict;
  if (action == "CASCADE") return ForeignKeyAction::Cascade;
  if (action == "SET NULL") return ForeignKeyAction::SetNull;
  if (action == "SET DEFAULT") return ForeignKeyAction::SetDefault;
  return std::nullopt;
}

const PrimaryKey* primary_key_of(const std::vector<TableState>& states, std::string_view name) {
  for (const TableState& state : states) {
    if (same_name(state.table.name, name) && state.table.primary_key) {
      return &*state.table.primary_key;
    }
  }
  return nullptr;
}

// A referenced column is nullopt when the REFERENCES clause names none: the parent's primary
// key is meant.
ForeignKey read_foreign_key(const TableState& state, const std::vector<TableState>& states,
                            const ForeignKeyFacts& facts) {
  ForeignKey fk;
  fk.ref_table = facts.ref_table;
  fk.columns = facts.columns;
  bool implicit = false;
  for (const std::optional<std::string>& column : facts.ref_columns) {
    implicit = implicit || !column;
    fk.ref_columns.push_back(column.value_or(""));
  }
  if (implicit) {
    const PrimaryKey* key = primary_key_of(states, fk.ref_table);
    fk.ref_columns = key != nullptr ? key->columns : std::vector<std::string>{};
  }
  auto action = [&](const std::string& name) {
    auto parsed = parse_action(name);
    if (!parsed) {
      throw UnsupportedError("sqlite: table \"" + state.table.name + "\": foreign key action \"" +
                             name + "\" is not known");
    }
    return *parsed;
  };
  fk.on_update = action(facts.on_update);
  fk.on_delete = action(facts.on_delete);
  return fk;
}

// pragma_foreign_key_list numbers foreign keys from the last declared (id 0) to the first, so
// walking ids downwards matches unnamed duplicates to the CREATE TABLE text in order.
void add_foreign_keys(TableState& state, std::vector<bool>& claimed,
                      std::vector<ForeignKey> by_id) {
  for (auto it = by_id.rbegin(); it != by_id.rend(); ++it) {
    ForeignKey fk = std::move(*it);
    const ParsedConstraint* parsed =
        claim(state.parsed, claimed, ParsedConstraint::Kind::ForeignKey, fk.columns, &fk);
    if (parsed != nullptr) fk.deferrable = parsed->deferrable;
    fk.name = parsed != nullptr && !parsed->name.empty()
                  ? parsed->name
                  : naming::foreign_key(state.table.name, fk.columns, fk.ref_table);
    state.table.foreign_keys.push_back(std::move(fk));
  }
}

// Calls `each(first, last)` for each run of rows whose columns 0..width-1 are equal.
template <class Each>
void for_each_group(const std::vector<std::vector<SqlValue>>& rows, std::size_t width, Each each) {
  std::size_t first = 0;
  for (std::size_t r = 1; r <= rows.size(); ++r) {
    bool same = r < rows.size();
    for (std::size_t c = 0; same && c < width; ++c) same = rows[r][c] == rows[first][c];
    if (same) continue;
    each(first, r);
    first = r;
  }
}

// The column and foreign key facts of every table of `states`, in order: from the CREATE
// text and the connection's metadata when `preferred` is Declaration and the driver is a
// SqliteDriver, each table whose text does not line up read from its pragmas instead; from
// the pragmas joined over every table otherwise (two statements, whatever the driver).
std::vector<TableFacts> read_facts(Driver& driver, const std::vector<TableState>& states,
                                   FactSource preferred, std::vector<TableFactSource>* sources) {
  std::vector<TableFacts> facts;
  facts.reserve(states.size());
  auto* sqlite = dynamic_cast<SqliteDriver*>(&driver);
  if (preferred == FactSource::Pragmas || sqlite == nullptr) {
    auto all = pragma_facts_of_all_tables(driver);
    for (const TableState& state : states) {
      facts.push_back(std::move(all[state.table.name]));
      if (sources != nullptr) sources->push_back({state.table.name, FactSource::Pragmas});
    }
    return facts;
  }
  for (const TableState& state : states) {
    std::optional<TableFacts> declared =
        declared_table_facts(sqlite->handle(), state.table.name, state.parsed);
    const FactSource source = declared ? FactSource::Declaration : FactSource::Pragmas;
    facts.push_back(declared ? std::move(*declared) : pragma_table_facts(driver, state.table.name));
    if (sources != nullptr) sources->push_back({state.table.name, source});
  }
  return facts;
}

}  // namespace

Schema introspect_sqlite(Driver& driver) {
  return introspect_sqlite(driver, FactSource::Declaration, nullptr);
}

Schema introspect_sqlite(Driver& driver, FactSource preferred,
                         std::vector<TableFactSource>* sources) {
  std::vector<TableState> states;
  std::unordered_map<std::string, std::size_t> by_name;
  for (const auto& row : driver.query(kTables).rows) {
    TableState& state = states.emplace_back();
    state.table.name = row_text(row, 0);
    state.parsed = parse_create_table(row_text(row, 1));
    by_name.emplace(state.table.name, states.size() - 1);
  }
  // The position in `states` of a row's table; states.size() for an FTS shadow table.
  auto table_of = [&](const std::vector<SqlValue>& row) {
    const auto found = by_name.find(row_text(row, 0));
    return found == by_name.end() ? states.size() : found->second;
  };
  std::vector<TableFacts> facts = read_facts(driver, states, preferred, sources);
  for (std::size_t t = 0; t < states.size(); ++t) {
    for (const ColumnFacts& column : facts[t].columns) add_column(states[t], column);
    finish_columns(states[t]);
    add_checks(states[t]);
  }

  // Which parsed constraints have been matched to an index or foreign key, per table.
  std::vector<std::vector<bool>> claimed;
  for (const TableState& state : states) claimed.emplace_back(state.parsed.constraints.size());

  IndexSql index_sql;
  for (auto& row : driver.query(kIndexSql).rows)
    index_sql.emplace(row_text(row, 0), row_text(row, 1));
  auto index_rows = driver.query(std::string(kStoredTables) + std::string(kIndexes)).rows;
  if (!index_rows.empty()) {
    for_each_group(index_rows, 2, [&](std::size_t first, std::size_t last) {
      const std::size_t t = table_of(index_rows[first]);
      if (t == states.size()) return;
      add_index(states[t], claimed[t], index_sql, index_rows, first, last);
    });
  }

  for (std::size_t t = 0; t < states.size(); ++t) {
    std::vector<ForeignKey> by_id;
    for (const ForeignKeyFacts& fk : facts[t].foreign_keys) {
      by_id.push_back(read_foreign_key(states[t], states, fk));
    }
    add_foreign_keys(states[t], claimed[t], std::move(by_id));
  }

  Schema schema;
  for (TableState& state : states) schema.tables.push_back(std::move(state.table));
  canonicalize(schema);
  return schema;
}

}  // namespace tempest
