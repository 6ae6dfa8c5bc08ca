#include "dialect/sqlite/execute_step.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"

namespace tempest::sqlite {

namespace {

// Violations named in the message; a rebuild breaking thousands of rows needs no list.
constexpr std::size_t kMaxViolationsShown = 10;

std::string quoted_name(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string text(const SqlValue& value) { return value ? *value : "NULL"; }

bool pragma_on(Driver& driver, std::string_view pragma) {
  QueryResult result = driver.query("PRAGMA " + std::string(pragma));
  return !result.rows.empty() && !result.rows[0].empty() && result.rows[0][0] == "1";
}

// The CREATE TRIGGER statements of `table`, in the order they were created: they go with
// the old table and are not in the IR.
std::vector<std::string> table_triggers(Driver& driver, const std::string& table) {
  QueryResult result = driver.query(
      "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1 COLLATE NOCASE "
      "AND sql IS NOT NULL ORDER BY rowid",
      {table});
  std::vector<std::string> triggers;
  for (const auto& row : result.rows) triggers.push_back(text(row[0]));
  return triggers;
}

// `table` and every table with a foreign key to it: the ones a rebuild of `table` can break.
std::vector<std::string> tables_to_check(Driver& driver, const std::string& table) {
  QueryResult result = driver.query(
      "SELECT DISTINCT m.name FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f "
      "WHERE m.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE ORDER BY m.name",
      {table});
  std::vector<std::string> tables{table};
  for (const auto& row : result.rows) {
    if (text(row[0]) != table) tables.push_back(text(row[0]));
  }
  return tables;
}

// "table "c" rowid 3: ("p_id") references "p" ("id"), which has no such row".
std::string describe_violation(Driver& driver, const std::vector<SqlValue>& violation) {
  const std::string child = text(violation[0]);
  const std::string parent = text(violation[2]);
  QueryResult key = driver.query(
      "SELECT \"from\", \"to\" FROM pragma_foreign_key_list(?1) WHERE id = CAST(?2 AS INTEGER) "
      "ORDER BY seq",
      {child, violation[3]});
  std::string from;
  std::string to;
  for (const auto& row : key.rows) {
    from += (from.empty() ? "" : ", ") + quoted_name(text(row[0]));
    to += (to.empty() ? "" : ", ") + (row[1] ? quoted_name(*row[1]) : "its primary key");
  }
  return "table " + quoted_name(child) + " rowid " + text(violation[1]) + ": (" + from +
         ") references " + quoted_name(parent) + " (" + to + "), which has no such row";
}

// PRAGMA foreign_key_check, step 10 of the procedure: throws DatabaseError naming the rows.
void check_foreign_keys(Driver& driver, const std::string& table) {
  std::vector<std::string> shown;
  std::size_t total = 0;
  for (const std::string& checked : tables_to_check(driver, table)) {
    QueryResult result = driver.query(
        "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check(?1)", {checked});
    for (const auto& row : result.rows) {
      if (++total <= kMaxViolationsShown) shown.push_back(describe_violation(driver, row));
    }
  }
  if (total == 0) return;
  std::string message =
      "rebuild of table " + quoted_name(table) + " would break foreign keys, nothing was changed: ";
  for (std::size_t i = 0; i < shown.size(); ++i) message += (i == 0 ? "" : "; ") + shown[i];
  if (total > shown.size()) {
    message += "; and " + std::to_string(total - shown.size()) + " more";
  }
  throw DatabaseError(message, "SQLITE_CONSTRAINT_FOREIGNKEY", "PRAGMA foreign_key_check");
}

// Every view naming `table` still compiles. The rename left views alone, so one reading a
// column the rebuild dropped would only fail when used; SQLite's own DROP COLUMN refuses such
// a change ("error in view"), and so does the rebuild.
void require_working_views(Driver& driver, const std::string& table) {
  QueryResult views = driver.query(
      "SELECT name FROM sqlite_schema WHERE type = 'view' AND instr(lower(sql), lower(?1)) > 0 "
      "ORDER BY rowid",
      {table});
  for (const auto& row : views.rows) {
    (void)driver.query("SELECT * FROM " + quote_ident(text(row[0])) + " LIMIT 0");
  }
}

// The connection's count of rows inserted, updated or deleted since it opened.
std::int64_t total_changes(Driver& driver) {
  QueryResult result = driver.query("SELECT total_changes()");
  return std::stoll(text(result.rows.at(0).at(0)));
}

// Runs the statements of `step`; a rebuild keeps the table's triggers and its views working.
// The report of a rebuild counts the rows copied: the only row changes of its statements,
// since the triggers come back after the copy and foreign keys are off (no cascade).
StepReport run_statements(Driver& driver, const RenderedStep& step) {
  const std::string& table = step.rebuild_table;
  if (table.empty()) {
    for (const std::string& statement : step.statements) driver.execute(statement);
    return {};
  }
  const std::vector<std::string> triggers = table_triggers(driver, table);
  StepReport report;
  try {
    const std::int64_t changes_before = total_changes(driver);
    for (const std::string& statement : step.statements) driver.execute(statement);
    report.rows_copied = total_changes(driver) - changes_before;
    for (const std::string& trigger : triggers) driver.execute(trigger);
    require_working_views(driver, table);
  } catch (const DatabaseError& e) {
    throw DatabaseError(
        "rebuild of table " + quoted_name(table) + " failed, nothing was changed: " + e.what(),
        e.code(), e.statement());
  }
  return report;
}

bool any_rebuild(std::span<const RenderedStep> steps) {
  for (const RenderedStep& step : steps) {
    if (step.foreign_keys_off || !step.rebuild_table.empty()) return true;
  }
  return false;
}

class SqliteStepExecutor final : public StepExecutor {
 public:
  explicit SqliteStepExecutor(Driver& driver) : driver_(driver) {}

  void begin(std::span<const RenderedStep> steps) override {
    rebuilt_.clear();
    restore_foreign_keys_ = false;
    restore_legacy_ = std::nullopt;
    if (any_rebuild(steps)) {
      // A connection setting, not rolled back with the transaction: put back as found.
      restore_legacy_ = pragma_on(driver_, "legacy_alter_table");
      if (pragma_on(driver_, "foreign_keys")) {
        if (driver_.in_transaction()) throw inside_transaction(steps);
        driver_.execute("PRAGMA foreign_keys = OFF");
        restore_foreign_keys_ = true;
      }
    }
    try {
      driver_.begin();
    } catch (...) {
      restore();
      throw;
    }
  }

  // A rebuilt table is remembered by its root page, which a later RENAME in the same
  // transaction keeps: check() then finds it under its new name, or not at all once dropped.
  StepReport run(const RenderedStep& step) override {
    StepReport report = run_statements(driver_, step);
    if (step.rebuild_table.empty()) return report;
    QueryResult root = driver_.query(
        "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE",
        {step.rebuild_table});
    if (!root.rows.empty()) rebuilt_.push_back(text(root.rows[0][0]));
    return report;
  }

  // Only when enforcement was on: a database that never enforced its foreign keys may hold
  // violations the rebuild did not cause.
  void check() override {
    if (!restore_foreign_keys_) return;
    std::vector<std::string> checked;
    for (const std::string& root : rebuilt_) {
      QueryResult now = driver_.query(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage = CAST(?1 AS INTEGER)",
          {root});
      if (now.rows.empty()) continue;  // dropped after its rebuild
      const std::string table = text(now.rows[0][0]);
      if (std::find(checked.begin(), checked.end(), table) != checked.end()) continue;
      checked.push_back(table);
      check_foreign_keys(driver_, table);
    }
  }

  void commit() override {
    driver_.commit();
    restore();
  }

  void rollback() noexcept override {
    try {
      driver_.rollback();
    } catch (...) {  // SQLite may have rolled back already; the original error matters
    }
    try {
      restore();
    } catch (...) {
    }
  }

  void run_alone(const RenderedStep& step) override {
    for (const std::string& statement : step.statements) driver_.execute(statement);
  }

 private:
  static DatabaseError inside_transaction(std::span<const RenderedStep> steps) {
    std::string description;
    for (const RenderedStep& step : steps) {
      if (step.foreign_keys_off) description = step.description;
    }
    return DatabaseError("step \"" + description +
                             "\" must run outside a transaction: PRAGMA foreign_keys = OFF has "
                             "no effect inside one, and the rebuild would cascade to child rows",
                         "SQLITE_MISUSE", "PRAGMA foreign_keys = OFF");
  }

  void restore() {
    if (restore_legacy_) {
      driver_.execute(*restore_legacy_ ? "PRAGMA legacy_alter_table = ON"
                                       : "PRAGMA legacy_alter_table = OFF");
      restore_legacy_ = std::nullopt;
    }
    if (restore_foreign_keys_) {
      driver_.execute("PRAGMA foreign_keys = ON");
      restore_foreign_keys_ = false;
    }
  }

  Driver& driver_;
  std::vector<std::string> rebuilt_;  // root pages of the tables rebuilt
  bool restore_foreign_keys_ = false;
  std::optional<bool> restore_legacy_;
};

// Inside the caller's transaction: a savepoint, and no foreign key switch (see begin()).
void execute_in_savepoint(Driver& driver, const RenderedStep& step) {
  if (step.foreign_keys_off && pragma_on(driver, "foreign_keys")) {
    throw DatabaseError("step \"" + step.description +
                            "\" must run outside a transaction: PRAGMA foreign_keys = OFF has "
                            "no effect inside one, and the rebuild would cascade to child rows",
                        "SQLITE_MISUSE", "PRAGMA foreign_keys = OFF");
  }
  const bool legacy = !step.rebuild_table.empty() && pragma_on(driver, "legacy_alter_table");
  driver.execute("SAVEPOINT tempest_step");
  try {
    (void)run_statements(driver, step);
    driver.execute("RELEASE tempest_step");
  } catch (...) {
    try {
      driver.execute("ROLLBACK TO tempest_step; RELEASE tempest_step");
    } catch (...) {  // the original error matters more
    }
    try {
      if (legacy) driver.execute("PRAGMA legacy_alter_table = ON");
    } catch (...) {
    }
    throw;
  }
  if (legacy) driver.execute("PRAGMA legacy_alter_table = ON");
}

}  // namespace

std::unique_ptr<StepExecutor> make_step_executor(Driver& driver) {
  return std::make_unique<SqliteStepExecutor>(driver);
}

void execute_step(Driver& driver, const RenderedStep& step) {
  if (!step.transactional) {
    for (const std::string& statement : step.statements) driver.execute(statement);
    return;
  }
  if (driver.in_transaction()) {
    execute_in_savepoint(driver, step);
    return;
  }
  SqliteStepExecutor executor(driver);
  const std::span<const RenderedStep> steps(&step, 1);
  executor.begin(steps);
  try {
    executor.run(step);
    executor.check();
    executor.commit();
  } catch (...) {
    executor.rollback();
    throw;
  }
}

}  // namespace tempest::sqlite
