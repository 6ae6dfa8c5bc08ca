#include "dialect/postgres/object_names.hpp"

#include <cctype>

#include "model/naming.hpp"

namespace tempest::postgres {

namespace {

// "id >= 0" -> "id_0": the words of an expression, for the names of unnamed checks.
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

std::string stored_name(std::string_view name) {
  if (name.size() <= naming::max_identifier_bytes) return std::string(name);
  std::size_t keep = naming::max_identifier_bytes;
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return std::string(name.substr(0, keep));
}

std::string primary_key_name(const std::string& table, const PrimaryKey& key) {
  return key.name.empty() ? naming::primary_key(table) : key.name;
}

std::string unique_name(const std::string& table, const UniqueConstraint& unique) {
  return unique.name.empty() ? naming::unique(table, unique.columns) : unique.name;
}

std::string index_name(const std::string& table, const Index& index) {
  return index.name.empty() ? naming::index(table, index.keys) : index.name;
}

std::string foreign_key_name(const std::string& table, const ForeignKey& key) {
  return key.name.empty() ? naming::foreign_key(table, key.columns, key.ref_table) : key.name;
}

std::string check_name(const std::string& table, const CheckConstraint& check) {
  return check.name.empty() ? naming::column_check(table, expression_words(check.expression))
                            : check.name;
}

}  // namespace tempest::postgres
