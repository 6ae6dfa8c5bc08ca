#include "migrate/step_error.hpp"

#include <string>
#include <vector>

#include "migrate/migration_render.hpp"
#include "tempest/operations.hpp"
#include "tempest/runner.hpp"

namespace tempest {

namespace {

// Statements longer than this are cut in messages; MigrationStepError::statement() keeps all.
constexpr std::size_t kStatementShown = 500;

// True when `piece` stands in `text` as a whole change: after the start, ": " or "; ", and
// before the end or "; ".
bool lists(std::string_view text, std::string_view piece) {
  for (std::size_t at = text.find(piece); at != std::string_view::npos;
       at = text.find(piece, at + 1)) {
    const bool starts =
        at == 0 || (at >= 2 && (text.substr(at - 2, 2) == ": " || text.substr(at - 2, 2) == "; "));
    const std::size_t end = at + piece.size();
    const bool ends = end == text.size() || text.substr(end, 2) == "; ";
    if (starts && ends) return true;
  }
  return false;
}

// The engine's message without the driver's trailing " in statement: ...", which the
// runner's message shows once, before it.
std::string engine_message(const DatabaseError& error) {
  std::string message = error.what();
  const std::size_t at = message.rfind(" in statement: ");
  if (at != std::string::npos && !error.statement().empty()) message.resize(at);
  return message;
}

std::string shown_statement(const std::string& statement) {
  if (statement.size() <= kStatementShown) return statement;
  return statement.substr(0, kStatementShown) + "...";
}

std::string operations_text(const Migration& migration, Direction direction,
                            const std::vector<RenderedStep>& steps, std::size_t step_index) {
  const std::vector<Operation>& ops = direction == Direction::Up ? migration.up : migration.down;
  const std::vector<std::size_t> served = served_operations(ops, steps[step_index]);
  const std::string kind = direction == Direction::Up ? "operation" : "down operation";
  if (served.empty()) {
    return "step " + std::to_string(step_index) + " (" + steps[step_index].description + ")";
  }
  std::string indexes;
  std::string names;
  for (std::size_t i : served) {
    indexes += (indexes.empty() ? "" : ", ") + std::to_string(i);
    names += (names.empty() ? "" : ", ") + std::string(operation_name(ops[i]));
  }
  return kind + (served.size() > 1 ? "s " : " ") + indexes + " (" + names + ")";
}

[[noreturn]] void throw_with(const Migration& migration, const std::string& context,
                             const DatabaseError& error) {
  std::string message = "migration \"" + migration.revision + "\": " + context + ": ";
  if (!error.statement().empty()) message += shown_statement(error.statement()) + ": ";
  throw MigrationStepError(message + engine_message(error), error.code(), error.statement(),
                           migration.revision);
}

}  // namespace

std::vector<std::size_t> served_operations(const std::vector<Operation>& ops,
                                           const RenderedStep& step) {
  std::vector<std::size_t> served;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (lists(step.description, describe(ops[i]))) served.push_back(i);
  }
  return served;
}

void throw_step_error(const Migration& migration, Direction direction,
                      const std::vector<RenderedStep>& steps, std::size_t step_index,
                      const DatabaseError& error) {
  throw_with(migration, operations_text(migration, direction, steps, step_index), error);
}

void throw_phase_error(const Migration& migration, Direction direction, std::string_view phase,
                       const DatabaseError& error) {
  throw_with(migration, (direction == Direction::Down ? "down: " : "") + std::string(phase), error);
}

}  // namespace tempest
