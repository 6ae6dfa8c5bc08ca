#pragma once

// Every state a run of the crash history may leave, computed without a database. A state is
// a position in one of two flat operation sequences: going up, the ups of c00, c01... in
// order; going down, the downs of c39, c38... (a downgrade from lower down starts further
// in). A position counts the operations applied, so a migration recorded as partly applied
// with steps_done = k sits k operations into its own (PostgreSQL renders one step per
// operation; the constructor checks).
// The expected schema at a position is the dialect-normalised IR with those operations applied
// (replay_schema for whole migrations); the expected rows come from the row model.
//
// Rows depend on where a downgrade began: a column dropped and put back comes back with its
// default, so the rows a downgrade restores are those of the state it started from with the
// downs applied, not those the upgrade once passed through. Down positions are therefore
// taken relative to a RunStart.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "crash_history.hpp"
#include "row_model.hpp"
#include "tempest/dialect.hpp"
#include "tempest/schema.hpp"

namespace tempest::testing {

enum class Direction { Up, Down };

[[nodiscard]] const char* direction_name(Direction direction);

// The run a database state comes from: its direction and, going down, how many migrations
// (c00 on, applied by their ups from an empty database) were applied when it began. Upgrades
// begin at base, or where a downgrade of migrations that lose no data brought the database.
struct RunStart {
  Direction direction = Direction::Up;
  std::size_t applied = 0;
};

// A table as the model expects it: its columns and a digest of its rows.
struct ExpectedTable {
  std::vector<std::string> columns;
  RowsDigest digest;
};

class ExpectedStates {
 public:
  // Walks the up sequence and the down sequence from the last migration through the row
  // model, keeping a digest per table and position. Throws std::logic_error when a migration
  // with a step that runs outside a transaction renders other than one step per operation
  // (its recorded progress would then not map to operations).
  ExpectedStates(const CrashHistory& history, const Dialect& dialect);

  // The number of operations of the sequence (its last position).
  [[nodiscard]] std::size_t size(Direction direction) const;
  // The first position of migration `index` (0-based in the chain) in the sequence: up, the
  // operations of the migrations before it; down, those of the migrations after it.
  [[nodiscard]] std::size_t migration_start(Direction direction, std::size_t index) const;
  // The number of operations of migration `index` in that direction.
  [[nodiscard]] std::size_t operations_of(Direction direction, std::size_t index) const;
  // True when the operation at `position` runs outside any transaction: a crash just after
  // it, before the runner records its progress, leaves its effect one position ahead of the
  // version table.
  [[nodiscard]] bool runs_alone(Direction direction, std::size_t position) const;

  // The normalised schema at `position` (computed on first use).
  [[nodiscard]] const Schema& schema(Direction direction, std::size_t position);
  // The first position of a run: 0 going up; going down, that of the migrations above
  // `start.applied`.
  [[nodiscard]] std::size_t first_position(const RunStart& start) const;
  // The expected tables at `position` of a run begun at `start` (walked on first use from
  // the run's first position), by name. Throws std::out_of_range for a position before it.
  [[nodiscard]] const std::map<std::string, ExpectedTable>& tables(const RunStart& start,
                                                                   std::size_t position);
  // The whole expected rows at that position, replayed again (for failure messages).
  [[nodiscard]] ModelData rows(const RunStart& start, std::size_t position) const;

  // The operation at `position`, with the revision it belongs to, for messages.
  [[nodiscard]] std::string describe_operation(Direction direction, std::size_t position) const;

 private:
  using Tables = std::map<std::string, ExpectedTable>;

  struct Sequence {
    std::vector<const Operation*> operations;
    std::vector<std::size_t> migration_of;  // by operation
    std::vector<std::size_t> starts;        // by migration, in chain order
    std::vector<bool> alone;                // by operation
    std::map<std::size_t, Schema> schemas;  // by position, lazily
  };

  [[nodiscard]] const Sequence& sequence(Direction direction) const;
  [[nodiscard]] Sequence& sequence(Direction direction);
  void mark_steps(const Dialect& dialect);
  // The rows at the first position of a run begun at `start`.
  [[nodiscard]] ModelData origin(const RunStart& start) const;
  // Tables at every position of the run from its first one (earlier ones left empty).
  [[nodiscard]] std::vector<Tables> walk(const RunStart& start) const;

  const CrashHistory& history_;
  const Dialect& dialect_;
  Sequence up_;
  Sequence down_;
  std::vector<Tables> up_tables_;                           // by position
  std::map<std::size_t, std::vector<Tables>> down_tables_;  // by RunStart::applied
};

}  // namespace tempest::testing
