#include "dialect/postgres/outside_transaction.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace tempest::postgres {

namespace {

bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The upper-cased keywords of each statement of `sql`; literals, quoted identifiers and
// comments are dropped, so a name or string that spells CONCURRENTLY does not count.
std::vector<std::vector<std::string>> statement_words(std::string_view sql) {
  std::vector<std::vector<std::string>> statements(1);
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      std::size_t end = sql.find(c, i + 1);
      while (end != std::string_view::npos && end + 1 < sql.size() && sql[end + 1] == c) {
        end = sql.find(c, end + 2);
      }
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.substr(i, 2) == "--") {
      std::size_t end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.substr(i, 2) == "/*") {
      std::size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '$') {
      // A dollar-quoted body ($$...$$ or $tag$...$tag$) is function code, not a statement.
      std::size_t close = sql.find('$', i + 1);
      std::string_view tag = close == std::string_view::npos ? "" : sql.substr(i, close - i + 1);
      bool valid = !tag.empty() && std::all_of(tag.begin() + 1, tag.end() - 1, is_word);
      std::size_t end = valid ? sql.find(tag, close + 1) : std::string_view::npos;
      i = !valid ? i + 1 : end == std::string_view::npos ? sql.size() : end + tag.size();
    } else if (c == ';') {
      statements.emplace_back();
      ++i;
    } else if (is_word(c)) {
      std::string word;
      for (; i < sql.size() && is_word(sql[i]); ++i) {
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i])));
      }
      statements.back().push_back(std::move(word));
    } else {
      ++i;
    }
  }
  return statements;
}

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool refused_in_transaction(const std::vector<std::string>& words) {
  if (words.empty()) return false;
  const std::string& first = words[0];
  const std::string second = words.size() > 1 ? words[1] : "";
  if (first == "VACUUM") return true;
  if ((first == "CREATE" || first == "DROP") && (second == "DATABASE" || second == "TABLESPACE")) {
    return true;
  }
  if (first == "ALTER" && second == "SYSTEM") return true;
  if (first == "REINDEX") {
    return second == "DATABASE" || second == "SYSTEM" || contains(words, "CONCURRENTLY");
  }
  if (first == "CREATE" || first == "DROP") {
    return contains(words, "INDEX") && contains(words, "CONCURRENTLY");
  }
  if (first == "ALTER") return contains(words, "DETACH") && contains(words, "CONCURRENTLY");
  return false;
}

}  // namespace

bool must_run_outside_transaction(std::string_view sql) {
  for (const std::vector<std::string>& words : statement_words(sql)) {
    if (refused_in_transaction(words)) return true;
  }
  return false;
}

}  // namespace tempest::postgres
