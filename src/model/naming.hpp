#pragma once

// The naming convention for objects declared without a name (documented in model.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "tempest/schema.hpp"

namespace tempest::naming {

// PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1); we refuse longer ones.
inline constexpr std::size_t max_identifier_bytes = 63;

[[nodiscard]] std::string primary_key(std::string_view table);
[[nodiscard]] std::string unique(std::string_view table, const std::vector<std::string>& columns);
[[nodiscard]] std::string index(std::string_view table, const std::vector<IndexKey>& keys);
[[nodiscard]] std::string foreign_key(std::string_view table,
                                      const std::vector<std::string>& columns,
                                      std::string_view ref_table);
[[nodiscard]] std::string column_check(std::string_view table, std::string_view column);

// A generated name that fits max_identifier_bytes: longer names keep their first 54 bytes
// and end in "_" and 8 hex digits of the FNV-1a hash of the whole name.
[[nodiscard]] std::string fit(std::string name);

}  // namespace tempest::naming
