#pragma once

// How a drift report names an object and quotes its expected and found states, from the
// operation that would fix the difference.

#include <string>

#include "tempest/operations.hpp"

namespace tempest {

struct IssueText {
  std::string object;    // "table posts", "column posts.published", "index ix_x on posts"
  std::string expected;  // the state the fix leads to; "" when the object should not exist
  std::string found;     // the state the fix starts from; "" when the object is missing
};

// The texts for `fix`, an operation of diff_schema(found, expected).
[[nodiscard]] IssueText issue_text(const Operation& fix);

// "bool NOT NULL DEFAULT false": the column as drift reports quote it.
[[nodiscard]] std::string column_text(const Column& column);

}  // namespace tempest
