// SqliteDriver: the Driver interface over libsqlite3.

#include <sqlite3.h>

#include <limits>
#include <memory>
#include <string>
#include <string_view>

#include "dialect/sqlite/result_code.hpp"
#include "tempest/error.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {

namespace {

// How long a connection waits for another one's write lock before giving up with
// SQLITE_BUSY, so that two migrators started together queue instead of failing.
constexpr int kBusyTimeoutMs = 5000;

// Statements longer than this are cut in error messages (DatabaseError::statement() keeps
// the whole text): a failing 1 MB data script should not flood the terminal.
constexpr std::size_t kMessageStatementLimit = 500;

struct StatementDeleter {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

std::string shorten(std::string_view sql) {
  if (sql.size() <= kMessageStatementLimit) return std::string(sql);
  return std::string(sql.substr(0, kMessageStatementLimit)) + "...";
}

// `sql` without surrounding white space and its final semicolon, as messages show it.
std::string_view bare(std::string_view sql) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!sql.empty() && blank(sql.front())) sql.remove_prefix(1);
  while (!sql.empty() && (blank(sql.back()) || sql.back() == ';')) sql.remove_suffix(1);
  return sql;
}

// The error the connection holds now, for the statement `sql`.
[[noreturn]] void fail(sqlite3* db, std::string_view sql) {
  sql = bare(sql);
  int code = sqlite3_extended_errcode(db);
  std::string name = sqlite_code_name(code);
  throw DatabaseError("sqlite: " + std::string(sqlite3_errmsg(db)) + " (" + name +
                          ", extended code " + std::to_string(code) +
                          ") in statement: " + shorten(sql),
                      name, std::string(sql));
}

[[noreturn]] void fail_with(int code, const std::string& what, std::string_view sql) {
  sql = bare(sql);
  std::string name = sqlite_code_name(code);
  throw DatabaseError("sqlite: " + what + " (" + name + ", extended code " + std::to_string(code) +
                          ") in statement: " + shorten(sql),
                      name, std::string(sql));
}

// The first statement of a script that failed to compile: the shortest prefix ending at a
// semicolon that sqlite3_complete accepts (it knows strings, comments and trigger bodies).
std::string_view first_statement(std::string_view sql) {
  for (std::size_t semicolon = sql.find(';'); semicolon != std::string_view::npos;
       semicolon = sql.find(';', semicolon + 1)) {
    std::string prefix(sql.substr(0, semicolon + 1));
    if (sqlite3_complete(prefix.c_str()) != 0) return sql.substr(0, semicolon + 1);
  }
  return sql;
}

// Compiles the first statement of `sql`; `rest` receives the text after it. The statement is
// null when `sql` holds only white space or comments.
Statement prepare(sqlite3* db, std::string_view sql, std::string_view& rest) {
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    fail_with(SQLITE_TOOBIG, "statement text longer than 2 GB", sql.substr(0, 1000));
  }
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  Statement statement(raw);
  if (rc != SQLITE_OK) fail(db, first_statement(sql));
  rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
  return statement;
}

// The text of one compiled statement, for error messages.
std::string_view statement_text(std::string_view sql, std::string_view rest) {
  return sql.substr(0, sql.size() - rest.size());
}

}  // namespace

std::unique_ptr<SqliteDriver> SqliteDriver::open(const std::string& path) {
  sqlite3* db = nullptr;
  // NOMUTEX: a Driver serves one thread at a time, so the connection's own mutex would only
  // cost a lock per API call (about 2 % of an upgrade's instructions, most of them in the
  // schema reload that follows each ALTER TABLE).
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    // A handle is returned even on failure (except out of memory) and must be closed.
    int code = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    std::string name = sqlite_code_name(code);
    throw DatabaseError("sqlite: cannot open database \"" + path + "\": " + message + " (" + name +
                            ", extended code " + std::to_string(code) + ")",
                        name, "");
  }
  std::unique_ptr<SqliteDriver> driver(new SqliteDriver(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // Off by default for backwards compatibility: https://sqlite.org/foreignkeys.html#fk_enable
  driver->execute("PRAGMA foreign_keys = ON");
  return driver;
}

SqliteDriver::~SqliteDriver() { sqlite3_close_v2(db_); }

void SqliteDriver::execute(std::string_view sql) {
  while (!sql.empty()) {
    std::string_view rest;
    Statement statement = prepare(db_, sql, rest);
    if (statement) {
      int rc;
      while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
      }
      if (rc != SQLITE_DONE) fail(db_, statement_text(sql, rest));
    }
    sql = rest;
  }
}

QueryResult SqliteDriver::query(std::string_view sql, const std::vector<SqlValue>& params) {
  std::string_view rest;
  Statement statement = prepare(db_, sql, rest);
  if (!statement) fail_with(SQLITE_MISUSE, "query() was given no statement", sql);
  std::string_view after;
  if (prepare(db_, rest, after)) {
    fail_with(SQLITE_MISUSE, "query() takes one statement, got several", sql);
  }

  sqlite3_stmt* stmt = statement.get();
  int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size())) {
    fail_with(SQLITE_RANGE,
              "statement has " + std::to_string(expected) + " parameters, " +
                  std::to_string(params.size()) + " given",
              sql);
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    int rc = params[i] ? sqlite3_bind_text64(stmt, index, params[i]->data(), params[i]->size(),
                                             SQLITE_TRANSIENT, SQLITE_UTF8)
                       : sqlite3_bind_null(stmt, index);
    if (rc != SQLITE_OK) fail(db_, sql);
  }

  QueryResult result;
  int columns = sqlite3_column_count(stmt);
  for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(stmt, c));
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::vector<SqlValue>& row = result.rows.emplace_back();
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
        row.emplace_back(std::nullopt);
        continue;
      }
      // Text first, then its length: the order https://sqlite.org/c3ref/column_blob.html asks.
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      if (text == nullptr) fail(db_, sql);  // out of memory converting the value to text
      row.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
    }
  }
  if (rc != SQLITE_DONE) fail(db_, sql);
  return result;
}

void SqliteDriver::begin() { execute("BEGIN IMMEDIATE"); }

void SqliteDriver::commit() { execute("COMMIT"); }

void SqliteDriver::rollback() {
  // Some errors (SQLITE_FULL, SQLITE_IOERR...) roll the transaction back by themselves:
  // https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction
  if (!in_transaction()) return;
  execute("ROLLBACK");
}

bool SqliteDriver::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace tempest
