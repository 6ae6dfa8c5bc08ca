// Tables and the objects declared on them: keys, indexes, constraints.

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "tempest/build.hpp"

namespace tempest::build {

IndexKeyBuilder::IndexKeyBuilder(const char* column) : IndexKeyBuilder(std::string(column)) {}

IndexKeyBuilder::IndexKeyBuilder(std::string column) { key_.column = std::move(column); }

IndexKeyBuilder desc(IndexKeyBuilder key) {
  IndexKey descending = std::move(key);
  descending.descending = true;
  return IndexKeyBuilder(std::move(descending));
}

IndexKeyBuilder expr(std::string expression) {
  IndexKey key;
  key.expression = std::move(expression);
  return IndexKeyBuilder(std::move(key));
}

IndexBuilder::IndexBuilder(std::string name, std::vector<IndexKeyBuilder> keys) {
  index_.name = std::move(name);
  index_.keys.reserve(keys.size());
  for (IndexKeyBuilder& key : keys) index_.keys.push_back(std::move(key));
}

IndexBuilder& IndexBuilder::unique() & {
  index_.unique = true;
  return *this;
}

IndexBuilder& IndexBuilder::where(std::string predicate) & {
  index_.where = std::move(predicate);
  return *this;
}

IndexBuilder::IndexBuilder(std::string name, std::initializer_list<IndexKeyBuilder> keys) {
  index_.name = std::move(name);
  index_.keys.reserve(keys.size());
  for (const IndexKeyBuilder& key : keys) index_.keys.push_back(key);
}

IndexBuilder index(std::string name, std::vector<IndexKeyBuilder> keys) {
  return IndexBuilder(std::move(name), std::move(keys));
}

IndexBuilder index(std::string name, std::initializer_list<IndexKeyBuilder> keys) {
  return IndexBuilder(std::move(name), keys);
}

ForeignKeyBuilder::ForeignKeyBuilder(std::string name, std::vector<std::string> columns,
                                     std::string ref_table, std::vector<std::string> ref_columns) {
  foreign_key_.name = std::move(name);
  foreign_key_.columns = std::move(columns);
  foreign_key_.ref_table = std::move(ref_table);
  foreign_key_.ref_columns = std::move(ref_columns);
}

ForeignKeyBuilder& ForeignKeyBuilder::on_delete(ForeignKeyAction action) & {
  foreign_key_.on_delete = action;
  return *this;
}

ForeignKeyBuilder& ForeignKeyBuilder::on_update(ForeignKeyAction action) & {
  foreign_key_.on_update = action;
  return *this;
}

ForeignKeyBuilder& ForeignKeyBuilder::deferrable(Deferrable deferrable) & {
  foreign_key_.deferrable = deferrable;
  return *this;
}

ForeignKeyBuilder foreign_key(std::string name, std::vector<std::string> columns,
                              std::string ref_table, std::vector<std::string> ref_columns) {
  return ForeignKeyBuilder(std::move(name), std::move(columns), std::move(ref_table),
                           std::move(ref_columns));
}

PrimaryKey primary_key(std::string name, std::vector<std::string> columns) {
  return PrimaryKey{std::move(name), std::move(columns)};
}

UniqueConstraint unique(std::string name, std::vector<std::string> columns) {
  return UniqueConstraint{std::move(name), std::move(columns)};
}

CheckConstraint check(std::string name, std::string expression) {
  return CheckConstraint{std::move(name), std::move(expression)};
}

TableBuilder::TableBuilder(std::string name, std::vector<Column> columns) {
  table_.name = std::move(name);
  table_.columns = std::move(columns);
}

TableBuilder& TableBuilder::primary_key(std::string name, std::vector<std::string> columns) & {
  table_.primary_key = PrimaryKey{std::move(name), std::move(columns)};
  return *this;
}

TableBuilder& TableBuilder::unique(std::string name, std::vector<std::string> columns) & {
  table_.uniques.push_back(UniqueConstraint{std::move(name), std::move(columns)});
  return *this;
}

TableBuilder& TableBuilder::check(std::string name, std::string expression) & {
  table_.checks.push_back(CheckConstraint{std::move(name), std::move(expression)});
  return *this;
}

TableBuilder& TableBuilder::foreign_key(ForeignKey foreign_key) & {
  table_.foreign_keys.push_back(std::move(foreign_key));
  return *this;
}

TableBuilder& TableBuilder::index(Index index) & {
  table_.indexes.push_back(std::move(index));
  return *this;
}

TableBuilder& TableBuilder::comment(std::string text) & {
  table_.comment = std::move(text);
  return *this;
}

TableBuilder& TableBuilder::renamed_from(std::string old_name) & {
  table_.renamed_from = std::move(old_name);
  return *this;
}

TableBuilder::operator Table() const& {
  Table table = table_;
  canonicalize(table);
  return table;
}

TableBuilder::operator Table() && {
  canonicalize(table_);
  return std::move(table_);
}

TableBuilder table(std::string name, std::vector<Column> columns) {
  return TableBuilder(std::move(name), std::move(columns));
}

}  // namespace tempest::build
