#include <algorithm>
#include <utility>

#include "diff/columns.hpp"
#include "diff/enums.hpp"
#include "diff/foreign_keys.hpp"
#include "diff/indexes.hpp"
#include "diff/phases.hpp"
#include "diff/renames.hpp"
#include "diff/tables.hpp"
#include "tempest/diff.hpp"

namespace tempest {

namespace {

void append(std::vector<Operation>& out, std::vector<Operation>& phase) {
  for (Operation& op : phase) out.push_back(std::move(op));
}

std::vector<Operation> concatenate(diff::DiffPhases& phases) {
  std::stable_sort(phases.foreign_key_adds.begin(), phases.foreign_key_adds.end(),
                   [](const AddForeignKey& a, const AddForeignKey& b) {
                     if (a.table != b.table) return a.table < b.table;
                     return a.foreign_key.name < b.foreign_key.name;
                   });
  std::vector<Operation> foreign_key_adds(phases.foreign_key_adds.begin(),
                                          phases.foreign_key_adds.end());
  std::vector<Operation> ops;
  for (std::vector<Operation>* phase :
       {&phases.enum_additions, &phases.foreign_key_drops, &phases.table_drops,
        &phases.constraint_drops, &phases.renames, &phases.column_changes, &phases.column_drops,
        &phases.constraint_adds, &phases.table_creates, &foreign_key_adds, &phases.enum_removals})
    append(ops, *phase);
  return ops;
}

}  // namespace

std::vector<Operation> diff_schema(const Schema& current, const Schema& target) {
  diff::DiffPhases phases;
  diff::diff_enums(current, target, phases);
  diff::TableMatching matching = diff::match_tables(current, target);
  phases.renames = std::move(matching.renames);
  for (const diff::TablePair& pair : matching.kept) {
    diff::diff_columns(pair, phases);
    diff::diff_table_comment(pair, phases);
    diff::diff_primary_key(pair, phases);
    diff::diff_indexes(pair, phases);
  }
  diff::diff_foreign_keys(matching, phases);
  diff::drop_tables(matching.dropped, phases);
  diff::create_tables(matching.created, phases);
  return concatenate(phases);
}

}  // namespace tempest
