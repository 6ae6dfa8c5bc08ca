// The runner's upgrade of N small migrations on SQLite against the sqlite3 shell running the
// same SQL in the same transactions (goal <= 1.10x). bench/upgrade-vs-sqlite3 drives
// it:
//   tempest_upgrade_bench script N        prints upgrade_sql from base: the shell's input
//   tempest_upgrade_bench run N DB        upgrades DB (a new file) and prints its timings
// Migration i creates table t<i> (id, name, an index on name); the odd ones also add a
// column to the table before: CREATE TABLE, CREATE INDEX, ALTER TABLE ADD COLUMN.

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "small_migrations.hpp"
#include "tempest/error.hpp"
#include "tempest/runner.hpp"
#include "tempest/sqlite.hpp"

namespace {

using namespace tempest;
using Clock = std::chrono::steady_clock;

int usage() {
  std::cerr << "usage: tempest_upgrade_bench script N | run N DB\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string command = argv[1];
  const int count = std::atoi(argv[2]);
  try {
    const Clock::time_point start = Clock::now();
    const std::vector<Migration> migrations = bench::small_migrations(count);
    if (command == "script" && argc == 3) {
      // Offline with `from` given: the connection is never used.
      const std::unique_ptr<SqliteDriver> unused = SqliteDriver::open(":memory:");
      // What the online run executes: without the scripts' version table checks.
      MigrationRunner(*unused, {.script_guards = false}).upgrade_sql(migrations, std::cout, "base");
      return 0;
    }
    if (command != "run" || argc != 4) return usage();
    const std::unique_ptr<SqliteDriver> driver = SqliteDriver::open(argv[3]);
    const Clock::time_point upgrade_start = Clock::now();
    const std::vector<std::string> applied =
        MigrationRunner(*driver).upgrade(migrations, "2024-01-01T00:00:00Z");
    const Clock::time_point end = Clock::now();
    const auto ms = [](Clock::duration d) {
      return std::chrono::duration<double, std::milli>(d).count();
    };
    std::cout << "applied=" << applied.size() << " upgrade_ms=" << ms(end - upgrade_start)
              << " total_ms=" << ms(end - start) << "\n";
    return applied.size() == migrations.size() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "tempest_upgrade_bench: " << e.what() << "\n";
    return 1;
  }
}
