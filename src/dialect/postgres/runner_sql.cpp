#include "dialect/postgres/runner_sql.hpp"

#include <cstdint>
#include <string>

#include "dialect/postgres/definitions.hpp"
#include "dialect/postgres/object_names.hpp"

namespace tempest::postgres {

namespace {

constexpr std::string_view kColumns =
    "\"revision\", \"label\", \"applied_at\", \"checksum\", \"execution_ms\", \"steps_done\", "
    "\"down_steps_done\"";

// The advisory lock key of one version table: FNV-1a (64 bits) of "schema.table", so runners
// of different tables (or schemas) of one database do not block each other.
std::int64_t lock_key(const std::string& schema_name, std::string_view table) {
  std::uint64_t hash = 14695981039346656037ULL;
  const std::string text = schema_name + "." + std::string(table);
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return static_cast<std::int64_t>(hash);
}

class PostgresStepExecutor final : public StepExecutor {
 public:
  explicit PostgresStepExecutor(Driver& driver) : driver_(driver) {}

  void begin(std::span<const RenderedStep>) override { driver_.begin(); }
  StepReport run(const RenderedStep& step) override {
    for (const std::string& statement : step.statements) driver_.execute(statement);
    return {};
  }
  void check() override {}  // constraints are checked by the statements (or at COMMIT)
  void commit() override { driver_.commit(); }
  void rollback() noexcept override {
    try {
      if (driver_.in_transaction()) driver_.rollback();
    } catch (...) {  // the connection may be gone; the original error matters
    }
  }
  // Outside a transaction block each statement commits on its own: CREATE INDEX CONCURRENTLY
  // and the like (outside_transaction.hpp) refuse to run in one.
  void run_alone(const RenderedStep& step) override { run(step); }

 private:
  Driver& driver_;
};

}  // namespace

VersionTableSql version_table_statements(const std::string& schema_name, std::string_view table) {
  const std::string name = qualified(schema_name, std::string(table));
  const std::string columns(kColumns);
  VersionTableSql sql;
  sql.exists =
      "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = " + quote_literal(schema_name) +
      " AND tablename = " + quote_literal(stored_name(table));
  sql.create = "CREATE TABLE IF NOT EXISTS " + name +
               " (\n"
               "  \"revision\" text NOT NULL PRIMARY KEY,\n"
               "  \"label\" text NOT NULL,\n"
               "  \"applied_at\" text NOT NULL,\n"
               "  \"checksum\" text NOT NULL,\n"
               "  \"execution_ms\" bigint NOT NULL,\n"
               "  \"steps_done\" integer,\n"
               "  \"down_steps_done\" integer\n"
               ")";
  sql.select_all = "SELECT " + columns + " FROM " + name + " ORDER BY \"applied_at\", \"revision\"";
  sql.select_one = "SELECT " + columns + " FROM " + name + " WHERE \"revision\" = $1";
  sql.insert = "INSERT INTO " + name +
               " (\"revision\", \"label\", \"applied_at\", \"checksum\", \"execution_ms\", "
               "\"steps_done\") VALUES ($1, $2, $3, $4, $5, $6)";
  sql.insert_now = "INSERT INTO " + name +
                   " (\"revision\", \"label\", \"applied_at\", \"checksum\", \"execution_ms\", "
                   "\"steps_done\") VALUES ($1, $2, to_char(clock_timestamp() AT TIME ZONE "
                   "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), $3, 0, $4)";
  sql.set_progress =
      "UPDATE " + name + " SET \"steps_done\" = $2, \"execution_ms\" = $3 WHERE \"revision\" = $1";
  sql.set_down_progress =
      "UPDATE " + name + " SET \"down_steps_done\" = $2 WHERE \"revision\" = $1";
  sql.set_checksum = "UPDATE " + name + " SET \"checksum\" = $2 WHERE \"revision\" = $1";
  sql.remove = "DELETE FROM " + name + " WHERE \"revision\" = $1";
  sql.count_rows = "SELECT count(*) FROM " + name + " WHERE \"revision\" = $1";
  sql.count_complete =
      sql.count_rows + " AND \"steps_done\" IS NULL AND \"down_steps_done\" IS NULL";
  sql.count_steps_done =
      sql.count_rows + " AND \"steps_done\" = $2 AND \"down_steps_done\" IS NULL";
  sql.count_down_steps_done =
      sql.count_rows + " AND \"down_steps_done\" = $2 AND \"steps_done\" IS NULL";
  // A session-level advisory lock (https://www.postgresql.org/docs/15/explicit-locking.html
  // #ADVISORY-LOCKS), held from before the version table is read until the run ends, so that
  // concurrent runners queue instead of applying a migration twice; it is released with the
  // session if the runner dies. It belongs to the server session, not to the client: behind
  // a transaction-pooling proxy (PgBouncer pool_mode = transaction) consecutive statements may
  // run on different server sessions, so the lock is unreliable there. Run migrations over a
  // direct connection or a session-pooled one.
  const std::string key = std::to_string(lock_key(schema_name, table));
  sql.lock = "SELECT pg_advisory_lock(" + key + ")";
  sql.unlock = "SELECT pg_advisory_unlock(" + key + ")";
  return sql;
}

ScriptFrame transaction_frame(std::span<const RenderedStep>) {
  ScriptFrame frame;
  frame.open.push_back("BEGIN");
  frame.close.push_back("COMMIT");
  return frame;
}

std::string script_guard(std::string_view problem, std::string_view count_sql) {
  std::string body = "BEGIN IF (" + std::string(count_sql) +
                     ") <> 0 THEN RAISE EXCEPTION USING MESSAGE = " + quote_literal(problem) +
                     "; END IF; END";
  // The body holds revision names: its dollar quote takes a tag none of them contains.
  std::string tag = "$tempest_guard$";
  for (int n = 1; body.find(tag) != std::string::npos; ++n) {
    tag = "$tempest_guard" + std::to_string(n) + "$";
  }
  return "DO " + tag + " " + body + " " + tag;
}

std::unique_ptr<StepExecutor> make_step_executor(Driver& driver) {
  return std::make_unique<PostgresStepExecutor>(driver);
}

}  // namespace tempest::postgres
