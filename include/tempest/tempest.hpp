#pragma once

// Everything public, in one include.

#include "tempest/build.hpp"
#include "tempest/cli.hpp"
#include "tempest/codegen.hpp"
#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/drift.hpp"
#include "tempest/driver.hpp"
#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/migration.hpp"
#include "tempest/migrations.hpp"
#include "tempest/model.hpp"
#include "tempest/operations.hpp"
#include "tempest/postgres.hpp"
#include "tempest/risks.hpp"
#include "tempest/runner.hpp"
#include "tempest/schema.hpp"
#include "tempest/sqlite.hpp"
#include "tempest/target.hpp"
