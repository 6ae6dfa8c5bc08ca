#pragma once

// The shared objects mapped into the running process, to check which libraries a code path
// loads (libpq only when a PostgreSQL connection opens).

#include <string>
#include <vector>

namespace tempest::testing {

// The file names, without their directory, of the shared objects the dynamic loader has mapped
// into this process (libraries linked at start-up and those opened with dlopen since), in the
// loader's order. The executable itself, which the loader lists without a name, is left out.
[[nodiscard]] std::vector<std::string> loaded_objects();

// True when one of loaded_objects() begins with `prefix` ("libpq.so" for any libpq).
[[nodiscard]] bool object_loaded(const std::string& prefix);

}  // namespace tempest::testing
