#pragma once

// What differs between engines, cut into the four concerns the pipeline needs: rendering
// operations to SQL, reading a live schema, normalising schemas for comparison, and the
// capability flags that tests and the runner consult. SQL is produced here and nowhere else.

#include <memory>
#include <string>
#include <vector>

#include "tempest/driver.hpp"
#include "tempest/operations.hpp"
#include "tempest/schema.hpp"

namespace tempest {

// One unit of execution produced by a renderer.
struct RenderedStep {
  std::string description;             // describe() of the operation(s), for logs and --sql
  std::vector<std::string> statements;  // each a complete SQL statement without trailing ';'
  // False for statements that may not run inside a transaction block (PostgreSQL CREATE
  // INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE before 12): the runner gives them their own.
  bool transactional = true;
  // SQLite table rebuilds: PRAGMA foreign_keys must be OFF around the transaction. The pragma
  // is a no-op inside a transaction (https://sqlite.org/pragma.html#pragma_foreign_keys), so
  // the runner switches it before BEGIN and restores it after COMMIT.
  bool foreign_keys_off = false;
  // SQLite table rebuilds: the table rebuilt. Its triggers are not in the IR and go with the
  // old table, so the executor reads them from sqlite_schema before the statements and
  // re-creates them after (the SQLite dialect's execute_step does the whole procedure).
  // Empty for every other step.
  std::string rebuild_table;

  friend bool operator==(const RenderedStep&, const RenderedStep&) = default;
};

struct Capabilities {
  bool transactional_ddl = true;  // DDL can be rolled back
  bool alter_column = false;      // ALTER COLUMN TYPE / SET NOT NULL... without a rebuild
  bool native_enums = false;      // CREATE TYPE ... AS ENUM
  bool comments = false;          // COMMENT ON
  bool add_constraint = false;    // ALTER TABLE ADD CONSTRAINT (else a rebuild)
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  [[nodiscard]] virtual DialectKind kind() const = 0;
  [[nodiscard]] virtual std::string_view name() const = 0;  // "sqlite", "postgresql"
  [[nodiscard]] virtual Capabilities capabilities() const = 0;

  // Renders `ops`, to be applied in order to a database whose schema is `before`. The plan
  // may merge operations (a SQLite table rebuild serves every change to one table). Throws
  // UnsupportedError naming the operation when the engine cannot express it, and ModelError
  // when an operation does not fit `before`.
  [[nodiscard]] virtual std::vector<RenderedStep> render(const std::vector<Operation>& ops,
                                                         const Schema& before) const = 0;

  // The schema of the live database, normalised, without the project's own version table
  // (any table whose name starts with "tempest_db_"), in canonical order.
  [[nodiscard]] virtual Schema introspect(Driver& driver) const = 0;

  // The schema as this engine would store and report it (type aliases the engine folds,
  // defaults as the engine echoes them, implicit objects), so that
  // normalize(S) == introspect(database made from S).
  [[nodiscard]] virtual Schema normalize(Schema schema) const = 0;
};

// The dialects. Stateless; the references live for the whole program. postgres_dialect()
// works in the schema "public"; make_postgres_dialect targets another schema.
[[nodiscard]] const Dialect& sqlite_dialect();
[[nodiscard]] const Dialect& postgres_dialect();
[[nodiscard]] std::unique_ptr<Dialect> make_postgres_dialect(std::string schema);
[[nodiscard]] const Dialect& dialect_for(DialectKind kind);

// The live schema of the database behind `driver`: dialect_for(driver.dialect()).introspect.
[[nodiscard]] Schema inspect_schema(Driver& driver);

// Double-quotes an identifier, doubling embedded quotes: quote_ident("a\"b") == "\"a\"\"b\"".
// Every identifier in rendered SQL goes through this function.
[[nodiscard]] std::string quote_ident(std::string_view name);

// Single-quotes a string literal, doubling embedded quotes: quote_literal("it's") == "'it''s'".
[[nodiscard]] std::string quote_literal(std::string_view value);

// Renders `schema` as the statements that create it in an empty database (enums, tables in
// dependency order, indexes, foreign keys), by diffing it against the empty schema.
[[nodiscard]] std::vector<RenderedStep> render_schema(const Dialect& dialect, const Schema& schema);

}  // namespace tempest
