// The migration workflow, step by step, on the blog models and a real database:
//
//   blog_walkthrough [PATH]                   SQLite file PATH (default blog.db), deleted first
//   blog_walkthrough --postgres URL           a PostgreSQL database (use a scratch one: its
//                                             users, posts and version tables are dropped first)
//   blog_walkthrough --postgres-url-file FILE the same, the URL read from FILE
//
// Each step prints what it did and checks it got what the workflow promises, so the walkthrough
// doubles as a test: exit 0 when every step gave the expected result, 1 otherwise, 2 on error.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "models.hpp"
#include "tempest/drift.hpp"
#include "tempest/tempest.hpp"

namespace {

// A step that did not give what the workflow promises.
struct StepFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void expect(bool ok, const std::string& what) {
  if (!ok) throw StepFailed(what);
}

void header(const std::string& title) { std::cout << "\n== " << title << "\n"; }

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return text;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "(none)" : out;
}

void print_operations(const std::vector<tempest::Operation>& ops) {
  for (const tempest::Operation& op : ops) std::cout << "  - " << tempest::describe(op) << "\n";
}

// The start of a generated file, from its #include (past the header comment), to show what
// it looks like.
void print_head(const std::string& text, int count) {
  std::istringstream in(text);
  int shown = 0;
  bool started = false;
  for (std::string line; std::getline(in, line);) {
    started = started || line.starts_with("#include");
    if (!started) continue;
    if (shown++ < count) std::cout << "    | " << line << "\n";
  }
  if (shown > count) std::cout << "    | ...\n";
}

std::vector<std::string> table_names(tempest::Driver& driver) {
  std::vector<std::string> names;
  for (const tempest::Table& table : tempest::inspect_schema(driver).tables) {
    names.push_back(table.name);
  }
  return names;
}

std::vector<std::string> column_names(tempest::Driver& driver, const std::string& table) {
  tempest::Schema schema = tempest::inspect_schema(driver);
  const tempest::Table* found = tempest::find_table(schema, table);
  std::vector<std::string> names;
  if (found == nullptr) return names;
  for (const tempest::Column& column : found->columns) names.push_back(column.name);
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  for (const std::string& n : names) {
    if (n == name) return true;
  }
  return false;
}

std::string read_first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) {
    throw std::runtime_error("cannot read a URL from " + path);
  }
  return line;
}

struct Database {
  std::unique_ptr<tempest::Driver> driver;
  std::string description;
};

Database open_database(int argc, char** argv) {
  std::string first = argc > 1 ? argv[1] : "";
  if (first == "--postgres" || first == "--postgres-url-file") {
    if (argc < 3) throw std::runtime_error(first + " needs an argument");
    std::string url = first == "--postgres" ? argv[2] : read_first_line(argv[2]);
    auto driver = tempest::PostgresDriver::connect(url);
    // Start from an empty database, as the SQLite walkthrough deletes its file.
    driver->execute("DROP TABLE IF EXISTS posts, users, tempest_db_migrations CASCADE");
    return {std::move(driver), "PostgreSQL database (tables posts, users dropped first)"};
  }
  std::string path = first.empty() ? "blog.db" : first;
  std::filesystem::remove(path);
  return {tempest::SqliteDriver::open(path), "SQLite file " + path + " (new)"};
}

int walk(tempest::Driver& driver) {
  using namespace tempest::migrations;
  const std::string applied_at = now_utc();
  tempest::MigrationRunner runner(driver);

  header("1. initial state -> first migration");
  tempest::Schema target = reflect_schema(blog::user_model(), blog::v1::post_model());
  std::vector<tempest::Operation> ops = diff_schema(empty_schema(), target);
  std::cout << "diff_schema(empty_schema(), reflect_schema(User, Post)):\n";
  print_operations(ops);
  std::size_t creates = 0;
  for (const tempest::Operation& op : ops)
    creates += std::holds_alternative<tempest::CreateTable>(op);
  expect(creates == 2, "step 1: expected create_table users and posts");
  std::string source = generate_migration(
      {.revision = "0001_init", .label = "create users and posts", .operations = ops});
  std::cout << "generate_migration -> migrations/0001_init.cpp:\n";
  print_head(source, 24);
  expect(source.find("tempest_migration_0001_init") != std::string::npos,
         "step 1: the generated file should define tempest_migration_0001_init()");
  std::vector<Migration> history{make_migration("0001_init", {}, "create users and posts", ops)};

  header("2. apply");
  std::vector<std::string> applied = runner.upgrade(history, applied_at);
  std::cout << "applied: " << join(applied) << "\n";
  std::cout << "tables now in the database: " << join(table_names(driver)) << "\n";
  expect(applied == std::vector<std::string>{"0001_init"}, "step 2: expected 0001_init applied");
  expect(table_names(driver) == std::vector<std::string>{"posts", "users"},
         "step 2: expected tables posts and users");

  header("3. evolve the schema (Post gains `published`) -> next migration");
  tempest::Schema current = replay_schema(history);
  tempest::Schema next_target = reflect_schema(blog::user_model(), blog::v2::post_model());
  std::vector<tempest::Operation> next_ops = diff_schema(current, next_target);
  std::cout << "diff_schema(replay_schema(history), reflect_schema(User, Post v2)):\n";
  print_operations(next_ops);
  const auto* add = next_ops.size() == 1 ? std::get_if<tempest::AddColumn>(&next_ops[0]) : nullptr;
  expect(add != nullptr && add->table == "posts" && add->column.name == "published",
         "step 3: expected exactly one add_column posts.published");
  std::string next_source = generate_migration({.revision = "0002_post_published",
                                                .down_revisions = {"0001_init"},
                                                .label = "add published to posts",
                                                .operations = next_ops});
  std::cout << "generate_migration -> migrations/0002_post_published.cpp:\n";
  print_head(next_source, 24);
  history.push_back(
      make_migration("0002_post_published", {"0001_init"}, "add published to posts", next_ops));
  applied = runner.upgrade(history, applied_at);
  std::cout << "applied: " << join(applied) << "\n";
  std::cout << "posts columns: " << join(column_names(driver, "posts")) << "\n";
  expect(applied == std::vector<std::string>{"0002_post_published"},
         "step 3: expected 0002_post_published applied");
  expect(contains(column_names(driver, "posts"), "published"),
         "step 3: expected posts.published in the database");

  header("4. revert: downgrade 1, then upgrade again");
  std::vector<std::string> reverted = runner.downgrade(history, "1");
  std::cout << "reverted: " << join(reverted) << "\n";
  std::cout << "posts columns: " << join(column_names(driver, "posts")) << "\n";
  expect(reverted == std::vector<std::string>{"0002_post_published"},
         "step 4: expected 0002_post_published reverted");
  expect(!contains(column_names(driver, "posts"), "published"),
         "step 4: expected posts.published gone");
  applied = runner.upgrade(history, applied_at);
  std::cout << "applied: " << join(applied) << "\n";
  expect(applied == std::vector<std::string>{"0002_post_published"},
         "step 4: expected 0002_post_published applied again");
  std::cout << "history (oldest first):\n";
  MigrationGraph graph(history);
  std::vector<std::string> heads = graph.heads();
  std::vector<std::string> at = runner.current(history);
  for (std::size_t i : graph.topological_indexes()) {
    const Migration& migration = history[i];
    std::cout << "  " << migration.revision << "  " << migration.label
              << (contains(heads, migration.revision) ? "  (head)" : "")
              << (contains(at, migration.revision) ? "  (current)" : "") << "\n";
  }
  expect(heads == std::vector<std::string>{"0002_post_published"} && at == heads,
         "step 4: expected one head, 0002_post_published, applied");

  header("5. drift gate");
  std::vector<tempest::DriftIssue> issues = tempest::check_drift(driver, next_target, history);
  std::cout << "check_drift(database, models, history): "
            << (issues.empty() ? "no drift" : std::to_string(issues.size()) + " issue(s)") << "\n";
  expect(issues.empty(), "step 5: expected no drift after the migrations");
  std::cout << "someone runs by hand: ALTER TABLE posts ADD COLUMN hack TEXT\n";
  driver.execute("ALTER TABLE posts ADD COLUMN hack TEXT");
  issues = tempest::check_drift(driver, next_target, history);
  std::cout << "check_drift: " << issues.size() << " issue(s) (a CI gate would fail here)\n";
  for (const tempest::DriftIssue& issue : issues) {
    std::cout << "  - " << tempest::to_string(issue.kind) << ": " << issue.object
              << "\n      expected: " << (issue.expected.empty() ? "(absent)" : issue.expected)
              << "\n      found:    " << (issue.found.empty() ? "(absent)" : issue.found) << "\n";
    if (issue.fix) std::cout << "      fix:      " << tempest::describe(*issue.fix) << "\n";
  }
  expect(issues.size() == 1 && issues[0].kind == tempest::DriftKind::DatabaseChangedByHand &&
             issues[0].object == "column posts.hack",
         "step 5: expected one database_changed_by_hand issue on column posts.hack");

  std::cout << "\nevery step gave the expected result\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Database database = open_database(argc, argv);
    std::cout << "blog walkthrough on a " << database.description << "\n";
    return walk(*database.driver);
  } catch (const StepFailed& e) {
    std::cerr << "walkthrough failed: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
