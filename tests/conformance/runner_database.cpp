#include "runner_database.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "support/pg_cluster.hpp"
#include "tempest/build.hpp"
#include "tempest/postgres.hpp"
#include "tempest/sqlite.hpp"

namespace tempest::testing {

namespace {

class SqliteRunnerDatabase final : public RunnerDatabase {
 public:
  SqliteRunnerDatabase() : path_(dir_.file("app.db")) {}

  Driver& driver() override {
    if (!driver_) driver_ = SqliteDriver::open(path_);
    return *driver_;
  }
  const Dialect& dialect() const override { return sqlite_dialect(); }
  std::unique_ptr<Driver> connect() const override { return SqliteDriver::open(path_); }

  void run_script(const std::string& script) const override {
    const std::string file = dir_.write("script.sql", script);
    const CommandResult result = run_command("sqlite3 -bail '" + path_ + "' < '" + file + "' 2>&1");
    if (result.status != 0) {
      throw std::runtime_error("sqlite3 failed on " + path_ + ":\n" + result.output);
    }
  }
  std::string run_script_to_the_end(const std::string& script) const override {
    const std::string file = dir_.write("script.sql", script);
    return run_command("sqlite3 '" + path_ + "' < '" + file + "' 2>&1").output;
  }

 private:
  TempDir dir_;
  std::string path_;
  std::unique_ptr<SqliteDriver> driver_;
};

class PostgresRunnerDatabase final : public RunnerDatabase {
 public:
  Driver& driver() override { return database_.driver(); }
  const Dialect& dialect() const override { return postgres_dialect(); }
  std::unique_ptr<Driver> connect() const override {
    return PostgresDriver::connect(database_.url());
  }
  void run_script(const std::string& script) const override { database_.run_psql(script); }
  std::string run_script_to_the_end(const std::string& script) const override {
    return database_.run_psql_to_the_end(script);
  }

 private:
  TempPgDatabase database_;
};

}  // namespace

std::unique_ptr<RunnerDatabase> runner_database(Engine engine) {
  if (engine == Engine::Sqlite) return std::make_unique<SqliteRunnerDatabase>();
  return std::make_unique<PostgresRunnerDatabase>();
}

std::vector<std::string> comparable_rows(const std::vector<AppliedRevision>& rows) {
  const auto number = [](const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string("NULL");
  };
  std::vector<std::string> out;
  for (const AppliedRevision& row : rows) {
    out.push_back(row.revision + "|" + row.label + "|" + row.checksum + "|" +
                  number(row.steps_done) + "|" + number(row.down_steps_done));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Migration migration(std::string revision, std::vector<std::string> parents,
                    std::vector<Operation> up) {
  std::string label = "migration " + revision;
  return make_migration(std::move(revision), std::move(parents), std::move(label), std::move(up));
}

std::vector<Migration> chain_of_tables(int count) {
  using namespace tempest::build;
  std::vector<Migration> migrations;
  migrations.reserve(static_cast<std::size_t>(count));
  const auto name = [](int i) {
    std::string digits = std::to_string(i);
    return "r" + std::string(4 - std::min<std::size_t>(4, digits.size()), '0') + digits;
  };
  for (int i = 0; i < count; ++i) {
    const std::string table_name = "t" + std::to_string(i);
    std::vector<Operation> up = {create_table(
        table(table_name, {column("id", bigint()), column("name", varchar(40)).nullable()})
            .primary_key("pk_" + table_name, {"id"})
            .index(index("ix_" + table_name + "_name", {"name"})))};
    if (i % 2 == 1) {
      up.push_back(add_column("t" + std::to_string(i - 1),
                              column("extra", integer()).nullable().default_literal("0")));
    }
    migrations.push_back(migration(
        name(i), i == 0 ? std::vector<std::string>{} : std::vector<std::string>{name(i - 1)},
        std::move(up)));
  }
  return migrations;
}

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    result.output.append(buffer.data(), n);
  }
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace tempest::testing
