#include "diff/enums.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tempest::diff {

namespace {

using Labels = std::vector<std::string>;

bool has(const Labels& labels, const std::string& label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

Labels shared_with(const Labels& labels, const Labels& other) {
  Labels shared;
  for (const std::string& label : labels)
    if (has(other, label)) shared.push_back(label);
  return shared;
}

// Current and target labels interleaved: shared labels once, in their common order; between
// two shared labels, the current-only ones first.
Labels merge(const Labels& from, const Labels& to) {
  Labels merged;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < from.size() || j < to.size()) {
    if (i < from.size() && !has(to, from[i])) {
      merged.push_back(from[i++]);
    } else if (j < to.size() && !has(from, to[j])) {
      merged.push_back(to[j++]);
    } else {
      merged.push_back(from[i]);  // shared, so from[i] == to[j]
      ++i;
      ++j;
    }
  }
  return merged;
}

void insert_and_remove(const EnumType& from, const EnumType& to, DiffPhases& phases) {
  const Labels merged = merge(from.labels, to.labels);
  for (std::size_t p = 0; p < merged.size(); ++p)
    if (!has(from.labels, merged[p]))
      phases.enum_additions.push_back(AddEnumValue{to.name, merged[p], p});
  for (std::size_t p = merged.size(); p-- > 0;)
    if (!has(to.labels, merged[p]))
      phases.enum_removals.push_back(DropEnumValue{to.name, merged[p], p});
}

// Which labels of `a` and of `b` belong to one longest common subsequence.
std::pair<std::vector<bool>, std::vector<bool>> common_subsequence(const Labels& a,
                                                                   const Labels& b) {
  std::vector<std::vector<std::size_t>> length(a.size() + 1,
                                               std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      length[i][j] =
          a[i] == b[j] ? length[i + 1][j + 1] + 1 : std::max(length[i + 1][j], length[i][j + 1]);
  std::vector<bool> in_a(a.size(), false);
  std::vector<bool> in_b(b.size(), false);
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      in_a[i++] = true;
      in_b[j++] = true;
    } else if (length[i + 1][j] >= length[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return {in_a, in_b};
}

void reorder(const EnumType& from, const EnumType& to, DiffPhases& phases) {
  const auto [keep_from, keep_to] = common_subsequence(from.labels, to.labels);
  for (std::size_t p = from.labels.size(); p-- > 0;)
    if (!keep_from[p]) phases.enum_additions.push_back(DropEnumValue{to.name, from.labels[p], p});
  for (std::size_t p = 0; p < to.labels.size(); ++p)
    if (!keep_to[p]) phases.enum_additions.push_back(AddEnumValue{to.name, to.labels[p], p});
}

void diff_labels(const EnumType& from, const EnumType& to, DiffPhases& phases) {
  if (from.labels == to.labels) return;
  if (shared_with(from.labels, to.labels) == shared_with(to.labels, from.labels)) {
    insert_and_remove(from, to, phases);
  } else {
    reorder(from, to, phases);
  }
}

}  // namespace

void diff_enums(const Schema& current, const Schema& target, DiffPhases& phases) {
  std::map<std::string, const EnumType*> from;
  std::map<std::string, const EnumType*> to;
  for (const EnumType& e : current.enums) from.emplace(e.name, &e);
  for (const EnumType& e : target.enums) to.emplace(e.name, &e);
  std::set<std::string> names;
  for (const auto& entry : from) names.insert(entry.first);
  for (const auto& entry : to) names.insert(entry.first);
  for (const std::string& name : names) {
    auto old = from.find(name);
    auto now = to.find(name);
    if (old == from.end()) {
      phases.enum_additions.push_back(CreateEnum{*now->second});
    } else if (now == to.end()) {
      phases.enum_removals.push_back(DropEnum{*old->second});
    } else {
      diff_labels(*old->second, *now->second, phases);
    }
  }
}

}  // namespace tempest::diff
