#include <string>
#include <utility>

#include "tempest/build.hpp"

namespace tempest::build {

ColumnBuilder::ColumnBuilder(std::string name, ColumnType type) {
  column_.name = std::move(name);
  column_.type = std::move(type);
}

ColumnBuilder& ColumnBuilder::nullable() & {
  column_.nullable = true;
  return *this;
}

ColumnBuilder& ColumnBuilder::default_literal(std::string value) & {
  column_.default_value = ColumnDefault{DefaultKind::Literal, std::move(value)};
  return *this;
}

ColumnBuilder& ColumnBuilder::default_sql(std::string expression) & {
  column_.default_value = ColumnDefault{DefaultKind::Expression, std::move(expression)};
  return *this;
}

ColumnBuilder& ColumnBuilder::identity() & {
  column_.identity = Identity::ByDefault;
  return *this;
}

ColumnBuilder& ColumnBuilder::identity_always() & {
  column_.identity = Identity::Always;
  return *this;
}

ColumnBuilder& ColumnBuilder::autoincrement() & {
  column_.identity = Identity::Autoincrement;
  return *this;
}

ColumnBuilder& ColumnBuilder::comment(std::string text) & {
  column_.comment = std::move(text);
  return *this;
}

ColumnBuilder& ColumnBuilder::renamed_from(std::string old_name) & {
  column_.renamed_from = std::move(old_name);
  return *this;
}

ColumnBuilder column(std::string name, ColumnType type) {
  return ColumnBuilder(std::move(name), std::move(type));
}

}  // namespace tempest::build
