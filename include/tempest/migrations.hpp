#pragma once

// The migration workflow's entry points under the names the workflow uses:
// tempest::migrations::reflect_schema, empty_schema, diff_schema, replay_schema...

#include "tempest/codegen.hpp"
#include "tempest/diff.hpp"
#include "tempest/json.hpp"
#include "tempest/migration.hpp"
#include "tempest/model.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest::migrations {

using tempest::diff_schema;
using tempest::empty_schema;
using tempest::find_rename_candidates;
using tempest::generate_migration;
using tempest::invert;
using tempest::make_migration;
using tempest::Migration;
using tempest::MigrationGraph;
using tempest::MigrationSource;
using tempest::reflect_schema;
using tempest::replay_schema;

}  // namespace tempest::migrations
