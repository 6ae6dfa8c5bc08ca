#include "support/engine.hpp"

#include "support/pg_cluster.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {

namespace {

class SqliteDatabase final : public EngineDatabase {
 public:
  SqliteDatabase() : driver_(SqliteDriver::open(":memory:")) {}
  Driver& driver() override { return *driver_; }
  const Dialect& dialect() const override { return sqlite_dialect(); }
  void reset() override {
    driver_.reset();
    driver_ = SqliteDriver::open(":memory:");
  }

 private:
  std::unique_ptr<SqliteDriver> driver_;
};

class PostgresDatabase final : public EngineDatabase {
 public:
  Driver& driver() override { return database_.driver(); }
  const Dialect& dialect() const override { return postgres_dialect(); }
  void reset() override {
    database_.driver().execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  }

 private:
  TempPgDatabase database_;
};

}  // namespace

std::string engine_name(Engine engine) { return engine == Engine::Sqlite ? "sqlite" : "postgres"; }

std::unique_ptr<EngineDatabase> open_database(Engine engine) {
  if (engine == Engine::Sqlite) return std::make_unique<SqliteDatabase>();
  return std::make_unique<PostgresDatabase>();
}

}  // namespace tempest::testing
