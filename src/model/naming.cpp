#include "model/naming.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace tempest::naming {

namespace {

std::string join(std::string prefix, std::string_view table,
                 const std::vector<std::string>& parts) {
  std::string name = std::move(prefix);
  name += table;
  for (const std::string& part : parts) {
    name += '_';
    name += part;
  }
  return fit(std::move(name));
}

// "lower(email)" -> "lower_email": the words of an expression, for index names.
std::string expression_words(std::string_view expression) {
  std::string words;
  for (char c : expression) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!words.empty() && words.back() != '_') {
      words += '_';
    }
  }
  while (!words.empty() && words.back() == '_') words.pop_back();
  return words.empty() ? "expr" : words;
}

}  // namespace

std::string fit(std::string name) {
  if (name.size() <= max_identifier_bytes) return name;
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : name) hash = (hash ^ c) * 16777619u;
  char suffix[10];
  std::snprintf(suffix, sizeof suffix, "_%08x", hash);
  // Cut on a UTF-8 character boundary so the name stays valid text.
  std::size_t keep = max_identifier_bytes - 9;
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  name.resize(keep);
  return name + suffix;
}

std::string primary_key(std::string_view table) { return fit("pk_" + std::string(table)); }

std::string unique(std::string_view table, const std::vector<std::string>& columns) {
  return join("uq_", table, columns);
}

std::string index(std::string_view table, const std::vector<IndexKey>& keys) {
  std::vector<std::string> parts;
  for (const IndexKey& key : keys)
    parts.push_back(key.expression.empty() ? key.column : expression_words(key.expression));
  return join("ix_", table, parts);
}

std::string foreign_key(std::string_view table, const std::vector<std::string>& columns,
                        std::string_view ref_table) {
  std::vector<std::string> parts = columns;
  parts.emplace_back(ref_table);
  return join("fk_", table, parts);
}

std::string column_check(std::string_view table, std::string_view column) {
  return join("ck_", table, {std::string(column)});
}

}  // namespace tempest::naming
