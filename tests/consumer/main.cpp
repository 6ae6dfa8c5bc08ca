// Applies the collected migrations to the SQLite file given as argv[1] and checks the result
// against the model: prints "consumer ok" and exits 0 when everything matches.

#include <cstdint>
#include <iostream>
#include <string>
#include <tempest/drift.hpp>
#include <tempest/migration_file.hpp>
#include <tempest/tempest.hpp>

struct Note {
  std::int64_t id;
  std::string body;
};

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: app DATABASE_FILE\n";
    return 2;
  }
  try {
    using namespace tempest::model;
    const tempest::Schema models = tempest::reflect_schema(table<Note>(
        "notes", column("id", &Note::id).primary_key().identity(), column("body", &Note::body)));
    auto driver = tempest::SqliteDriver::open(argv[1]);
    const std::vector<tempest::Migration> migrations = tempest::collected_migrations();
    tempest::MigrationRunner runner(*driver);
    std::vector<std::string> applied = runner.upgrade(migrations, "2024-05-01T12:00:00Z");
    for (const std::string& revision : applied) std::cout << "applied " << revision << "\n";
    driver->execute("INSERT INTO notes (body) VALUES ('hello')");
    std::vector<tempest::DriftIssue> issues = tempest::check_drift(*driver, models, migrations);
    for (const tempest::DriftIssue& issue : issues) {
      std::cout << "drift: " << tempest::to_string(issue.kind) << " " << issue.object << "\n";
    }
    if (applied != std::vector<std::string>{"0001_init"} || !issues.empty()) return 1;
    std::cout << "consumer ok\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
