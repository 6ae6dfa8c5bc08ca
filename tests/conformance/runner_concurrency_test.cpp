// Runners started together against one database, in real concurrent processes: no migration
// is applied twice and none interleaves with another.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "runner_database.hpp"
#include "tempest/build.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {
namespace {

using namespace tempest::build;
using Names = std::vector<std::string>;

constexpr int kProcesses = 8;
constexpr int kMigrations = 20;

struct ChildResult {
  int status = -1;
  std::string output;
};

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
    text.append(buffer, static_cast<std::size_t>(n));
  return text;
}

// Forks `count` processes that all start `body(i)` at once (they wait on a pipe the parent
// closes when every one is ready) and returns each one's exit status and the text it returned
// (or the error it threw).
std::vector<ChildResult> run_concurrently(int count, const std::function<std::string(int)>& body) {
  int barrier[2];
  EXPECT_EQ(::pipe(barrier), 0);
  std::vector<pid_t> pids;
  std::vector<int> outputs;
  for (int i = 0; i < count; ++i) {
    int out[2];
    EXPECT_EQ(::pipe(out), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(barrier[1]);
      ::close(out[0]);
      char byte;
      (void)::read(barrier[0], &byte, 1);  // returns 0 once the parent closes its end
      int status = 0;
      std::string text;
      try {
        text = body(i);
      } catch (const std::exception& e) {
        text = std::string("error: ") + e.what();
        status = 1;
      }
      write_all(out[1], text);
      ::_exit(status);  // no atexit handlers, no gtest teardown in the child
    }
    ::close(out[1]);
    pids.push_back(pid);
    outputs.push_back(out[0]);
  }
  ::close(barrier[0]);
  ::close(barrier[1]);  // go
  std::vector<ChildResult> results(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < pids.size(); ++i) {
    results[i].output = read_all(outputs[i]);
    ::close(outputs[i]);
    int status = 0;
    ::waitpid(pids[i], &status, 0);
    results[i].status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  return results;
}

// Each migration creates a table, fills it (so that it takes a while) and journals itself.
std::vector<Migration> slow_history() {
  std::vector<Migration> migrations{migration(
      "m00", {},
      {create_table(table("journal", {column("seq", integer()), column("revision", text())})
                        .primary_key("pk_journal", {"seq"})),
       execute("INSERT INTO journal (seq, revision) VALUES (0, 'm00')", "DELETE FROM journal")})};
  for (int i = 1; i < kMigrations; ++i) {
    const std::string revision = (i < 10 ? "m0" : "m") + std::to_string(i);
    const std::string name = "filled_" + std::to_string(i);
    migrations.push_back(migration(
        revision, {migrations.back().revision},
        {create_table(table(name, {column("id", integer())}).primary_key("pk_" + name, {"id"})),
         execute("INSERT INTO " + name +
                     " (id) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                     "WHERE x < 3000) SELECT x FROM c",
                 "DELETE FROM " + name),
         execute("INSERT INTO journal (seq, revision) VALUES (" + std::to_string(i) + ", '" +
                     revision + "')",
                 "DELETE FROM journal WHERE revision = '" + revision + "'")}));
  }
  return migrations;
}

class RunnerConcurrency : public ::testing::TestWithParam<Engine> {};

TEST_P(RunnerConcurrency, RunnersStartedTogetherApplyEachMigrationOnce) {
  const std::unique_ptr<RunnerDatabase> db = runner_database(GetParam());
  const std::vector<Migration> history = slow_history();
  const std::vector<ChildResult> results = run_concurrently(kProcesses, [&](int i) {
    const std::unique_ptr<Driver> driver = db->connect();
    MigrationRunner runner(*driver, db->dialect());
    std::string applied;
    for (const std::string& revision : runner.upgrade(history, "child " + std::to_string(i))) {
      applied += revision + "\n";
    }
    return applied;
  });

  std::vector<std::string> applied;
  std::size_t busy_children = 0;
  for (const ChildResult& result : results) {
    EXPECT_EQ(result.status, 0) << result.output;
    std::size_t mine = 0;
    for (std::size_t at = 0, end; (end = result.output.find('\n', at)) != std::string::npos;
         at = end + 1) {
      applied.push_back(result.output.substr(at, end - at));
      ++mine;
    }
    if (mine > 0) ++busy_children;
  }
  std::sort(applied.begin(), applied.end());
  EXPECT_EQ(applied, MigrationGraph(history).topological_order());  // each once, all of them
  if (GetParam() == Engine::Postgres) {
    EXPECT_EQ(busy_children, 1u);  // the advisory lock holder did everything
  }

  // Every migration ran exactly once, in order.
  QueryResult journal = db->driver().query("SELECT revision FROM journal ORDER BY seq");
  ASSERT_EQ(journal.rows.size(), static_cast<std::size_t>(kMigrations));
  for (int i = 0; i < kMigrations; ++i) {
    EXPECT_EQ(journal.rows[static_cast<std::size_t>(i)][0],
              history[static_cast<std::size_t>(i)].revision);
  }
  MigrationRunner runner(db->driver(), db->dialect());
  EXPECT_EQ(runner.applied().size(), static_cast<std::size_t>(kMigrations));
  EXPECT_EQ(runner.current(history), Names{"m19"});
  EXPECT_EQ(db->schema(), db->dialect().normalize(replay_schema(history)));
}

INSTANTIATE_TEST_SUITE_P(Engines, RunnerConcurrency,
                         ::testing::Values(Engine::Sqlite, Engine::Postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace
}  // namespace tempest::testing
