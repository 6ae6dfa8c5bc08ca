#pragma once

// VersionStore: the runner's version table, read and written through the statements of the
// dialect (Dialect::version_table_sql), online through the driver or as literal statements
// for offline scripts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migrate/segments.hpp"
#include "tempest/dialect.hpp"
#include "tempest/driver.hpp"
#include "tempest/runner.hpp"

namespace tempest {

// The version rows an offline script expects before one transaction of a migration.
struct ExpectedRows {
  // One revision part way through: `steps` of its up steps done (Direction::Up), or of its down
  // steps (Down).
  struct PartWay {
    std::string revision;
    Direction direction = Direction::Up;
    int steps = 0;
  };

  std::vector<std::string> complete = {};  // applied in full
  std::vector<std::string> absent = {};    // not applied at all
  std::optional<PartWay> part_way = {};

  [[nodiscard]] bool empty() const { return complete.empty() && absent.empty() && !part_way; }
  // What a failed guard says: "the version table must list "a" as applied and must not list
  // "b"".
  [[nodiscard]] std::string text() const;
};

class VersionStore {
 public:
  // `driver` may be null for a store that only writes statements (offline with `from` given).
  VersionStore(Driver* driver, const Dialect& dialect, std::string_view table);

  [[nodiscard]] const std::string& table() const { return table_; }
  [[nodiscard]] const VersionTableSql& sql() const { return sql_; }

  // Online. Each throws DatabaseError.
  [[nodiscard]] bool exists();
  void create();
  [[nodiscard]] std::vector<AppliedRevision> read_all();  // empty when the table is missing
  [[nodiscard]] std::optional<AppliedRevision> read(const std::string& revision);
  void insert(const AppliedRevision& row);
  void set_progress(const std::string& revision, std::optional<int> steps_done,
                    std::int64_t execution_ms);
  void set_down_progress(const std::string& revision, std::optional<int> down_steps_done);
  void set_checksum(const std::string& revision, const std::string& checksum);
  void remove(const std::string& revision);
  void lock();
  void unlock();
  // True when the dialect has a lock for the whole run (PostgreSQL's advisory lock): while it
  // is held no other runner writes the table, so what was read under it stays true.
  [[nodiscard]] bool has_run_lock() const { return !sql_.lock.empty(); }

  // Offline: the statements with literal values. insert_now records the time the script runs.
  [[nodiscard]] std::string insert_now(const std::string& revision, const std::string& label,
                                       const std::string& checksum,
                                       std::optional<int> steps_done) const;
  [[nodiscard]] std::string set_progress_sql(const std::string& revision,
                                             std::optional<int> steps_done) const;
  [[nodiscard]] std::string set_down_progress_sql(const std::string& revision,
                                                  std::optional<int> down_steps_done) const;
  [[nodiscard]] std::string set_checksum_sql(const std::string& revision,
                                             const std::string& checksum) const;
  [[nodiscard]] std::string remove_sql(const std::string& revision) const;
  // A query of one integer: how many of the expectations do not hold (0: all do).
  [[nodiscard]] std::string unmet_count_sql(const ExpectedRows& expected) const;

 private:
  Driver& driver();

  Driver* driver_;
  const Dialect& dialect_;
  std::string table_;
  VersionTableSql sql_;
};

// Holds the dialect's run lock (VersionTableSql::lock) from construction to destruction; the
// destructor never throws (the lock also ends with the session).
class RunLock {
 public:
  explicit RunLock(VersionStore& store) : store_(store) { store_.lock(); }
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock() {
    try {
      store_.unlock();
    } catch (...) {  // the connection may be gone, and the lock with it
    }
  }

 private:
  VersionStore& store_;
};

}  // namespace tempest
