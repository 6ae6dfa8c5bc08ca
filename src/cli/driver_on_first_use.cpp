#include "cli/driver_on_first_use.hpp"

#include <string>
#include <utility>

#include "tempest/dialect.hpp"
#include "tempest/error.hpp"

namespace tempest::cli {

Driver& DriverOnFirstUse::opened() {
  if (driver_ != nullptr) return *driver_;
  std::unique_ptr<Driver> driver = open_();
  if (driver == nullptr) throw Error("CliConfig::open_driver returned no driver");
  if (driver->dialect() != dialect_) {
    // The SQL already chosen for one engine must not reach the other.
    throw Error(
        "CliConfig::open_driver opened a " + std::string(dialect_for(driver->dialect()).name()) +
        " database, but CliConfig::dialect is " + std::string(dialect_for(dialect_).name()));
  }
  driver_ = std::move(driver);
  return *driver_;
}

}  // namespace tempest::cli
