#pragma once

// The database of CliConfig::open_driver, opened the first time a command reads or writes it:
// history, heads, check, --help or upgrade --sql FROM:TO never connect (and never create a
// SQLite file), as Alembic's env.py connects only for the commands that run online.

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "tempest/driver.hpp"

namespace tempest::cli {

class DriverOnFirstUse final : public Driver {
 public:
  using Open = std::function<std::unique_ptr<Driver>()>;

  // `open` must outlive this driver. `dialect` is what the configuration says the database
  // is: known before connecting, and checked against the opened driver.
  DriverOnFirstUse(const Open& open, DialectKind dialect) : open_(open), dialect_(dialect) {}

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

  [[nodiscard]] bool is_open() const { return driver_ != nullptr; }

 private:
  Driver& opened();

  const Open& open_;
  DialectKind dialect_;
  std::unique_ptr<Driver> driver_;
};

}  // namespace tempest::cli
