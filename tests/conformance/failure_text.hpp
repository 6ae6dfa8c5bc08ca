#pragma once

// Readable failure messages for the conformance suites.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/database_contents.hpp"
#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

// The steps as an SQL script, each under a comment with its description.
[[nodiscard]] std::string describe_plan(const std::vector<RenderedStep>& steps);

}  // namespace tempest::testing
