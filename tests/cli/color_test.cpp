// Colour: only on a terminal (a real pseudo-terminal here), never with NO_COLOR set, and as
// --color=always|never says; errors red, warnings yellow, applied revisions green, heads bold.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "migration_cli_fixture.hpp"

namespace tempest::testing {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kYellow = "\033[33m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kReset = "\033[0m";

bool has_escape(const std::string& text) { return text.find('\033') != std::string::npos; }

// Sets an environment variable for one scope (nullopt: unset), then puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    set(value);
  }
  ~ScopedEnv() { set(old_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void set(const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name_, value->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  const char* name_;
  std::optional<std::string> old_;
};

// A pseudo-terminal in raw mode (no "\r\n" translation): the slave side stands in for the
// user's terminal, the master side reads what reached it.
class PseudoTerminal {
 public:
  PseudoTerminal() {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) {
      throw std::runtime_error("cannot open a pseudo-terminal");
    }
    slave_ = ::open(::ptsname(master_), O_RDWR | O_NOCTTY);
    if (slave_ < 0) throw std::runtime_error("cannot open the pseudo-terminal's slave side");
    termios mode{};
    ::tcgetattr(slave_, &mode);
    ::cfmakeraw(&mode);
    ::tcsetattr(slave_, TCSANOW, &mode);
  }
  ~PseudoTerminal() {
    if (slave_ >= 0) ::close(slave_);
    ::close(master_);
  }
  PseudoTerminal(const PseudoTerminal&) = delete;
  PseudoTerminal& operator=(const PseudoTerminal&) = delete;

  [[nodiscard]] int slave() const { return slave_; }

  // Everything written so far (the outputs here stay far below the terminal's buffer).
  [[nodiscard]] std::string drain() {
    ::close(slave_);
    slave_ = -1;
    ::fcntl(master_, F_SETFL, O_NONBLOCK);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(master_, buffer, sizeof buffer)) > 0;) {
      text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
  }

 private:
  int master_ = -1;
  int slave_ = -1;
};

// Runs the CLI with std::cout (fd 1) or std::cerr (fd 2) as the stream under test, that file
// descriptor pointed at `fd` for the run; the other stream is a string stream. Returns the exit
// code; what went to the other stream lands in `other`.
int run_with_fd(int target_fd, int fd, const std::vector<std::string>& args, CliConfig config,
                std::string& other) {
  std::ostringstream captured;
  std::cout.flush();
  std::cerr.flush();
  const int saved = ::dup(target_fd);
  ::dup2(fd, target_fd);
  if (target_fd == STDOUT_FILENO) {
    config.out = &std::cout;
    config.err = &captured;
  } else {
    config.out = &captured;
    config.err = &std::cerr;
  }
  const int code = run_migration_cli(args, config);
  std::cout.flush();
  std::cerr.flush();
  ::dup2(saved, target_fd);
  ::close(saved);
  other = captured.str();
  return code;
}

class CliColor : public MigrationCliSqlite {
 protected:
  // What a terminal on stdout shows for `args`.
  [[nodiscard]] std::string on_terminal(const std::vector<std::string>& args) {
    PseudoTerminal terminal;
    std::string err;
    const int code = run_with_fd(STDOUT_FILENO, terminal.slave(), args,
                                 config({blog_init(), blog_published()}, blog_v2()), err);
    EXPECT_EQ(code, 0) << err;
    return terminal.drain();
  }

  ScopedEnv term_{"TERM", std::string("xterm")};
  ScopedEnv no_color_{"NO_COLOR", std::nullopt};
};

TEST_F(CliColor, TerminalGetsColour) {
  EXPECT_EQ(on_terminal({"heads"}),
            std::string(kBold) + "0002_add_published" + kReset + " (head)\n");
}

TEST_F(CliColor, NeverMeansNoEscapeCodes) {
  EXPECT_EQ(on_terminal({"--color=never", "heads"}), "0002_add_published (head)\n");
  EXPECT_EQ(on_terminal({"--color", "never", "history"}),
            "*  0002_add_published (head): add published\n"
            "*  0001_init: create users and posts\n");
}

TEST_F(CliColor, NoColorWinsOverAuto) {
  ScopedEnv no_color("NO_COLOR", std::string("1"));
  EXPECT_EQ(on_terminal({"heads"}), "0002_add_published (head)\n");
  EXPECT_FALSE(has_escape(on_terminal({"--color=auto", "history"})));
  // --color=always is asked for by name: it beats NO_COLOR.
  EXPECT_TRUE(has_escape(on_terminal({"--color=always", "heads"})));
}

// NO_COLOR counts only with a value (https://no-color.org).
TEST_F(CliColor, EmptyNoColorIsIgnored) {
  ScopedEnv no_color("NO_COLOR", std::string());
  EXPECT_TRUE(has_escape(on_terminal({"heads"})));
}

TEST_F(CliColor, DumbTerminalGetsNone) {
  ScopedEnv term("TERM", std::string("dumb"));
  EXPECT_EQ(on_terminal({"heads"}), "0002_add_published (head)\n");
}

TEST_F(CliColor, PipeAndStringStreamGetNone) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  std::string err;
  const int code = run_with_fd(STDOUT_FILENO, pipe_fds[1], {"heads"},
                               config({blog_init(), blog_published()}, blog_v2()), err);
  ::close(pipe_fds[1]);
  EXPECT_EQ(code, 0) << err;
  std::string piped;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
    piped.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  EXPECT_EQ(piped, "0002_add_published (head)\n");

  const CliRun run = run_cli({"heads"}, config({blog_init(), blog_published()}, blog_v2()));
  EXPECT_EQ(run.out, "0002_add_published (head)\n");
}

TEST_F(CliColor, AlwaysColoursAnyStream) {
  const std::vector<Migration> migrations{blog_init(), blog_published()};
  ASSERT_EQ(run_cli({"upgrade", "0001"}, config(migrations, blog_v2())).exit_code, 0);
  EXPECT_EQ(run_cli({"--color=always", "current"}, config(migrations, blog_v2())).out,
            std::string(kGreen) + "0001_init" + kReset + "\n");
  ASSERT_EQ(run_cli({"upgrade"}, config(migrations, blog_v2())).exit_code, 0);
  EXPECT_EQ(run_cli({"--color=always", "current"}, config(migrations, blog_v2())).out,
            std::string(kBold) + kGreen + "0002_add_published" + kReset + kReset + " (head)\n");
  // history --verbose: applied revisions green, heads bold.
  ASSERT_EQ(run_cli({"downgrade", "1"}, config(migrations, blog_v2())).exit_code, 0);
  const CliRun history =
      run_cli({"--color=always", "history", "--verbose"}, config(migrations, blog_v2()));
  EXPECT_EQ(history.out.substr(0, history.out.find('\n')),
            std::string("*  ") + kBold + "0002_add_published" + kReset + " (head): add published");
  EXPECT_NE(history.out.find(std::string("*  ") + kGreen + "0001_init" + kReset +
                             ": create users and posts\n"),
            std::string::npos)
      << history.out;
}

TEST_F(CliColor, WarningsYellowErrorsRed) {
  const CliRun revision =
      run_cli({"--color=always", "revision", "-m", "drop posts", "--autogenerate"},
              config({blog_init()}, reflect_schema(blog::user_model())));
  ASSERT_EQ(revision.exit_code, 0) << revision.err;
  EXPECT_NE(revision.out.find(std::string(kYellow) + "warning:" + kReset +
                              " drop table posts: data loss (every row is deleted)\n"),
            std::string::npos)
      << revision.out;

  const CliRun error = run_cli({"--color=always", "show", "nosuch"}, config({blog_init()}, {}));
  EXPECT_EQ(error.exit_code, 2);
  EXPECT_EQ(error.err, std::string(kRed) + "error:" + kReset +
                           " unknown revision \"nosuch\": run `history` to list the revisions\n");
  // Parse errors too, --color being read before the rest.
  EXPECT_EQ(run_cli({"--color=always", "frobnicate"}, config({}, {})).err.rfind(kRed, 0), 0u);
  EXPECT_EQ(run_cli({"--color=never", "frobnicate"}, config({}, {})).err.rfind("error: ", 0), 0u);
}

TEST_F(CliColor, ErrorsOnATerminalAreRed) {
  PseudoTerminal terminal;
  std::string out;
  const int code = run_with_fd(STDERR_FILENO, terminal.slave(), {"show", "nosuch"},
                               config({blog_init()}, {}), out);
  EXPECT_EQ(code, 2);
  EXPECT_EQ(out, "");
  EXPECT_EQ(terminal.drain(), std::string(kRed) + "error:" + kReset +
                                  " unknown revision \"nosuch\": run `history` to list the "
                                  "revisions\n");
}

TEST_F(CliColor, BadColorValueIsAUsageError) {
  const CliRun run = run_cli({"--color=sometimes", "heads"}, config({}, {}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("error: --color: ", 0), 0u) << run.err;
}

}  // namespace
}  // namespace tempest::testing
