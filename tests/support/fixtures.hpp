#pragma once

// The real-world schemas the tests load (Chinook, Sakila), kept outside the repository in
// TEMPEST_FIXTURES_DIR (tests/CMakeLists.txt).

#include <string>

namespace tempest::testing {

// The text of the fixture file `relative` ("chinook/Chinook_Sqlite.sql"), byte for byte.
// Throws std::runtime_error naming the path when it cannot be read.
[[nodiscard]] std::string read_fixture(const std::string& relative);

}  // namespace tempest::testing
