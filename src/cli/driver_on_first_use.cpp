#include "cli/driver_on_first_use.hpp"

#include <string>
#include <utility>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"

namespace tempest::cli {

void require_dialect(const Driver& driver, DialectKind dialect, std::string_view what) {
  if (driver.dialect() == dialect) return;
  throw Error(std::string(what) + " a " + std::string(dialect_for(driver.dialect()).name()) +
              " database, but CliConfig::dialect is " + std::string(dialect_for(dialect).name()));
}

Driver& DriverOnFirstUse::opened() {
  if (driver_ != nullptr) return *driver_;
  std::unique_ptr<Driver> driver = open_();
  if (driver == nullptr) throw Error("CliConfig::open_driver returned no driver");
  require_dialect(*driver, dialect_, "CliConfig::open_driver opened");
  driver_ = std::move(driver);
  return *driver_;
}

}  // namespace tempest::cli
