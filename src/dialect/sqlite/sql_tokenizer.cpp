#include "dialect/sqlite/sql_tokenizer.hpp"

#include <algorithm>
#include <cctype>

namespace tempest::sqlite_sql {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes >= 0x80 are identifier characters in SQLite, so UTF-8 names need no quotes.
bool starts_word(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool continues_word(char c) { return starts_word(c) || is_digit(c) || c == '$'; }

// Reads a quoted token starting at sql[i] (the opening mark). Doubling `close` escapes it,
// except in [brackets], which have no escape.
std::size_t read_quoted(std::string_view sql, std::size_t i, char close, bool doubling,
                        std::string& value) {
  for (++i; i < sql.size(); ++i) {
    if (sql[i] != close) {
      value += sql[i];
    } else if (doubling && i + 1 < sql.size() && sql[i + 1] == close) {
      value += close;
      ++i;
    } else {
      return i + 1;
    }
  }
  return sql.size();
}

// A numeric literal from sql[begin]: digits, '.', an exponent with its sign, or hex digits
// after 0x (where 'e' is a digit and a following '+' is an operator).
std::size_t read_number(std::string_view sql, std::size_t begin) {
  bool hex = sql.substr(begin, 2) == "0x" || sql.substr(begin, 2) == "0X";
  std::size_t i = begin + 1;
  while (i < sql.size()) {
    char c = sql[i];
    bool exponent_sign = !hex && (c == '+' || c == '-') && (sql[i - 1] == 'e' || sql[i - 1] == 'E');
    if (!continues_word(c) && c != '.' && !exponent_sign) break;
    ++i;
  }
  return i;
}

}  // namespace

std::vector<Token> tokenize(std::string_view sql) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t newline = sql.find('\n', i);
      i = newline == std::string_view::npos ? sql.size() : newline + 1;
      continue;
    }
    if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      std::size_t close = sql.find("*/", i + 2);
      i = close == std::string_view::npos ? sql.size() : close + 2;
      continue;
    }
    Token token;
    token.begin = i;
    if (c == '"' || c == '`') {
      token.kind = TokenKind::QuotedName;
      i = read_quoted(sql, i, c, true, token.value);
    } else if (c == '[') {
      token.kind = TokenKind::QuotedName;
      i = read_quoted(sql, i, ']', false, token.value);
    } else if (c == '\'') {
      token.kind = TokenKind::String;
      i = read_quoted(sql, i, '\'', true, token.value);
    } else if (is_digit(c) || (c == '.' && i + 1 < sql.size() && is_digit(sql[i + 1]))) {
      token.kind = TokenKind::Number;
      i = read_number(sql, i);
      token.value = std::string(sql.substr(token.begin, i - token.begin));
    } else if (starts_word(c)) {
      token.kind = TokenKind::Word;
      while (i < sql.size() && continues_word(sql[i])) ++i;
      token.value = std::string(sql.substr(token.begin, i - token.begin));
    } else {
      token.kind = TokenKind::Punct;
      token.value = std::string(1, c);
      ++i;
    }
    token.end = i;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool is_keyword(const Token& token, std::string_view keyword) {
  if (token.kind != TokenKind::Word || token.value.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < keyword.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(token.value[i])) != keyword[i]) return false;
  }
  return true;
}

bool same_name(std::string_view a, std::string_view b) {
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

bool is_punct(const Token& token, char c) {
  return token.kind == TokenKind::Punct && token.value.size() == 1 && token.value[0] == c;
}

bool is_name(const Token& token) {
  return token.kind == TokenKind::Word || token.kind == TokenKind::QuotedName ||
         token.kind == TokenKind::String;
}

std::size_t matching_paren(const std::vector<Token>& tokens, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (is_punct(tokens[i], '(')) ++depth;
    if (is_punct(tokens[i], ')') && --depth == 0) return i;
  }
  return tokens.size();
}

}  // namespace tempest::sqlite_sql
