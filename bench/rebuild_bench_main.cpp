// The SQLite table rebuild against the same statements in the sqlite3 shell (goal
// <= 1.10x). bench/rebuild-vs-sqlite3 drives it:
//   tempest_rebuild_bench prepare DB ROWS   creates DB: items (ROWS rows, two indexes) and
//                                           item_events (ROWS / 5 rows, FK to items, cascade)
//   tempest_rebuild_bench script DB         prints the rebuild as a script for the sqlite3 shell
//   tempest_rebuild_bench run DB            performs the rebuild and prints its timings
// The change is an AlterColumn making items.qty NOT NULL, which SQLite's ALTER TABLE cannot
// do: the dialect renders a rebuild (new table, copy, drop, rename, indexes), run by the same
// executor as the migration runner's, sqlite::execute_step.

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "dialect/sqlite/execute_step.hpp"
#include "tempest/dialect.hpp"
#include "tempest/error.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"
#include "tempest/sqlite.hpp"

namespace {

using namespace tempest;
using Clock = std::chrono::steady_clock;

Column column(std::string name, TypeKind kind, bool nullable) {
  Column c;
  c.name = std::move(name);
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

Table items_table() {
  Table t;
  t.name = "items";
  Column id = column("id", TypeKind::Int64, false);
  id.identity = Identity::ByDefault;  // INTEGER PRIMARY KEY: the rowid
  t.columns.push_back(id);
  Column sku = column("sku", TypeKind::Varchar, false);
  sku.type.length = 32;
  t.columns.push_back(sku);
  t.columns.push_back(column("name", TypeKind::Text, false));
  Column price = column("price", TypeKind::Numeric, false);
  price.type.precision = 10;
  price.type.scale = 2;
  t.columns.push_back(price);
  t.columns.push_back(column("qty", TypeKind::Int32, true));
  Column created = column("created_at", TypeKind::TimestampTz, false);
  created.default_value = ColumnDefault{DefaultKind::Expression, "CURRENT_TIMESTAMP"};
  t.columns.push_back(created);
  t.columns.push_back(column("note", TypeKind::Text, true));
  t.primary_key = PrimaryKey{"pk_items", {"id"}};
  t.indexes.push_back(Index{"ix_items_name", {{"name", "", false}}, false, ""});
  t.indexes.push_back(Index{"ix_items_sku", {{"sku", "", false}}, true, ""});
  return t;
}

Table item_events_table() {
  Table t;
  t.name = "item_events";
  Column id = column("id", TypeKind::Int64, false);
  id.identity = Identity::ByDefault;
  t.columns.push_back(id);
  t.columns.push_back(column("item_id", TypeKind::Int64, false));
  t.columns.push_back(column("kind", TypeKind::Text, false));
  t.primary_key = PrimaryKey{"pk_item_events", {"id"}};
  t.indexes.push_back(Index{"ix_item_events_item_id", {{"item_id", "", false}}, false, ""});
  ForeignKey fk;
  fk.name = "fk_item_events_item";
  fk.columns = {"item_id"};
  fk.ref_table = "items";
  fk.ref_columns = {"id"};
  fk.on_delete = ForeignKeyAction::Cascade;  // what a rebuild with foreign keys on would fire
  t.foreign_keys.push_back(fk);
  return t;
}

void prepare(const std::string& path, long rows) {
  Schema schema;
  schema.tables = {items_table(), item_events_table()};
  canonicalize(schema);
  std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(path);
  Transaction transaction(*driver);
  for (const RenderedStep& step : render_schema(sqlite_dialect(), schema)) {
    for (const std::string& statement : step.statements) driver->execute(statement);
  }
  const std::string n = std::to_string(rows);
  driver->execute(
      "INSERT INTO items (id, sku, name, price, qty, created_at, note) "
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
      n +
      ") SELECT i, 'SKU-' || i, 'item ' || (i * 7919 % 1000003), (i % 100000) / 100.0, i % 50, "
      "'2024-01-01 00:00:00+00', CASE WHEN i % 3 = 0 THEN NULL ELSE 'note ' || i END FROM n");
  driver->execute(
      "INSERT INTO item_events (item_id, kind) "
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
      std::to_string(rows / 5) + ") SELECT (i * 13) % " + n +
      " + 1, CASE i % 3 WHEN 0 THEN 'sold' WHEN 1 THEN 'moved' ELSE 'counted' END FROM n");
  transaction.commit();
}

// The migration: items.qty becomes NOT NULL, planned from the live schema.
std::vector<RenderedStep> plan(Driver& driver) {
  const Schema before = sqlite_dialect().introspect(driver);
  const Table* items = find_table(before, "items");
  const Column* qty = items == nullptr ? nullptr : find_column(*items, "qty");
  if (qty == nullptr) throw ModelError("table \"items\": column \"qty\" not found; run prepare");
  Column to = *qty;
  to.nullable = false;
  return sqlite_dialect().render({AlterColumn{"items", *qty, to}}, before);
}

// The statements of `steps` in one script, framed as the executor runs them: foreign keys
// off around the transaction of a rebuild, BEGIN IMMEDIATE, foreign_key_check before COMMIT.
void print_script(const std::vector<RenderedStep>& steps) {
  for (const RenderedStep& step : steps) {
    std::cout << "-- " << step.description << "\n";
    if (step.foreign_keys_off) std::cout << "PRAGMA foreign_keys = OFF;\n";
    std::cout << "BEGIN IMMEDIATE;\n";
    for (const std::string& statement : step.statements) std::cout << statement << ";\n";
    if (step.foreign_keys_off) std::cout << "PRAGMA foreign_key_check;\n";
    std::cout << "COMMIT;\n";
    if (step.foreign_keys_off) std::cout << "PRAGMA foreign_keys = ON;\n";
  }
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Prints "total_ms=... plan_ms=... execute_ms=... steps=N": total from open to the end.
void run(const std::string& path) {
  const Clock::time_point start = Clock::now();
  std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(path);
  std::vector<RenderedStep> steps = plan(*driver);
  const double plan_ms = ms_since(start);
  const Clock::time_point execute_start = Clock::now();
  for (const RenderedStep& step : steps) sqlite::execute_step(*driver, step);
  const double execute_ms = ms_since(execute_start);
  std::printf("total_ms=%.1f plan_ms=%.1f execute_ms=%.1f steps=%zu\n", ms_since(start), plan_ms,
              execute_ms, steps.size());
}

int usage() {
  std::cerr << "usage: tempest_rebuild_bench prepare DB ROWS | script DB | run DB\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string command = argv[1];
  const std::string path = argv[2];
  try {
    if (command == "prepare" && argc == 4) {
      prepare(path, std::stol(argv[3]));
    } else if (command == "script" && argc == 3) {
      std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(path);
      print_script(plan(*driver));
    } else if (command == "run" && argc == 3) {
      run(path);
    } else {
      return usage();
    }
  } catch (const std::exception& e) {
    std::cerr << "tempest_rebuild_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
