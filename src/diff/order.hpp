#pragma once

#include <vector>

#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::diff {

// New tables in an order that CreateTable can follow: each after the tables its foreign keys
// reference (self-references are fine within one CREATE TABLE).
struct CreationOrder {
  std::vector<Table> tables;            // to create in this order, without `deferred`
  std::vector<AddForeignKey> deferred;  // foreign keys that close a cycle, to add afterwards
};

// Orders `input` by their foreign keys between one another; ties go by name. A cycle is
// broken at the first table by name among those whose other dependencies are all created: its
// foreign keys to the rest of the cycle are deferred.
[[nodiscard]] CreationOrder creation_order(std::vector<Table> input);

// DropTable for each of `input`, every table before the tables its foreign keys reference;
// ties go by name. A cycle is broken at the first table by name among those referenced only
// from within the cycle: DropForeignKey for the keys pointing at it comes first, and the
// referencing tables are dropped later without those keys (as they are by then).
[[nodiscard]] std::vector<Operation> drop_order(std::vector<Table> input);

}  // namespace tempest::diff
