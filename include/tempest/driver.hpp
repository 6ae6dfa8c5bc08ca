#pragma once

// The connection to a database, kept as small as the runner needs: run statements, run a
// query with bound parameters, and transactions. SqliteDriver and PostgresDriver implement it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tempest {

enum class DialectKind { Sqlite, Postgres };

// A parameter or result value in text form; nullopt is SQL NULL. Both engines convert text
// to the column's type (SQLite by affinity, PostgreSQL by the inferred parameter type).
using SqlValue = std::optional<std::string>;

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<SqlValue>> rows;
};

class Driver {
 public:
  virtual ~Driver() = default;
  Driver() = default;
  Driver(const Driver&) = delete;
  Driver& operator=(const Driver&) = delete;

  [[nodiscard]] virtual DialectKind dialect() const = 0;

  // Runs one or more statements separated by semicolons. Throws DatabaseError carrying the
  // engine's code and the statement that failed.
  virtual void execute(std::string_view sql) = 0;

  // Runs one statement with `params` bound to its placeholders (?1... in SQLite, $1... in
  // PostgreSQL) and returns every row. Throws DatabaseError.
  [[nodiscard]] virtual QueryResult query(std::string_view sql,
                                          const std::vector<SqlValue>& params = {}) = 0;

  // Transaction control, used through Transaction below. begin() takes the engine's write
  // lock at once where it can (SQLite BEGIN IMMEDIATE), so that concurrent migrators queue.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  [[nodiscard]] virtual bool in_transaction() const = 0;
};

// RAII transaction: begins in the constructor, rolls back in the destructor unless commit()
// was called. The destructor never throws.
class Transaction {
 public:
  explicit Transaction(Driver& driver) : driver_(driver) { driver_.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (done_) return;
    try {
      driver_.rollback();
    } catch (...) {  // the connection may be gone; nothing better to do in a destructor
    }
  }

  void commit() {
    driver_.commit();
    done_ = true;
  }

 private:
  Driver& driver_;
  bool done_ = false;
};

}  // namespace tempest
