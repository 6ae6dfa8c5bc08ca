#pragma once

// The database of CliConfig::open_driver, opened the first time a command reads or writes it
// (see CliConfig), as Alembic's env.py connects only for the commands that run online.
// Commands that need the database call opened() and work with the real driver; an offline
// script is written through this one, which connects only if the runner reads the database.

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "tempest/driver.hpp"

namespace tempest::cli {

// Throws Error unless `driver` is of `dialect`: "`what` a sqlite database, but
// CliConfig::dialect is postgresql". The SQL chosen for one engine must not reach the other.
void require_dialect(const Driver& driver, DialectKind dialect, std::string_view what);

class DriverOnFirstUse final : public Driver {
 public:
  using Open = std::function<std::unique_ptr<Driver>()>;

  // `open` must outlive this driver. `dialect` is what the configuration says the database
  // is: known before connecting, and checked against the opened driver.
  DriverOnFirstUse(const Open& open, DialectKind dialect) : open_(open), dialect_(dialect) {}
  DriverOnFirstUse(Open&& open, DialectKind dialect) = delete;  // would dangle

  [[nodiscard]] DialectKind dialect() const override { return dialect_; }
  void execute(std::string_view sql) override { opened().execute(sql); }
  [[nodiscard]] QueryResult query(std::string_view sql,
                                  const std::vector<SqlValue>& params) override {
    return opened().query(sql, params);
  }
  void begin() override { opened().begin(); }
  void commit() override { opened().commit(); }
  void rollback() override { opened().rollback(); }
  [[nodiscard]] bool in_transaction() const override {
    return driver_ != nullptr && driver_->in_transaction();
  }

  // The real driver, opened now if it is not yet. Throws Error when open_driver returns none
  // or a driver of the other engine, and whatever open_driver throws.
  Driver& opened();

 private:
  const Open& open_;
  DialectKind dialect_;
  std::unique_ptr<Driver> driver_;
};

}  // namespace tempest::cli
