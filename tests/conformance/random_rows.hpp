#pragma once

// Rows for the tables of a schema A that is about to be migrated to B: values valid for the
// column's type in A and, where the column survives, in B (so that a type conversion succeeds),
// never NULL where B makes the column NOT NULL, distinct where A or B asks for uniqueness,
// enum labels that B keeps, foreign keys pointing at existing parent rows or NULL (always NULL
// when B drops the parent, whose rows the inverse cannot bring back).

#include <random>
#include <string>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

struct TableRows {
  std::string table;
  std::vector<std::string> columns;  // every column of the table
  std::vector<std::vector<SqlValue>> rows;
};

// Rows of every table of `a`, parents before children; tables may get none.
[[nodiscard]] std::vector<TableRows> random_rows(const Schema& a, const Schema& b,
                                                 std::mt19937_64& rng);

// Adjusts the pair so that both directions of the migration can run on these rows: a column
// added to (or, for the inverse, dropped from) a table with rows gets a default when it is NOT
// NULL without one, and becomes nullable without default when it is unique and the table has
// two rows or more (one default in every row would repeat).
void fit_to_rows(Schema& a, Schema& b, const std::vector<TableRows>& rows);

// INSERTs the rows, with bound parameters, in order.
void insert_rows(Driver& driver, const std::vector<TableRows>& rows);

}  // namespace tempest::testing
