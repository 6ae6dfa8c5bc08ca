#pragma once

#include <memory>
#include <string>

#include "tempest/driver.hpp"

struct pg_conn;

namespace tempest {

// A connection to PostgreSQL through libpq.
class PostgresDriver final : public Driver {
 public:
  // Connects with any URL or keyword/value string libpq accepts; the password may come from
  // the URL, PGPASSWORD or ~/.pgpass. Throws DatabaseError whose message never contains the
  // password.
  [[nodiscard]] static std::unique_ptr<PostgresDriver> connect(const std::string& url);
  ~PostgresDriver() override;

  [[nodiscard]] DialectKind dialect() const override { return DialectKind::Postgres; }
  void execute(std::string_view sql) override;
  [[nodiscard]] QueryResult query(std::string_view sql,
                                  const std::vector<SqlValue>& params = {}) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  [[nodiscard]] bool in_transaction() const override;

  [[nodiscard]] pg_conn* handle() const { return conn_; }

 private:
  explicit PostgresDriver(pg_conn* conn) : conn_(conn) {}
  pg_conn* conn_;
};

}  // namespace tempest
