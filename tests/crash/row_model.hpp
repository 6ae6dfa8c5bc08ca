#pragma once

// The rows a database must hold after a given sequence of operations, computed in C++
// without any database: schema operations move columns and fill added ones with their
// defaults, and each hand-written data step (Execute) has a model effect registered under its
// SQL text. Values are kept in the text form both drivers return.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/operations.hpp"

namespace tempest::testing {

using Row = std::vector<SqlValue>;

// The rows of one table, by primary key. Every table the model handles has a single integer
// primary key as its first column.
struct TableRows {
  std::vector<std::string> columns;
  std::map<std::int64_t, Row> rows;

  // The position of column `name`; throws std::logic_error naming it when absent.
  [[nodiscard]] std::size_t column(std::string_view name) const;
  // A row with every column given by name; throws std::logic_error for a missing or unknown
  // column, so that a data step written for another shape of the table is caught.
  [[nodiscard]] Row make_row(const std::vector<std::pair<std::string, SqlValue>>& values) const;
};

using ModelData = std::map<std::string, TableRows>;

// Throws std::logic_error naming the table when absent.
[[nodiscard]] TableRows& table_rows(ModelData& data, const std::string& name);

using DataEffect = std::function<void(ModelData&)>;

// The model effect of each hand-written statement, by its exact SQL text.
class DataEffects {
 public:
  // Throws std::logic_error when `sql` already has an effect.
  void add(const std::string& sql, DataEffect effect);
  // Throws std::logic_error naming the statement when it has none.
  void apply(ModelData& data, const std::string& sql) const;

 private:
  std::map<std::string, DataEffect> by_sql_;
};

// Applies `op` to the rows: creates, drops and renames tables and columns (an added column
// takes its literal default, or NULL), keeps values through AlterColumn (the history only
// widens types and changes defaults), and runs the registered effect of an Execute. Other
// operations leave rows alone. Throws std::logic_error for what the model cannot follow.
void apply_to_rows(ModelData& data, const Operation& op, const DataEffects& effects);

// An order-sensitive fingerprint of rows, so that expected states need not be kept whole. Fed
// value by value, so that a check can digest rows straight from the engine's result.
struct RowsDigest {
  std::size_t rows = 0;
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a offset basis

  void value(std::string_view text);  // a value, in the text form the drivers return
  void null();
  void end_row();
  void add(const Row& row);  // each value, then end_row()

  friend bool operator==(const RowsDigest&, const RowsDigest&) = default;
};

[[nodiscard]] RowsDigest digest(const TableRows& table);

}  // namespace tempest::testing
