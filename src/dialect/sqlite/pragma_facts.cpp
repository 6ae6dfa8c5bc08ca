// Column and foreign key facts from SQLite's own pragmas: per table with the name bound, or
// for every table at once by joining the pragmas over sqlite_schema. Names are never
// formatted into the SQL.

#include <string_view>

#include "dialect/sqlite/table_facts.hpp"

namespace tempest {

namespace {

using Row = std::vector<SqlValue>;

constexpr std::string_view kTableColumns = R"(
SELECT name, type, "notnull", dflt_value, pk, hidden
FROM pragma_table_xinfo(?1, 'main')
ORDER BY cid)";

constexpr std::string_view kTableForeignKeys = R"(
SELECT id, "table", "from", "to", on_update, on_delete
FROM pragma_foreign_key_list(?1, 'main')
ORDER BY id, seq)";

constexpr std::string_view kAllColumns = R"(
SELECT t.name, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
FROM t JOIN pragma_table_xinfo(t.name, 'main') AS c
ORDER BY t.name, c.cid)";

constexpr std::string_view kAllForeignKeys = R"(
SELECT t.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
FROM t JOIN pragma_foreign_key_list(t.name, 'main') AS f
ORDER BY t.name, f.id, f.seq)";

// A row of kTableColumns, its columns starting at `at` (after the table name in kAllColumns).
ColumnFacts column_facts(const Row& row, std::size_t at) {
  ColumnFacts facts;
  facts.name = row_text(row, at);
  facts.type = row_text(row, at + 1);
  facts.not_null = row_number(row, at + 2) != 0;
  facts.default_text = row[at + 3];
  facts.primary_key = row_number(row, at + 4);
  facts.hidden = row_number(row, at + 5);
  return facts;
}

// Adds a row of kTableForeignKeys (columns from `at`) to `keys`: a new key when `keys` is
// empty or the id differs from the previous row's, else one more column of the same key.
void add_foreign_key_row(std::vector<ForeignKeyFacts>& keys, int& last_id, const Row& row,
                         std::size_t at) {
  const int id = row_number(row, at);
  if (keys.empty() || id != last_id) {
    ForeignKeyFacts& key = keys.emplace_back();
    key.ref_table = row_text(row, at + 1);
    key.on_update = row_text(row, at + 4);
    key.on_delete = row_text(row, at + 5);
    last_id = id;
  }
  keys.back().columns.push_back(row_text(row, at + 2));
  keys.back().ref_columns.push_back(row[at + 3]);
}

}  // namespace

const std::string& row_text(const std::vector<SqlValue>& row, std::size_t i) {
  static const std::string empty;
  return row[i] ? *row[i] : empty;
}

int row_number(const std::vector<SqlValue>& row, std::size_t i) {
  return row[i] ? std::stoi(*row[i]) : 0;
}

TableFacts pragma_table_facts(Driver& driver, const std::string& table) {
  TableFacts facts;
  const std::vector<SqlValue> name = {table};
  for (const Row& row : driver.query(kTableColumns, name).rows) {
    facts.columns.push_back(column_facts(row, 0));
  }
  int last_id = 0;
  for (const Row& row : driver.query(kTableForeignKeys, name).rows) {
    add_foreign_key_row(facts.foreign_keys, last_id, row, 0);
  }
  return facts;
}

std::unordered_map<std::string, TableFacts> pragma_facts_of_all_tables(Driver& driver) {
  std::unordered_map<std::string, TableFacts> facts;
  auto run = [&](std::string_view select) {
    return driver.query(std::string(kStoredTables) + std::string(select)).rows;
  };
  for (const Row& row : run(kAllColumns)) {
    facts[row_text(row, 0)].columns.push_back(column_facts(row, 1));
  }
  // Rows come grouped by table: a table's first row finds its list empty and starts a key.
  int last_id = 0;
  for (const Row& row : run(kAllForeignKeys)) {
    add_foreign_key_row(facts[row_text(row, 0)].foreign_keys, last_id, row, 1);
  }
  return facts;
}

}  // namespace tempest
