#include "migrate/online_run.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "migrate/step_error.hpp"
#include "tempest/error.hpp"

namespace tempest {

namespace {

using Clock = std::chrono::steady_clock;

enum class RowCheck { Expected, Skip, Unexpected };

std::string describe_row(const std::optional<AppliedRevision>& row) {
  if (!row) return "no row";
  if (row->steps_done) return "steps_done " + std::to_string(*row->steps_done);
  if (row->down_steps_done) return "down_steps_done " + std::to_string(*row->down_steps_done);
  return "applied";
}

bool complete(const AppliedRevision& row) { return !row.steps_done && !row.down_steps_done; }

// Up: no row before the first step, steps_done == begin after. `first`: the first segment of
// this run, where another runner may have got ahead.
RowCheck check_up(const std::optional<AppliedRevision>& row, const Segment& segment, bool first) {
  if (segment.begin == 0 && !row) return RowCheck::Expected;
  if (row && row->steps_done && static_cast<std::size_t>(*row->steps_done) == segment.begin) {
    return RowCheck::Expected;
  }
  return first && row && complete(*row) ? RowCheck::Skip : RowCheck::Unexpected;
}

// Down: the row present, down_steps_done unset before the first step and == begin after.
RowCheck check_down(const std::optional<AppliedRevision>& row, const Segment& segment, bool first) {
  if (!row) return first ? RowCheck::Skip : RowCheck::Unexpected;
  if (row->steps_done) return RowCheck::Unexpected;
  const std::size_t done = row->down_steps_done ? *row->down_steps_done : 0;
  return done == segment.begin ? RowCheck::Expected : RowCheck::Unexpected;
}

[[noreturn]] void throw_unexpected(const Migration& migration, Direction direction,
                                   const std::optional<AppliedRevision>& row,
                                   const Segment& segment) {
  throw MigrationError("migration \"" + migration.revision +
                       "\": the version table changed under the runner (" + describe_row(row) +
                       " where " + (direction == Direction::Up ? "up" : "down") + " step " +
                       std::to_string(segment.begin) +
                       " was next): another runner is at work; run again when it is done");
}

class MigrationRun {
 public:
  MigrationRun(OnlineContext& context, const Migration& migration, Direction direction,
               const std::vector<RenderedStep>& steps)
      : context_(context), migration_(migration), direction_(direction), steps_(steps) {}

  // Runs every segment; `record` writes the version row for a segment.
  template <class Record>
  RunOutcome run(const std::vector<Segment>& segments, Record record) {
    for (std::size_t s = 0; s < segments.size(); ++s) {
      const Segment& segment = segments[s];
      const bool go_on = segment.transactional ? run_transaction(segment, s == 0, record)
                                               : run_alone(segment, s == 0, record);
      if (!go_on) return RunOutcome::Skipped;
    }
    return RunOutcome::Done;
  }

 private:
  // False when the migration is to be skipped. Under a run lock the rows read when it was
  // taken still hold, and the plan was made from them: the re-read (one more round trip per
  // migration, for a small one a large part of its time) would find nothing new.
  bool verify(const Segment& segment, bool first) {
    if (context_.store.has_run_lock()) return true;
    std::optional<AppliedRevision> row;
    try {
      row = context_.store.read(migration_.revision);
    } catch (const DatabaseError& e) {
      throw_phase_error(migration_, direction_, "version table", e);
    }
    const RowCheck check = direction_ == Direction::Up ? check_up(row, segment, first)
                                                       : check_down(row, segment, first);
    if (check == RowCheck::Unexpected) throw_unexpected(migration_, direction_, row, segment);
    return check == RowCheck::Expected;
  }

  template <class Record>
  void write_row(const Segment& segment, Record& record) {
    try {
      record(segment);
    } catch (const DatabaseError& e) {
      throw_phase_error(migration_, direction_, "version table", e);
    }
  }

  template <class Record>
  bool run_transaction(const Segment& segment, bool first, Record& record) {
    StepExecutor& executor = context_.executor;
    const auto begin = steps_.begin() + static_cast<std::ptrdiff_t>(segment.begin);
    try {
      executor.begin(std::span<const RenderedStep>(begin, segment.end - segment.begin));
    } catch (const DatabaseError& e) {
      throw_phase_error(migration_, direction_, "begin", e);
    }
    try {
      if (!verify(segment, first)) {
        executor.rollback();
        return false;
      }
      for (std::size_t i = segment.begin; i < segment.end; ++i) {
        const Clock::time_point start = Clock::now();
        StepReport report;
        try {
          report = executor.run(steps_[i]);
        } catch (const DatabaseError& e) {
          throw_step_error(migration_, direction_, steps_, i, e);
        }
        if (report.rows_copied && context_.log != nullptr) {
          log_rebuild(steps_[i], *report.rows_copied, Clock::now() - start);
        }
      }
      try {
        executor.check();
      } catch (const DatabaseError& e) {
        throw_phase_error(migration_, direction_, "before commit", e);
      }
      write_row(segment, record);
      try {
        executor.commit();
      } catch (const DatabaseError& e) {
        throw_phase_error(migration_, direction_, "commit", e);
      }
    } catch (...) {
      executor.rollback();
      throw;
    }
    return true;
  }

  template <class Record>
  bool run_alone(const Segment& segment, bool first, Record& record) {
    if (!verify(segment, first)) return false;
    try {
      context_.executor.run_alone(steps_[segment.begin]);
    } catch (const DatabaseError& e) {
      throw_step_error(migration_, direction_, steps_, segment.begin, e);
    }
    write_row(segment, record);
    return true;
  }

  // "  0003_x: rebuilt table "posts", 1000000 rows copied in 812 ms" (before the commit).
  void log_rebuild(const RenderedStep& step, std::int64_t rows, Clock::duration took) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
    *context_.log << "  " << migration_.revision << ": rebuilt table \"" << step.rebuild_table
                  << "\", " << rows << (rows == 1 ? " row" : " rows") << " copied in " << ms
                  << " ms\n";
  }

  OnlineContext& context_;
  const Migration& migration_;
  Direction direction_;
  const std::vector<RenderedStep>& steps_;
};

}  // namespace

RunOutcome run_up(OnlineContext& context, const Migration& migration,
                  const std::vector<RenderedStep>& steps, const RowBefore& before,
                  const std::string& checksum, std::string_view applied_at) {
  const Clock::time_point start = Clock::now();
  const auto elapsed_ms = [&] {
    return before.execution_ms +
           std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  };
  MigrationRun run(context, migration, Direction::Up, steps);
  return run.run(
      plan_segments(steps, before.steps_done, Direction::Up), [&](const Segment& segment) {
        if (segment.record == Segment::Record::Insert) {
          context.store.insert({migration.revision, migration.label, std::string(applied_at),
                                checksum, elapsed_ms(), segment.done, std::nullopt});
        } else {
          context.store.set_progress(migration.revision, segment.done, elapsed_ms());
        }
      });
}

RunOutcome run_down(OnlineContext& context, const Migration& migration,
                    const std::vector<RenderedStep>& steps, std::size_t down_steps_done) {
  MigrationRun run(context, migration, Direction::Down, steps);
  return run.run(plan_segments(steps, down_steps_done, Direction::Down),
                 [&](const Segment& segment) {
                   if (segment.record == Segment::Record::Remove) {
                     context.store.remove(migration.revision);
                   } else {
                     context.store.set_down_progress(migration.revision, segment.done);
                   }
                 });
}

}  // namespace tempest
