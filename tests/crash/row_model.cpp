#include "row_model.hpp"

#include <algorithm>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace tempest::testing {

namespace {

void hash_bytes(std::uint64_t& hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
}

SqlValue added_value(const Column& column) {
  if (!column.default_value) return std::nullopt;
  if (column.default_value->kind != DefaultKind::Literal) {
    throw std::logic_error("row model: column \"" + column.name +
                           "\" has an expression default, whose value the model cannot know");
  }
  return column.default_value->value;
}

struct RowsVisitor {
  ModelData& data;
  const DataEffects& effects;

  void operator()(const CreateTable& op) const {
    TableRows table;
    for (const Column& column : op.table.columns) table.columns.push_back(column.name);
    if (!data.emplace(op.table.name, std::move(table)).second) {
      throw std::logic_error("row model: table \"" + op.table.name + "\" exists already");
    }
  }
  void operator()(const DropTable& op) const {
    (void)table_rows(data, op.table.name);
    data.erase(op.table.name);
  }
  void operator()(const RenameTable& op) const {
    TableRows moved = std::move(table_rows(data, op.from));
    data.erase(op.from);
    data.emplace(op.to, std::move(moved));
  }
  void operator()(const AddColumn& op) const {
    TableRows& table = table_rows(data, op.table);
    const SqlValue value = added_value(op.column);
    if (value == std::nullopt && !op.column.nullable && !table.rows.empty()) {
      throw std::logic_error("row model: NOT NULL column \"" + op.column.name +
                             "\" without a default added to the filled table \"" + op.table + "\"");
    }
    table.columns.push_back(op.column.name);
    for (auto& [key, row] : table.rows) row.push_back(value);
  }
  void operator()(const DropColumn& op) const {
    TableRows& table = table_rows(data, op.table);
    const auto at = static_cast<std::ptrdiff_t>(table.column(op.column.name));
    table.columns.erase(table.columns.begin() + at);
    for (auto& [key, row] : table.rows) row.erase(row.begin() + at);
  }
  void operator()(const RenameColumn& op) const {
    TableRows& table = table_rows(data, op.table);
    table.columns[table.column(op.from)] = op.to;
  }
  void operator()(const Execute& op) const { effects.apply(data, op.sql); }
  template <class Other>
  void operator()(const Other&) const {}
};

}  // namespace

std::size_t TableRows::column(std::string_view name) const {
  const auto found = std::find(columns.begin(), columns.end(), name);
  if (found == columns.end()) {
    throw std::logic_error("row model: no column \"" + std::string(name) + "\"");
  }
  return static_cast<std::size_t>(found - columns.begin());
}

Row TableRows::make_row(const std::vector<std::pair<std::string, SqlValue>>& values) const {
  if (values.size() != columns.size()) {
    throw std::logic_error("row model: a row of " + std::to_string(values.size()) +
                           " values for a table of " + std::to_string(columns.size()) + " columns");
  }
  Row row(columns.size());
  for (const auto& [name, value] : values) row[column(name)] = value;
  return row;
}

TableRows& table_rows(ModelData& data, const std::string& name) {
  const auto found = data.find(name);
  if (found == data.end()) throw std::logic_error("row model: no table \"" + name + "\"");
  return found->second;
}

void DataEffects::add(const std::string& sql, DataEffect effect) {
  if (!by_sql_.emplace(sql, std::move(effect)).second) {
    throw std::logic_error("row model: two effects for the statement " + sql);
  }
}

void DataEffects::apply(ModelData& data, const std::string& sql) const {
  const auto found = by_sql_.find(sql);
  if (found == by_sql_.end()) {
    throw std::logic_error("row model: no effect registered for the statement " + sql);
  }
  found->second(data);
}

void apply_to_rows(ModelData& data, const Operation& op, const DataEffects& effects) {
  std::visit(RowsVisitor{data, effects}, op);
}

// A tag byte per value and a terminator keep NULL apart from '' and ('ab', 'c') apart from
// ('a', 'bc'); the values of the history hold no NUL byte.
void RowsDigest::value(std::string_view text) {
  hash_bytes(hash, "v");
  hash_bytes(hash, text);
  hash_bytes(hash, std::string_view("\0", 1));
}

void RowsDigest::null() { hash_bytes(hash, "n"); }

void RowsDigest::end_row() {
  ++rows;
  hash_bytes(hash, "r");
}

void RowsDigest::add(const Row& row) {
  for (const SqlValue& item : row) {
    if (item) {
      value(*item);
    } else {
      null();
    }
  }
  end_row();
}

RowsDigest digest(const TableRows& table) {
  RowsDigest out;
  for (const auto& [key, row] : table.rows) out.add(row);
  return out;
}

}  // namespace tempest::testing
