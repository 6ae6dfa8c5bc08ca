#include "killed_run.hpp"

#include <poll.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill() and raise() are POSIX
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "tempest/runner.hpp"

namespace tempest::testing {

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kHangLimit = std::chrono::seconds(120);
constexpr std::size_t kStatementShown = 100;
constexpr const char* kAppliedAt = "2024-01-01T00:00:00Z";

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// Reads until end of file or `deadline`; false on timeout.
bool read_until_closed(int fd, std::string& text, Clock::time_point deadline) {
  char buffer[4096];
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd watched{fd, POLLIN, 0};
    const int ready = ::poll(&watched, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

[[noreturn]] void child_main(int out, const CrashDatabase& database,
                             const std::vector<Migration>& migrations, const KillPlan& plan) {
  int status = 0;
  try {
    const std::unique_ptr<Driver> connection = database.connect_migrator();
    KillSwitchDriver driver(*connection, plan.point, [out](const DriverCall& call, bool after) {
      std::string where =
          std::string(after ? "after " : "before ") + std::string(call_kind_name(call.kind));
      if (!call.sql.empty()) where += ": " + call.sql.substr(0, kStatementShown);
      write_all(out, where);
    });
    MigrationRunner runner(driver, database.dialect());
    if (plan.direction == Direction::Up) {
      (void)runner.upgrade(migrations, kAppliedAt, plan.target.empty() ? "heads" : plan.target);
    } else {
      (void)runner.downgrade(migrations, plan.target.empty() ? "base" : plan.target);
    }
  } catch (const std::exception& e) {
    write_all(out, std::string("error: ") + e.what());
    status = 1;
  }
  ::_exit(status);
}

}  // namespace

std::string describe(const KillPlan& plan) {
  std::string text = direction_name(plan.direction);
  if (!plan.target.empty()) text += " to " + plan.target;
  if (plan.delay)
    return text + ", SIGKILL " + std::to_string(plan.delay->count()) + " us after fork";
  return text + ", killed " + describe(plan.point);
}

ChildOutcome run_killable(const CrashDatabase& database, const std::vector<Migration>& migrations,
                          const KillPlan& plan) {
  int pipe_ends[2];
  if (::pipe(pipe_ends) != 0)
    throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  const Clock::time_point start = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork: " + std::string(std::strerror(errno)));
  if (pid == 0) {
    ::close(pipe_ends[0]);
    child_main(pipe_ends[1], database, migrations, plan);
  }
  ::close(pipe_ends[1]);
  if (plan.delay) {
    std::this_thread::sleep_until(start + *plan.delay);
    ::kill(pid, SIGKILL);  // harmless on a child that finished: it is a zombie until reaped
  }
  ChildOutcome outcome;
  const bool closed = read_until_closed(pipe_ends[0], outcome.detail, start + kHangLimit);
  ::close(pipe_ends[0]);
  if (!closed) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  outcome.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
  // An error is a failure whatever ended the process: a rerun must never fail.
  const bool error = outcome.detail.starts_with("error: ");
  if (!closed) {
    outcome.detail = "the migrator hung for " + std::to_string(kHangLimit.count()) +
                     " s; its last words: " + outcome.detail;
  } else if (!error) {
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
      outcome.status = ChildOutcome::Status::Killed;
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
      outcome.status = ChildOutcome::Status::Completed;
    } else if (WIFSIGNALED(status)) {
      outcome.detail = "the migrator died of signal " + std::to_string(WTERMSIG(status)) +
                       (outcome.detail.empty() ? "" : ": " + outcome.detail);
    } else {
      outcome.detail = "the migrator exited with status " + std::to_string(WEXITSTATUS(status)) +
                       (outcome.detail.empty() ? "" : ": " + outcome.detail);
    }
  }
  return outcome;
}

}  // namespace tempest::testing
