#include "diff/tables.hpp"

#include <utility>

#include "diff/order.hpp"

namespace tempest::diff {

void diff_table_comment(const TablePair& pair, DiffPhases& phases) {
  if (pair.renamed->comment == pair.target->comment) return;
  phases.column_changes.push_back(
      AlterTableComment{pair.target->name, pair.renamed->comment, pair.target->comment});
}

void create_tables(const std::vector<const Table*>& created, DiffPhases& phases) {
  std::vector<Table> tables;
  for (const Table* table : created) tables.push_back(without_hints(*table));
  CreationOrder order = creation_order(std::move(tables));
  for (Table& table : order.tables) phases.table_creates.push_back(CreateTable{std::move(table)});
  for (AddForeignKey& fk : order.deferred) phases.foreign_key_adds.push_back(std::move(fk));
}

void drop_tables(const std::vector<const Table*>& dropped, DiffPhases& phases) {
  std::vector<Table> tables;
  for (const Table* table : dropped) tables.push_back(*table);
  for (Operation& op : drop_order(std::move(tables))) phases.table_drops.push_back(std::move(op));
}

}  // namespace tempest::diff
