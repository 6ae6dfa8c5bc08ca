#pragma once

// The PostgreSQL dialect, working in one schema (namespace) of the database. Its four
// concerns live in renderer.cpp, introspect.cpp, normalize.cpp and dialect.cpp.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempest/dialect.hpp"

namespace tempest::postgres {

class PostgresDialect final : public Dialect {
 public:
  explicit PostgresDialect(std::string schema) : schema_(std::move(schema)) {}

  [[nodiscard]] DialectKind kind() const override { return DialectKind::Postgres; }
  [[nodiscard]] std::string_view name() const override { return "postgresql"; }
  [[nodiscard]] Capabilities capabilities() const override;
  [[nodiscard]] std::vector<RenderedStep> render(const std::vector<Operation>& ops,
                                                 const Schema& before) const override;
  [[nodiscard]] Schema introspect(Driver& driver) const override;
  [[nodiscard]] Schema normalize(Schema schema) const override;
  [[nodiscard]] std::unique_ptr<StepExecutor> step_executor(Driver& driver) const override;
  [[nodiscard]] VersionTableSql version_table_sql(std::string_view table) const override;
  [[nodiscard]] std::string bind_literals(std::string_view statement,
                                          const std::vector<SqlValue>& params) const override;
  [[nodiscard]] ScriptFrame script_frame(std::span<const RenderedStep> steps) const override;
  [[nodiscard]] std::vector<std::string> script_prologue() const override;
  [[nodiscard]] std::string script_run_advice() const override;
  [[nodiscard]] std::vector<std::string> script_guard(std::string_view problem,
                                                      std::string_view count_sql) const override;

  [[nodiscard]] const std::string& schema_name() const { return schema_; }

 private:
  std::string schema_;
};

// Renders `ops` for the schema `schema_name`, one step per operation; see Dialect::render.
[[nodiscard]] std::vector<RenderedStep> render_operations(const std::vector<Operation>& ops,
                                                          const Schema& before,
                                                          const std::string& schema_name);

// Reads the tables and enums of `schema_name` from pg_catalog; the result is not normalised.
[[nodiscard]] Schema read_schema(Driver& driver, const std::string& schema_name);

// The schema as PostgreSQL stores and reports it; see Dialect::normalize.
[[nodiscard]] Schema normalize_schema(Schema schema);

}  // namespace tempest::postgres
