#include "migrate/script_writer.hpp"

#include <span>
#include <string>
#include <vector>

#include "migrate/segments.hpp"
#include "schema/quoted.hpp"

namespace tempest {

namespace {

// The last line of `sql`, to see whether a terminator after it would land in a comment.
std::string_view last_line(std::string_view sql) {
  const std::size_t newline = sql.rfind('\n');
  return newline == std::string_view::npos ? sql : sql.substr(newline + 1);
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

void ScriptWriter::begin_script(const std::string& title) {
  comment(title);
  comment(dialect_.script_run_advice());
  for (const std::string& sql : dialect_.script_prologue()) statement(sql);
  if (!store_.sql().lock.empty()) statement(store_.sql().lock);
  statement(store_.sql().create);
}

void ScriptWriter::end_script() {
  if (!store_.sql().unlock.empty()) {
    out_ << "\n";
    statement(store_.sql().unlock);
  }
}

void ScriptWriter::statement(const std::string& sql) {
  // A statement ending in a line comment would swallow a ';' written on the same line.
  out_ << sql << (last_line(sql).find("--") != std::string_view::npos ? "\n;\n" : ";\n");
}

void ScriptWriter::comment(const std::string& text) { out_ << "-- " << one_line(text) << "\n"; }

void ScriptWriter::steps(const std::vector<RenderedStep>& steps, std::size_t begin,
                         std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (!steps[i].description.empty()) comment(steps[i].description);
    for (const std::string& sql : steps[i].offline_guard) statement(sql);
    for (const std::string& sql : steps[i].statements) statement(sql);
  }
}

// As the online run: a transaction holds the steps and the row write; a non-transactional
// step stands alone, its progress written after it. `guard` goes first, inside the
// transaction: on PostgreSQL its failure then fails everything up to COMMIT.
void ScriptWriter::write_segment(const std::vector<RenderedStep>& rendered, const Segment& segment,
                                 const std::string& row, const std::vector<std::string>& guard) {
  const auto write_guard = [&] {
    if (guard.empty()) return;
    comment("the version table as this script expects it");
    for (const std::string& sql : guard) statement(sql);
  };
  if (!segment.transactional) {
    write_guard();
    steps(rendered, segment.begin, segment.end);
    statement(row);
    return;
  }
  const ScriptFrame frame = dialect_.script_frame(std::span<const RenderedStep>(
      rendered.begin() + static_cast<std::ptrdiff_t>(segment.begin), segment.end - segment.begin));
  for (const std::string& sql : frame.open) statement(sql);
  write_guard();
  steps(rendered, segment.begin, segment.end);
  for (const std::string& sql : frame.check) statement(sql);
  statement(row);
  for (const std::string& sql : frame.close) statement(sql);
}

// A script runs on a database it cannot see: each transaction of a migration first checks that
// the version table is where the script expects it. Run on another database, or twice, or after
// a migration of the script failed in a shell that went on, the guard fails instead of the
// migration applying out of order.
std::vector<std::string> ScriptWriter::guard(const std::string& what,
                                             const ExpectedRows& expected) const {
  if (!guards_ || expected.empty()) return {};
  return dialect_.script_guard("stopped before " + what + ": " + expected.text() +
                                   " (is this the database the script was written for, or did "
                                   "a migration before it fail?)",
                               store_.unmet_count_sql(expected));
}

void ScriptWriter::up(const Migration& migration, const std::vector<RenderedStep>& steps,
                      std::size_t steps_done, const std::string& checksum) {
  out_ << "\n";
  comment(migration.revision + ": " + migration.label +
          (steps_done > 0 ? " (resumed after step " + std::to_string(steps_done) + ")" : ""));
  for (const Segment& segment : plan_segments(steps, steps_done, Direction::Up)) {
    ExpectedRows expected{.complete = migration.down_revisions};
    if (segment.record == Segment::Record::Insert) {
      expected.absent.push_back(migration.revision);
    } else {
      expected.part_way = {migration.revision, Direction::Up, static_cast<int>(segment.begin)};
    }
    const std::string row =
        segment.record == Segment::Record::Insert
            ? store_.insert_now(migration.revision, migration.label, checksum, segment.done)
            : store_.set_progress_sql(migration.revision, segment.done);
    write_segment(steps, segment, row, guard("applying " + quoted(migration.revision), expected));
  }
}

void ScriptWriter::down(const Migration& migration, const std::vector<RenderedStep>& steps,
                        std::size_t down_steps_done, const std::vector<std::string>& children) {
  out_ << "\n";
  comment(
      "revert " + migration.revision + ": " + migration.label +
      (down_steps_done > 0 ? " (resumed after step " + std::to_string(down_steps_done) + ")" : ""));
  for (const Segment& segment : plan_segments(steps, down_steps_done, Direction::Down)) {
    ExpectedRows expected{.absent = children};
    if (segment.begin == 0) {
      expected.complete.push_back(migration.revision);
    } else {
      expected.part_way = {migration.revision, Direction::Down, static_cast<int>(segment.begin)};
    }
    const std::string row = segment.record == Segment::Record::Remove
                                ? store_.remove_sql(migration.revision)
                                : store_.set_down_progress_sql(migration.revision, segment.done);
    write_segment(steps, segment, row, guard("reverting " + quoted(migration.revision), expected));
  }
}

}  // namespace tempest
