// Column and foreign key facts without a statement per table: SQLite's pragmas prepare a
// PRAGMA statement on every call (some 7 us each), while the CREATE TABLE text is parsed
// anyway and sqlite3_table_column_metadata reads the connection's schema directly.

#include <sqlite3.h>

#include "dialect/sqlite/table_facts.hpp"
#include "schema/sql_keywords.hpp"

namespace tempest {

namespace {

// pragma_table_xinfo's pk for every declared column: its 1-based position in the primary key
// (the first, should the key list it twice), 0 when not in it. nullopt when the table
// declares several primary keys or a key column names no declared column.
std::optional<std::vector<int>> key_positions(const ParsedCreateTable& parsed) {
  std::vector<int> positions(parsed.columns.size(), 0);
  bool seen = false;
  for (const ParsedConstraint& c : parsed.constraints) {
    if (c.kind != ParsedConstraint::Kind::PrimaryKey) continue;
    if (seen) return std::nullopt;
    seen = true;
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
      std::optional<std::size_t> column = find_declared_column(parsed, c.columns[i]);
      if (!column) return std::nullopt;
      if (positions[*column] == 0) positions[*column] = static_cast<int>(i) + 1;
    }
  }
  return positions;
}

// The column's facts, nullopt when SQLite does not know the column or disagrees with the
// parsed primary key.
std::optional<ColumnFacts> column_facts(sqlite3* db, const std::string& table,
                                        const ParsedCreateTable& parsed, std::size_t column,
                                        int key_position) {
  const ParsedColumn& details = parsed.column_details[column];
  if (details.generated) return std::nullopt;
  ColumnFacts facts;
  facts.name = parsed.columns[column];
  if (find_declared_column(parsed, facts.name) != column) return std::nullopt;  // duplicate
  const char* type = nullptr;
  const char* collation = nullptr;
  int not_null = 0;
  int in_key = 0;
  int autoincrement = 0;
  // The type as SQLite stored it (dequoted, standard names upper-cased, an absorbed
  // "GENERATED ALWAYS" removed), and NOT NULL including the implied one of WITHOUT ROWID key
  // columns: https://sqlite.org/c3ref/table_column_metadata.html
  if (sqlite3_table_column_metadata(db, "main", table.c_str(), facts.name.c_str(), &type,
                                    &collation, &not_null, &in_key, &autoincrement) != SQLITE_OK) {
    return std::nullopt;
  }
  facts.type = type != nullptr ? type : "";
  facts.not_null = not_null != 0;
  facts.default_text = details.default_text;
  facts.primary_key = key_position;
  if ((key_position > 0) != (in_key != 0)) return std::nullopt;
  return facts;
}

// The foreign key's facts, nullopt when a child column names no declared column or the
// referenced columns do not pair with the child ones.
std::optional<ForeignKeyFacts> foreign_key_facts(const ParsedCreateTable& parsed,
                                                 const ParsedConstraint& fk) {
  if (fk.columns.empty() || fk.ref_table.empty() ||
      (!fk.ref_columns.empty() && fk.ref_columns.size() != fk.columns.size())) {
    return std::nullopt;
  }
  ForeignKeyFacts facts;
  facts.ref_table = fk.ref_table;
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    std::optional<std::size_t> column = find_declared_column(parsed, fk.columns[i]);
    if (!column) return std::nullopt;
    facts.columns.push_back(parsed.columns[*column]);
    facts.ref_columns.push_back(fk.ref_columns.empty() ? std::nullopt
                                                       : std::optional(fk.ref_columns[i]));
  }
  facts.on_update = foreign_key_action_sql(fk.on_update);
  facts.on_delete = foreign_key_action_sql(fk.on_delete);
  return facts;
}

}  // namespace

std::optional<TableFacts> declared_table_facts(sqlite3* db, const std::string& table,
                                               const ParsedCreateTable& parsed) {
  if (!parsed.understood || parsed.columns.empty() ||
      parsed.column_details.size() != parsed.columns.size()) {
    return std::nullopt;
  }
  std::optional<std::vector<int>> positions = key_positions(parsed);
  if (!positions) return std::nullopt;
  TableFacts facts;
  for (std::size_t i = 0; i < parsed.columns.size(); ++i) {
    std::optional<ColumnFacts> column = column_facts(db, table, parsed, i, (*positions)[i]);
    if (!column) return std::nullopt;
    facts.columns.push_back(std::move(*column));
  }
  // SQLite lists foreign keys from the last declared (id 0) to the first.
  for (auto it = parsed.constraints.rbegin(); it != parsed.constraints.rend(); ++it) {
    if (it->kind != ParsedConstraint::Kind::ForeignKey) continue;
    std::optional<ForeignKeyFacts> fk = foreign_key_facts(parsed, *it);
    if (!fk) return std::nullopt;
    facts.foreign_keys.push_back(std::move(*fk));
  }
  return facts;
}

}  // namespace tempest
