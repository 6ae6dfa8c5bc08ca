#include "migrate/version_store.hpp"

#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "schema/quoted.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

SqlValue number(std::optional<int> value) {
  if (!value) return std::nullopt;
  return std::to_string(*value);
}

template <class Int>
Int parse_number(const SqlValue& value, const std::string& table, const char* column) {
  Int result = 0;
  if (!value) return result;
  const char* end = value->data() + value->size();
  auto [ptr, error] = std::from_chars(value->data(), end, result);
  if (error != std::errc() || ptr != end) {
    throw MigrationError("version table \"" + table + "\": column " + column +
                         " holds a non-integer value \"" + *value + "\"");
  }
  return result;
}

std::optional<int> optional_number(const SqlValue& value, const std::string& table,
                                   const char* column) {
  if (!value) return std::nullopt;
  return parse_number<int>(value, table, column);
}

AppliedRevision to_row(const std::vector<SqlValue>& row, const std::string& table) {
  AppliedRevision out;
  out.revision = row[0].value_or("");
  out.label = row[1].value_or("");
  out.applied_at = row[2].value_or("");
  out.checksum = row[3].value_or("");
  out.execution_ms = parse_number<std::int64_t>(row[4], table, "execution_ms");
  out.steps_done = optional_number(row[5], table, "steps_done");
  out.down_steps_done = optional_number(row[6], table, "down_steps_done");
  return out;
}

}  // namespace

VersionStore::VersionStore(Driver* driver, const Dialect& dialect, std::string_view table)
    : driver_(driver), dialect_(dialect), table_(table), sql_(dialect.version_table_sql(table)) {
  if (table_.empty()) throw MigrationError("the version table name is empty");
}

Driver& VersionStore::driver() {
  if (driver_ == nullptr) throw Error("version table \"" + table_ + "\": no database connection");
  return *driver_;
}

bool VersionStore::exists() { return !driver().query(sql_.exists).rows.empty(); }

void VersionStore::create() { driver().execute(sql_.create); }

std::vector<AppliedRevision> VersionStore::read_all() {
  if (!exists()) return {};
  QueryResult result = driver().query(sql_.select_all);
  std::vector<AppliedRevision> rows;
  rows.reserve(result.rows.size());
  for (const auto& row : result.rows) rows.push_back(to_row(row, table_));
  return rows;
}

std::optional<AppliedRevision> VersionStore::read(const std::string& revision) {
  QueryResult result = driver().query(sql_.select_one, {revision});
  if (result.rows.empty()) return std::nullopt;
  return to_row(result.rows.front(), table_);
}

void VersionStore::insert(const AppliedRevision& row) {
  (void)driver().query(sql_.insert, {row.revision, row.label, row.applied_at, row.checksum,
                                     std::to_string(row.execution_ms), number(row.steps_done)});
}

void VersionStore::set_progress(const std::string& revision, std::optional<int> steps_done,
                                std::int64_t execution_ms) {
  (void)driver().query(sql_.set_progress,
                       {revision, number(steps_done), std::to_string(execution_ms)});
}

void VersionStore::set_down_progress(const std::string& revision,
                                     std::optional<int> down_steps_done) {
  (void)driver().query(sql_.set_down_progress, {revision, number(down_steps_done)});
}

void VersionStore::set_checksum(const std::string& revision, const std::string& checksum) {
  (void)driver().query(sql_.set_checksum, {revision, checksum});
}

void VersionStore::remove(const std::string& revision) {
  (void)driver().query(sql_.remove, {revision});
}

void VersionStore::lock() {
  if (!sql_.lock.empty()) (void)driver().query(sql_.lock);
}

void VersionStore::unlock() {
  if (!sql_.unlock.empty()) (void)driver().query(sql_.unlock);
}

std::string VersionStore::insert_now(const std::string& revision, const std::string& label,
                                     const std::string& checksum,
                                     std::optional<int> steps_done) const {
  return dialect_.bind_literals(sql_.insert_now, {revision, label, checksum, number(steps_done)});
}

std::string VersionStore::set_progress_sql(const std::string& revision,
                                           std::optional<int> steps_done) const {
  return dialect_.bind_literals(sql_.set_progress, {revision, number(steps_done), "0"});
}

std::string VersionStore::set_down_progress_sql(const std::string& revision,
                                                std::optional<int> down_steps_done) const {
  return dialect_.bind_literals(sql_.set_down_progress, {revision, number(down_steps_done)});
}

std::string VersionStore::set_checksum_sql(const std::string& revision,
                                           const std::string& checksum) const {
  return dialect_.bind_literals(sql_.set_checksum, {revision, checksum});
}

std::string VersionStore::remove_sql(const std::string& revision) const {
  return dialect_.bind_literals(sql_.remove, {revision});
}

std::string VersionStore::unmet_count_sql(const ExpectedRows& expected) const {
  std::vector<std::string> terms;
  const auto must_hold = [&](const std::string& sql, const std::vector<SqlValue>& params) {
    terms.push_back("(1 - (" + dialect_.bind_literals(sql, params) + "))");
  };
  for (const std::string& revision : expected.complete) must_hold(sql_.count_complete, {revision});
  if (const auto& part = expected.part_way) {
    must_hold(part->direction == Direction::Up ? sql_.count_steps_done : sql_.count_down_steps_done,
              {part->revision, std::to_string(part->steps)});
  }
  for (const std::string& revision : expected.absent) {
    terms.push_back("(" + dialect_.bind_literals(sql_.count_rows, {revision}) + ")");
  }
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < terms.size(); ++i) sql += (i == 0 ? "" : " + ") + terms[i];
  return terms.empty() ? sql + "0" : sql;
}

std::string ExpectedRows::text() const {
  const auto names = [](const std::vector<std::string>& revisions) {
    std::string out;
    for (std::size_t i = 0; i < revisions.size(); ++i) {
      out += (i == 0 ? "" : i + 1 == revisions.size() ? " and " : ", ") + quoted(revisions[i]);
    }
    return out;
  };
  std::vector<std::string> parts;
  if (!complete.empty()) parts.push_back("must list " + names(complete) + " as applied");
  if (part_way) {
    parts.push_back("must list " + quoted(part_way->revision) + " with " +
                    std::to_string(part_way->steps) +
                    (part_way->direction == Direction::Up ? " step" : " down step") +
                    (part_way->steps == 1 ? "" : "s") + " done");
  }
  if (!absent.empty()) parts.push_back("must not list " + names(absent));
  std::string out = "the version table";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? " " : " and ") + parts[i];
  return out;
}

}  // namespace tempest
