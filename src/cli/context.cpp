// The shared parts of the subcommands: the driver, the clock, warnings, and the
// runner with
// --quiet / --verbose applied.

#include <chrono>
#include <ctime>
#include <string>

#include "cli/command.hpp"
#include "tempest/error.hpp"

namespace tempest::cli {

namespace {

// Echoes every statement before forwarding it, for --verbose: the SQL as it
// runs.
class EchoingDriver final : public Driver {
 public:
  EchoingDriver(Driver& inner, std::ostream& out) : inner_(inner), out_(out) {}

  [[nodiscard]] DialectKind dialect() const override { return inner_.dialect(); }
  void execute(std::string_view sql) override {
    out_ << "  " << sql << ";\n";
    inner_.execute(sql);
  }
  [[nodiscard]] QueryResult query(std::string_view sql,
                                  const std::vector<SqlValue>& params) override {
    return inner_.query(sql, params);
  }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  [[nodiscard]] bool in_transaction() const override { return inner_.in_transaction(); }

 private:
  Driver& inner_;
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
        "no database configured (CliConfig::driver is null): give "
        "--sql FROM:TO "
        "with a FROM revision or base, or configure a driver");
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
  if (config.driver == nullptr) {
    throw Error(std::string(command) + " needs a database: set CliConfig::driver to a connection");
  }
  return *config.driver;
}

std::string Context::now() const { return config.now ? config.now() : utc_now(); }

void Context::warn(std::string_view text) const {
  if (color) {
    out << "\033[33mwarning:\033[0m " << text << '\n';
  } else {
    out << "warning: " << text << '\n';
  }
}

void with_runner(const Context& context, std::string_view command,
                 const std::function<void(MigrationRunner&)>& body, bool offline) {
  NoDatabase no_database(context.config.dialect);
  Driver& driver =
      offline && context.config.driver == nullptr ? no_database : context.driver(command);
  EchoingDriver echoing(driver, context.out);
  RunnerOptions options{.version_table = context.config.version_table,
                        .log = context.quiet ? nullptr : &context.out};
  MigrationRunner runner(context.verbose ? static_cast<Driver&>(echoing) : driver,
                         context.dialect(), options);
  body(runner);
}

}  // namespace tempest::cli
