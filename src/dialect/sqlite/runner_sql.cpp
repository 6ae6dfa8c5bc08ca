#include "dialect/sqlite/runner_sql.hpp"

#include <string>
#include <utility>

namespace tempest::sqlite {

namespace {

constexpr std::string_view kColumns =
    "\"revision\", \"label\", \"applied_at\", \"checksum\", \"execution_ms\", \"steps_done\", "
    "\"down_steps_done\"";

bool any_rebuild(std::span<const RenderedStep> steps) {
  for (const RenderedStep& step : steps) {
    if (step.foreign_keys_off) return true;
  }
  return false;
}

}  // namespace

VersionTableSql version_table_statements(std::string_view table) {
  const std::string name = quote_ident(table);
  const std::string columns(kColumns);
  VersionTableSql sql;
  // Table names compare case-insensitively in SQLite.
  sql.exists =
      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = " + quote_literal(table) +
      " COLLATE NOCASE";
  sql.create = "CREATE TABLE IF NOT EXISTS " + name +
               " (\n"
               "  \"revision\" text NOT NULL PRIMARY KEY,\n"
               "  \"label\" text NOT NULL,\n"
               "  \"applied_at\" text NOT NULL,\n"
               "  \"checksum\" text NOT NULL,\n"
               "  \"execution_ms\" integer NOT NULL,\n"
               "  \"steps_done\" integer,\n"
               "  \"down_steps_done\" integer\n"
               ")";
  sql.select_all = "SELECT " + columns + " FROM " + name + " ORDER BY \"applied_at\", \"revision\"";
  sql.select_one = "SELECT " + columns + " FROM " + name + " WHERE \"revision\" = ?1";
  sql.insert = "INSERT INTO " + name +
               " (\"revision\", \"label\", \"applied_at\", \"checksum\", \"execution_ms\", "
               "\"steps_done\") VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  sql.insert_now = "INSERT INTO " + name +
                   " (\"revision\", \"label\", \"applied_at\", \"checksum\", \"execution_ms\", "
                   "\"steps_done\") VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?3, "
                   "0, ?4)";
  sql.set_progress =
      "UPDATE " + name + " SET \"steps_done\" = ?2, \"execution_ms\" = ?3 WHERE \"revision\" = ?1";
  sql.set_down_progress =
      "UPDATE " + name + " SET \"down_steps_done\" = ?2 WHERE \"revision\" = ?1";
  sql.set_checksum = "UPDATE " + name + " SET \"checksum\" = ?2 WHERE \"revision\" = ?1";
  sql.remove = "DELETE FROM " + name + " WHERE \"revision\" = ?1";
  sql.count_rows = "SELECT count(*) FROM " + name + " WHERE \"revision\" = ?1";
  sql.count_complete =
      sql.count_rows + " AND \"steps_done\" IS NULL AND \"down_steps_done\" IS NULL";
  sql.count_steps_done =
      sql.count_rows + " AND \"steps_done\" = ?2 AND \"down_steps_done\" IS NULL";
  sql.count_down_steps_done =
      sql.count_rows + " AND \"down_steps_done\" = ?2 AND \"steps_done\" IS NULL";
  // No session lock: each migration's BEGIN IMMEDIATE takes the database's write lock, and the
  // runner re-reads the version row inside that transaction.
  return sql;
}

// As the executor does online (execute_step.hpp), except that the shell cannot restore the
// pragma to what it was: the prologue switched enforcement on, as the driver does at open.
// PRAGMA foreign_key_check lists violations but does not stop a shell script.
ScriptFrame transaction_frame(std::span<const RenderedStep> steps) {
  ScriptFrame frame;
  const bool rebuild = any_rebuild(steps);
  if (rebuild) frame.open.push_back("PRAGMA foreign_keys = OFF");
  frame.open.push_back("BEGIN IMMEDIATE");
  if (rebuild) {
    // The pragma lists the rows whose parent is missing; the guard makes them stop the script,
    // as they stop the online run, instead of being printed and committed.
    frame.check.push_back("PRAGMA foreign_key_check");
    for (std::string& sql :
         script_guard("rows whose foreign keys have no parent row (listed above by "
                      "PRAGMA foreign_key_check) after rebuilding a table",
                      "SELECT count(*) FROM pragma_foreign_key_check")) {
      frame.check.push_back(std::move(sql));
    }
  }
  frame.close.push_back("COMMIT");
  if (rebuild) frame.close.push_back("PRAGMA foreign_keys = ON");
  return frame;
}

std::vector<std::string> script_guard(std::string_view problem, std::string_view count_sql) {
  const std::string guard = "temp." + quote_ident("tempest_script_guard");
  return {"CREATE TABLE " + guard + " (\"found\" integer CONSTRAINT " + quote_ident(problem) +
              " CHECK (\"found\" = 0))",
          "INSERT INTO " + guard + " " + std::string(count_sql), "DROP TABLE " + guard};
}

// SqliteDriver::open switches enforcement on (https://sqlite.org/foreignkeys.html#fk_enable);
// the sqlite3 shell leaves it off.
std::vector<std::string> script_prologue_statements() { return {"PRAGMA foreign_keys = ON"}; }

}  // namespace tempest::sqlite
