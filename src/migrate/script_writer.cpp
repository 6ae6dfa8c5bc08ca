#include "migrate/script_writer.hpp"

#include <span>
#include <string>
#include <vector>

#include "migrate/segments.hpp"

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

// Each migration is one transaction, but a shell that goes on after a failed statement would
// run the rest of that migration and commit it: the script says how to stop at the first error.
std::string how_to_run(DialectKind kind) {
  return kind == DialectKind::Sqlite
             ? "run it so that the first error stops it: sqlite3 -bail DATABASE < SCRIPT"
             : "run it so that the first error stops it: psql -v ON_ERROR_STOP=1 -f SCRIPT";
}

}  // namespace

void ScriptWriter::begin_script(const std::string& title) {
  comment(title);
  comment(how_to_run(dialect_.kind()));
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
// step stands alone, its progress written after it.
void ScriptWriter::write_segment(const std::vector<RenderedStep>& rendered, const Segment& segment,
                                 const std::string& row) {
  if (!segment.transactional) {
    steps(rendered, segment.begin, segment.end);
    statement(row);
    return;
  }
  const ScriptFrame frame = dialect_.script_frame(std::span<const RenderedStep>(
      rendered.begin() + static_cast<std::ptrdiff_t>(segment.begin), segment.end - segment.begin));
  for (const std::string& sql : frame.open) statement(sql);
  steps(rendered, segment.begin, segment.end);
  for (const std::string& sql : frame.check) statement(sql);
  statement(row);
  for (const std::string& sql : frame.close) statement(sql);
}

void ScriptWriter::up(const Migration& migration, const std::vector<RenderedStep>& steps,
                      std::size_t steps_done, const std::string& checksum) {
  out_ << "\n";
  comment(migration.revision + ": " + migration.label +
          (steps_done > 0 ? " (resumed after step " + std::to_string(steps_done) + ")" : ""));
  for (const Segment& segment : plan_segments(steps, steps_done, Direction::Up)) {
    const std::string row =
        segment.record == Segment::Record::Insert
            ? store_.insert_now(migration.revision, migration.label, checksum, segment.done)
            : store_.set_progress_sql(migration.revision, segment.done);
    write_segment(steps, segment, row);
  }
}

void ScriptWriter::down(const Migration& migration, const std::vector<RenderedStep>& steps,
                        std::size_t down_steps_done) {
  out_ << "\n";
  comment(
      "revert " + migration.revision + ": " + migration.label +
      (down_steps_done > 0 ? " (resumed after step " + std::to_string(down_steps_done) + ")" : ""));
  for (const Segment& segment : plan_segments(steps, down_steps_done, Direction::Down)) {
    const std::string row = segment.record == Segment::Record::Remove
                                ? store_.remove_sql(migration.revision)
                                : store_.set_down_progress_sql(migration.revision, segment.done);
    write_segment(steps, segment, row);
  }
}

}  // namespace tempest
