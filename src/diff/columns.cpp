#include "diff/columns.hpp"

namespace tempest::diff {

namespace {

bool differs(const Column& from, const Column& to) {
  return !(from.type == to.type) || from.nullable != to.nullable || from.identity != to.identity ||
         from.comment != to.comment ||
         (from.default_value != to.default_value &&
          !equivalent_defaults(to.type, from.default_value, to.default_value));
}

}  // namespace

void diff_columns(const TablePair& pair, DiffPhases& phases) {
  const Table& from = *pair.renamed;
  const Table& to = *pair.target;
  for (const Column& column : to.columns)
    if (find_column(from, column.name) == nullptr)
      phases.column_changes.push_back(AddColumn{to.name, without_hint(column)});
  for (const Column& column : to.columns) {
    const Column* old = find_column(from, column.name);
    if (old != nullptr && differs(*old, column))
      phases.column_changes.push_back(AlterColumn{to.name, *old, without_hint(column)});
  }
  for (const Column& column : from.columns)
    if (find_column(to, column.name) == nullptr)
      phases.column_drops.push_back(DropColumn{to.name, column});
}

}  // namespace tempest::diff
