#include "diff/indexes.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "schema/sql_literal.hpp"

namespace tempest::diff {

namespace {

// Expressions and predicates as engines echo them differ in case, spacing and parentheses.
bool same_sql(std::string_view a, std::string_view b) {
  return a == b || normalize_sql_expression(a) == normalize_sql_expression(b);
}

bool same_key(const IndexKey& a, const IndexKey& b) {
  return a.column == b.column && a.descending == b.descending &&
         same_sql(a.expression, b.expression);
}

bool same_unique(const UniqueConstraint& a, const UniqueConstraint& b) { return a == b; }

template <class T, class Same>
bool contains(const std::vector<T>& objects, const T& object, Same same) {
  return std::any_of(objects.begin(), objects.end(),
                     [&](const T& other) { return same(object, other); });
}

// Drops (phase constraint_drops) every object of `renamed` that `target` lacks, carrying the
// object as it is before the renames, and adds (phase constraint_adds) every object of
// `target` that `renamed` lacks. `renamed` and `current` are index-aligned: renames change
// no object's name, so they keep their places.
template <class T, class Same, class Drop, class Add>
void diff_objects(const std::vector<T>& current, const std::vector<T>& renamed,
                  const std::vector<T>& target, Same same, Drop drop, Add add, DiffPhases& phases) {
  for (std::size_t i = 0; i < renamed.size(); ++i)
    if (!contains(target, renamed[i], same)) phases.constraint_drops.push_back(drop(current[i]));
  for (const T& object : target)
    if (!contains(renamed, object, same)) phases.constraint_adds.push_back(add(object));
}

}  // namespace

bool same_index(const Index& a, const Index& b) {
  return a.name == b.name && a.unique == b.unique && same_sql(a.where, b.where) &&
         std::equal(a.keys.begin(), a.keys.end(), b.keys.begin(), b.keys.end(), same_key);
}

bool same_check(const CheckConstraint& a, const CheckConstraint& b) {
  return a.name == b.name && same_sql(a.expression, b.expression);
}

void diff_indexes(const TablePair& pair, DiffPhases& phases) {
  const std::string& old_name = pair.current->name;
  const std::string& new_name = pair.target->name;
  diff_objects(
      pair.current->indexes, pair.renamed->indexes, pair.target->indexes, same_index,
      [&](const Index& index) -> Operation {
        return DropIndex{old_name, index};
      },
      [&](const Index& index) -> Operation {
        return CreateIndex{new_name, index};
      },
      phases);
  diff_objects(
      pair.current->uniques, pair.renamed->uniques, pair.target->uniques, same_unique,
      [&](const UniqueConstraint& unique) -> Operation {
        return DropUnique{old_name, unique};
      },
      [&](const UniqueConstraint& unique) -> Operation {
        return AddUnique{new_name, unique};
      },
      phases);
  diff_objects(
      pair.current->checks, pair.renamed->checks, pair.target->checks, same_check,
      [&](const CheckConstraint& check) -> Operation {
        return DropCheck{old_name, check};
      },
      [&](const CheckConstraint& check) -> Operation {
        return AddCheck{new_name, check};
      },
      phases);
}

void diff_primary_key(const TablePair& pair, DiffPhases& phases) {
  if (pair.renamed->primary_key == pair.target->primary_key) return;
  phases.column_changes.push_back(
      AlterPrimaryKey{pair.target->name, pair.renamed->primary_key, pair.target->primary_key});
}

}  // namespace tempest::diff
