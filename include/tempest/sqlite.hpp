#pragma once

#include <memory>
#include <string>

#include "tempest/driver.hpp"

struct sqlite3;

namespace tempest {

// A connection to an SQLite database through libsqlite3. Foreign key enforcement is switched
// on at open (SQLite leaves it off by default). Like every Driver, it serves one thread at a
// time: the connection is opened without its own mutex (SQLITE_OPEN_NOMUTEX), so sharing it
// between threads needs the caller's lock.
class SqliteDriver final : public Driver {
 public:
  // Opens (creating if needed) the database file at `path`; ":memory:" for a private
  // in-memory database. Throws DatabaseError naming the path.
  [[nodiscard]] static std::unique_ptr<SqliteDriver> open(const std::string& path);
  ~SqliteDriver() override;

  [[nodiscard]] DialectKind dialect() const override { return DialectKind::Sqlite; }
  void execute(std::string_view sql) override;
  [[nodiscard]] QueryResult query(std::string_view sql,
                                  const std::vector<SqlValue>& params = {}) override;
  void begin() override;  // BEGIN IMMEDIATE: takes the write lock at once
  void commit() override;
  void rollback() override;
  [[nodiscard]] bool in_transaction() const override;

  [[nodiscard]] sqlite3* handle() const { return db_; }

 private:
  explicit SqliteDriver(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace tempest
