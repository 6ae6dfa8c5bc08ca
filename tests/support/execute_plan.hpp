#pragma once

// Runs a rendered plan on a live database the way each engine needs, for the suites that
// execute what the dialects render.

#include <vector>

#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"

namespace tempest::testing {

// Executes `steps`, rendered by `dialect`, in order on `driver`, one step at a time. SQLite:
// each step through sqlite::execute_step (a rebuild switches foreign keys off outside its
// transaction, keeps triggers and runs the foreign key check). PostgreSQL: each step's
// statements in a transaction of their own, or outside any when the step is not transactional.
// A failing step is rolled back whole and its DatabaseError rethrown; the steps before it stay
// committed.
void execute_plan(Driver& driver, const Dialect& dialect, const std::vector<RenderedStep>& steps);

// Executes `steps` as the migration runner executes one migration: each maximal run of
// transactional steps in one transaction through the dialect's StepExecutor (begin, run each,
// check, commit), each non-transactional step alone. A failure rolls back the whole run it
// belongs to and is rethrown; runs before it stay committed.
void execute_plan_atomically(Driver& driver, const Dialect& dialect,
                             const std::vector<RenderedStep>& steps);

}  // namespace tempest::testing
