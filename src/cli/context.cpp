// The shared parts of the subcommands: the driver, the clock, warnings and hints, and the
// runner with --quiet / --verbose applied.

#include <chrono>
#include <ctime>
#include <string>

#include "cli/command.hpp"
#include "tempest/error.hpp"

namespace tempest::cli {

namespace {

// Echoes every statement, with its parameters bound, before forwarding it: --verbose shows the
// SQL as it runs, the runner's reads of its version table included. Transaction boundaries are
// echoed as comments, since each engine spells them its own way.
class EchoingDriver final : public Driver {
 public:
  EchoingDriver(Driver& inner, const Dialect& dialect, std::ostream& out)
      : inner_(inner), dialect_(dialect), out_(out) {}

  [[nodiscard]] DialectKind dialect() const override { return inner_.dialect(); }
  void execute(std::string_view sql) override {
    echo(sql);
    inner_.execute(sql);
  }
  [[nodiscard]] QueryResult query(std::string_view sql,
                                  const std::vector<SqlValue>& params) override {
    echo(params.empty() ? std::string(sql) : dialect_.bind_literals(sql, params));
    return inner_.query(sql, params);
  }
  void begin() override {
    out_ << "  -- begin transaction\n";
    inner_.begin();
  }
  void commit() override {
    out_ << "  -- commit\n";
    inner_.commit();
  }
  void rollback() override {
    out_ << "  -- rollback\n";
    inner_.rollback();
  }
  [[nodiscard]] bool in_transaction() const override { return inner_.in_transaction(); }

 private:
  // Indented as a block under the progress lines, every line of a long statement too.
  void echo(std::string_view sql) {
    out_ << "  ";
    for (char c : sql) out_ << c << (c == '\n' ? "  " : "");
    out_ << ";\n";
  }

  Driver& inner_;
  const Dialect& dialect_;
  std::ostream& out_;
};

// Stands in for a database for offline scripts that name their starting point:
// any use is a mistake reported as such.
class NoDatabase final : public Driver {
 public:
  explicit NoDatabase(DialectKind kind) : kind_(kind) {}

  [[nodiscard]] DialectKind dialect() const override { return kind_; }
  void execute(std::string_view) override { fail(); }
  [[nodiscard]] QueryResult query(std::string_view, const std::vector<SqlValue>&) override {
    fail();
  }
  void begin() override { fail(); }
  void commit() override { fail(); }
  void rollback() override { fail(); }
  [[nodiscard]] bool in_transaction() const override { return false; }

 private:
  [[noreturn]] static void fail() {
    throw Error(
        "no database configured (CliConfig::driver and open_driver are unset): give --sql "
        "FROM:TO with a FROM revision or base, or configure a database");
  }
  DialectKind kind_;
};

std::string utc_now() {
  const std::time_t seconds =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

Driver& Context::driver(std::string_view command) const {
  if (config.driver != nullptr) return *config.driver;
  if (on_first_use != nullptr) return on_first_use->opened();
  throw Error(std::string(command) +
              " needs a database: set CliConfig::driver or CliConfig::open_driver");
}

std::string Context::now() const { return config.now ? config.now() : utc_now(); }

std::string Context::paint(std::string_view text, Color color) const {
  return cli::paint(text, color, this->color);
}

void Context::warn(std::string_view text) const {
  if (!quiet) out << paint("warning:", Color::Yellow) << ' ' << text << '\n';
}

void Context::hint(std::string_view text) const {
  if (!quiet) out << "hint: " << text << '\n';
}

void with_runner(const Context& context, std::string_view command,
                 const std::function<void(MigrationRunner&)>& body, RunnerSetup setup) {
  NoDatabase no_database(context.config.dialect);
  // Offline, the runner reads the database only when the script starts from it: the
  // database of open_driver is opened then, if ever.
  Driver* driver = &no_database;
  if (!setup.offline) {
    driver = &context.driver(command);
  } else if (context.config.driver != nullptr) {
    driver = context.config.driver;
  } else if (context.on_first_use != nullptr) {
    driver = context.on_first_use;
  }
  EchoingDriver echoing(*driver, context.dialect(), context.out);
  RunnerOptions options{.version_table = context.config.version_table,
                        .log = context.quiet || setup.script ? nullptr : &context.out,
                        .accept_changed_checksums = setup.accept_changed_checksums};
  const bool echo = context.verbose && !setup.script;
  MigrationRunner runner(echo ? static_cast<Driver&>(echoing) : *driver, context.dialect(),
                         options);
  body(runner);
}

}  // namespace tempest::cli
