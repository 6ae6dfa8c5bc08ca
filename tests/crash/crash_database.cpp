#include "crash_database.hpp"

#include <postgresql/libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "support/pg_cluster.hpp"
#include "tempest/postgres.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {

namespace {

constexpr const char* kMigratorApplication = "tempest_crash_migrator";

std::vector<std::string> first_column(Driver& driver, const std::string& sql) {
  std::vector<std::string> out;
  for (const auto& row : driver.query(sql).rows) out.push_back(row.at(0).value_or("NULL"));
  return out;
}

// A directory for the database files, removed with them by the destructor. SIGKILL is a
// process crash, not a power cut: what reached the kernel survives it whether or not it was
// synced, so the files go to /dev/shm when there is one, where fsync() costs nothing (on a
// disk, the syncs of its 40 commits about double the time of an upgrade of the history).
class DatabaseDir {
 public:
  DatabaseDir() {
    std::error_code error;
    const std::filesystem::path shm = "/dev/shm";
    const std::filesystem::path base =
        std::filesystem::is_directory(shm, error) ? shm : std::filesystem::temp_directory_path();
    path_ = base / ("tempest_crash_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_, error);
    std::filesystem::create_directories(path_);
  }
  ~DatabaseDir() {
    std::error_code ignored;  // never throw from a destructor
    std::filesystem::remove_all(path_, ignored);
  }
  DatabaseDir(const DatabaseDir&) = delete;
  DatabaseDir& operator=(const DatabaseDir&) = delete;

  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

class SqliteCrashDatabase final : public CrashDatabase {
 public:
  SqliteCrashDatabase() { reset(); }

  const Dialect& dialect() const override { return sqlite_dialect(); }
  std::unique_ptr<Driver> connect_migrator() const override { return SqliteDriver::open(path_); }
  std::unique_ptr<Driver> connect() const override { return SqliteDriver::open(path_); }
  void wait_for_migrators_gone(Driver&) const override {}

  // A new file per cycle: removing the old one with its journal is all a reset needs.
  void reset() override {
    if (!path_.empty()) {
      for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        std::filesystem::remove(path_ + suffix);
      }
    }
    path_ = dir_.file("app_" + std::to_string(++generation_) + ".db");
  }

  std::vector<std::string> leftovers(Driver& checker) const override {
    return first_column(checker,
                        "SELECT name FROM sqlite_schema WHERE name LIKE '\\_tempest\\_new\\_%' "
                        "ESCAPE '\\' ORDER BY name");
  }

  RowsDigest digest_rows(Driver& checker, const std::string& select) const override {
    sqlite3* db = dynamic_cast<SqliteDriver&>(checker).handle();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, select.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db) + " in " + select);
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    const int columns = sqlite3_column_count(raw);
    RowsDigest digest;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(raw)) == SQLITE_ROW) {
      for (int i = 0; i < columns; ++i) {
        if (sqlite3_column_type(raw, i) == SQLITE_NULL) {
          digest.null();
          continue;
        }
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, i));
        digest.value({text, static_cast<std::size_t>(sqlite3_column_bytes(raw, i))});
      }
      digest.end_row();
    }
    if (step != SQLITE_DONE) {
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db) + " in " + select);
    }
    return digest;
  }

  std::vector<std::string> consistency_problems(Driver& checker) const override {
    std::vector<std::string> problems;
    for (const std::string& line : first_column(checker, "PRAGMA integrity_check")) {
      if (line != "ok") problems.push_back("integrity_check: " + line);
    }
    for (const auto& row : checker.query("PRAGMA foreign_key_check").rows) {
      problems.push_back("foreign_key_check: table " + row.at(0).value_or("NULL") + " rowid " +
                         row.at(1).value_or("NULL") + " references " + row.at(2).value_or("NULL"));
    }
    return problems;
  }

 private:
  DatabaseDir dir_;
  std::string path_;
  int generation_ = 0;
};

class PostgresCrashDatabase final : public CrashDatabase {
 public:
  const Dialect& dialect() const override { return postgres_dialect(); }

  std::unique_ptr<Driver> connect_migrator() const override {
    const std::string& url = database_.url();
    return PostgresDriver::connect(url + (url.find('?') == std::string::npos ? "?" : "&") +
                                   "application_name=" + kMigratorApplication);
  }
  std::unique_ptr<Driver> connect() const override {
    return PostgresDriver::connect(database_.url());
  }

  void wait_for_migrators_gone(Driver& checker) const override {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (true) {
      const QueryResult sessions = checker.query(
          "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
          "application_name = $1",
          {std::string(kMigratorApplication)});
      if (sessions.rows.at(0).at(0) == "0") return;
      if (std::chrono::steady_clock::now() > deadline) {
        throw std::runtime_error(
            "the server session of a killed migrator is still alive "
            "after 30 s in database " +
            database_.name());
      }
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
  }

  void reset() override {
    database_.driver().execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  }

  std::vector<std::string> leftovers(Driver& checker) const override {
    return first_column(checker,
                        "SELECT t.typname FROM pg_type AS t JOIN pg_namespace AS n ON n.oid = "
                        "t.typnamespace WHERE n.nspname = 'public' AND t.typname LIKE "
                        "'tempest\\_old\\_%' ORDER BY 1");
  }

  RowsDigest digest_rows(Driver& checker, const std::string& select) const override {
    PGconn* connection = dynamic_cast<PostgresDriver&>(checker).handle();
    const std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(connection, select.c_str()),
                                                                PQclear);
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
      throw std::runtime_error(std::string("postgresql: ") + PQerrorMessage(connection) + " in " +
                               select);
    }
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    RowsDigest digest;
    for (int row = 0; row < rows; ++row) {
      for (int i = 0; i < columns; ++i) {
        if (PQgetisnull(result.get(), row, i) != 0) {
          digest.null();
        } else {
          digest.value({PQgetvalue(result.get(), row, i),
                        static_cast<std::size_t>(PQgetlength(result.get(), row, i))});
        }
      }
      digest.end_row();
    }
    return digest;
  }

  std::vector<std::string> consistency_problems(Driver& checker) const override {
    std::vector<std::string> problems;
    for (const std::string& lock :
         first_column(checker,
                      "SELECT objid::text FROM pg_locks WHERE locktype = 'advisory' AND "
                      "database = (SELECT oid FROM pg_database WHERE datname = "
                      "current_database())")) {
      problems.push_back("advisory lock still held: " + lock);
    }
    for (const std::string& gid : first_column(checker, "SELECT gid FROM pg_prepared_xacts")) {
      problems.push_back("prepared transaction left: " + gid);
    }
    for (const std::string& index : first_column(
             checker, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")) {
      problems.push_back("invalid index: " + index);
    }
    return problems;
  }

 private:
  TempPgDatabase database_;
};

}  // namespace

std::unique_ptr<CrashDatabase> crash_database(Engine engine) {
  if (engine == Engine::Sqlite) return std::make_unique<SqliteCrashDatabase>();
  return std::make_unique<PostgresCrashDatabase>();
}

}  // namespace tempest::testing
