#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tempest/driver.hpp"

namespace tempest {

// `sql` with every numbered placeholder (`marker` followed by digits: ?1 in SQLite, $1 in
// PostgreSQL) replaced by quote_literal of the matching value of `params`, or NULL for
// nullopt. Text between single quotes, double quotes, and comments is copied as it is. Throws
// Error for a placeholder without a value.
[[nodiscard]] std::string bind_literals_with(std::string_view sql, char marker,
                                             const std::vector<SqlValue>& params);

}  // namespace tempest
