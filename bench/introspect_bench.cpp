// Live introspection of a 1,000-table database (8 columns, 2 indexes and a foreign key per
// table), goals SQLite < 100 ms and PostgreSQL < 500 ms. Each iteration opens a connection and
// introspects, as `tempest inspect` does; the *_open_connection cases reuse one connection.
//   build/release/bench/tempest_bench --benchmark_filter=introspect
// The PostgreSQL cases need a server: TEMPEST_BENCH_PG_URL=postgresql://... (bench/run-all
// starts a throwaway cluster). They work in a schema of their own and drop it afterwards.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "synthetic_schema.hpp"
#include "tempest/dialect.hpp"
#include "tempest/postgres.hpp"
#include "tempest/sqlite.hpp"

namespace {

using namespace tempest;

constexpr int kTables = 1000;
// Steps per transaction while creating the tables: one PostgreSQL transaction for all of them
// would hold a lock per table and index, past max_locks_per_transaction.
constexpr std::size_t kStepsPerTransaction = 200;

void run_steps(Driver& driver, const std::vector<RenderedStep>& steps) {
  for (std::size_t first = 0; first < steps.size(); first += kStepsPerTransaction) {
    Transaction transaction(driver);
    for (std::size_t i = first; i < steps.size() && i < first + kStepsPerTransaction; ++i) {
      for (const std::string& statement : steps[i].statements) driver.execute(statement);
    }
    transaction.commit();
  }
}

// False, after reporting the error, when the introspected schema is not the one created.
bool check_size(benchmark::State& state, const Schema& schema) {
  if (schema.tables.size() == static_cast<std::size_t>(kTables)) return true;
  state.SkipWithError(("introspection found " + std::to_string(schema.tables.size()) +
                       " tables, expected " + std::to_string(kTables))
                          .c_str());
  return false;
}

// A database file with the synthetic schema, in a directory of its own, removed at the end.
class SqliteFixture {
 public:
  SqliteFixture() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tempest-introspect-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    path_ = (dir_ / "bench.db").string();
    std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(path_);
    run_steps(*driver, render_schema(sqlite_dialect(), bench::synthetic_schema(kTables)));
  }
  SqliteFixture(const SqliteFixture&) = delete;
  SqliteFixture& operator=(const SqliteFixture&) = delete;
  ~SqliteFixture() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

void introspect_sqlite_1000(benchmark::State& state) {
  SqliteFixture fixture;
  for (auto _ : state) {
    std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(fixture.path());
    Schema schema = sqlite_dialect().introspect(*driver);
    if (!check_size(state, schema)) break;
    benchmark::DoNotOptimize(schema);
  }
  state.counters["tables"] = kTables;
}
BENCHMARK(introspect_sqlite_1000)->Unit(benchmark::kMillisecond);

void introspect_sqlite_1000_open_connection(benchmark::State& state) {
  SqliteFixture fixture;
  std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(fixture.path());
  for (auto _ : state) {
    Schema schema = sqlite_dialect().introspect(*driver);
    if (!check_size(state, schema)) break;
    benchmark::DoNotOptimize(schema);
  }
  state.counters["tables"] = kTables;
}
BENCHMARK(introspect_sqlite_1000_open_connection)->Unit(benchmark::kMillisecond);

// The synthetic schema in the PostgreSQL schema "tempest_bench_<pid>", dropped at the end.
class PostgresFixture {
 public:
  explicit PostgresFixture(std::string url)
      : url_(std::move(url)),
        schema_("tempest_bench_" + std::to_string(getpid())),
        dialect_(make_postgres_dialect(schema_)),
        driver_(PostgresDriver::connect(url_)) {
    drop();  // left over from an interrupted run with the same pid
    driver_->execute("CREATE SCHEMA " + quote_ident(schema_));
    run_steps(*driver_, render_schema(*dialect_, bench::synthetic_schema(kTables)));
  }
  PostgresFixture(const PostgresFixture&) = delete;
  PostgresFixture& operator=(const PostgresFixture&) = delete;
  ~PostgresFixture() {
    try {
      drop();
    } catch (const std::exception&) {  // a throwaway cluster; nothing better to do here
    }
  }
  [[nodiscard]] const std::string& url() const { return url_; }
  [[nodiscard]] const Dialect& dialect() const { return *dialect_; }
  [[nodiscard]] Driver& driver() { return *driver_; }

 private:
  // Table by table in batches, then the schema: DROP SCHEMA ... CASCADE alone would lock
  // every table and index in one transaction.
  void drop() {
    QueryResult tables = driver_->query(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = $1", {schema_});
    for (std::size_t first = 0; first < tables.rows.size(); first += 100) {
      std::string sql = "DROP TABLE ";
      for (std::size_t i = first; i < tables.rows.size() && i < first + 100; ++i) {
        sql += (i == first ? "" : ", ") + quote_ident(schema_) + "." +
               quote_ident(tables.rows[i][0].value_or(""));
      }
      driver_->execute(sql + " CASCADE");
    }
    driver_->execute("DROP SCHEMA IF EXISTS " + quote_ident(schema_) + " CASCADE");
  }

  std::string url_;
  std::string schema_;
  std::unique_ptr<Dialect> dialect_;
  std::unique_ptr<PostgresDriver> driver_;
};

// The fixture, or nullptr after reporting why there is none.
std::unique_ptr<PostgresFixture> postgres_fixture(benchmark::State& state) {
  const char* url = std::getenv("TEMPEST_BENCH_PG_URL");
  if (url == nullptr || *url == '\0') {
    state.SkipWithError(
        "TEMPEST_BENCH_PG_URL is not set: give a PostgreSQL URL "
        "(postgresql://user@host:port/db), or run bench/run-all, which starts a throwaway "
        "cluster");
    return nullptr;
  }
  try {
    return std::make_unique<PostgresFixture>(url);
  } catch (const std::exception& e) {
    state.SkipWithError((std::string("PostgreSQL setup failed: ") + e.what()).c_str());
    return nullptr;
  }
}

void introspect_postgres_1000(benchmark::State& state) {
  std::unique_ptr<PostgresFixture> fixture = postgres_fixture(state);
  if (!fixture) {
    for (auto _ : state) {  // does not run after SkipWithError
    }
    return;
  }
  for (auto _ : state) {
    std::unique_ptr<PostgresDriver> driver = PostgresDriver::connect(fixture->url());
    Schema schema = fixture->dialect().introspect(*driver);
    if (!check_size(state, schema)) break;
    benchmark::DoNotOptimize(schema);
  }
  state.counters["tables"] = kTables;
}
BENCHMARK(introspect_postgres_1000)->Unit(benchmark::kMillisecond);

void introspect_postgres_1000_open_connection(benchmark::State& state) {
  std::unique_ptr<PostgresFixture> fixture = postgres_fixture(state);
  if (!fixture) {
    for (auto _ : state) {  // does not run after SkipWithError
    }
    return;
  }
  for (auto _ : state) {
    Schema schema = fixture->dialect().introspect(fixture->driver());
    if (!check_size(state, schema)) break;
    benchmark::DoNotOptimize(schema);
  }
  state.counters["tables"] = kTables;
}
BENCHMARK(introspect_postgres_1000_open_connection)->Unit(benchmark::kMillisecond);

}  // namespace
