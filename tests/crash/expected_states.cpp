#include "expected_states.hpp"

#include <stdexcept>
#include <utility>
#include <variant>

#include "tempest/migration.hpp"
#include "tempest/operations.hpp"

namespace tempest::testing {

namespace {

// Rows change only through Execute and through column changes (AlterColumn keeps values in
// the model), so a table whose columns stayed the same keeps its digest.
std::map<std::string, ExpectedTable> snapshot(const ModelData& data, const Operation* op,
                                              const std::map<std::string, ExpectedTable>* before) {
  std::map<std::string, ExpectedTable> tables;
  const bool data_step = op != nullptr && std::holds_alternative<Execute>(*op);
  for (const auto& [name, rows] : data) {
    if (before != nullptr && !data_step) {
      const auto found = before->find(name);
      if (found != before->end() && found->second.columns == rows.columns) {
        tables.emplace(name, found->second);
        continue;
      }
    }
    tables.emplace(name, ExpectedTable{rows.columns, digest(rows)});
  }
  return tables;
}

}  // namespace

const char* direction_name(Direction direction) {
  return direction == Direction::Up ? "upgrade" : "downgrade";
}

ExpectedStates::ExpectedStates(const CrashHistory& history, const Dialect& dialect)
    : history_(history), dialect_(dialect) {
  const std::vector<Migration>& migrations = history.migrations;
  up_.starts.resize(migrations.size());
  down_.starts.resize(migrations.size());
  for (std::size_t m = 0; m < migrations.size(); ++m) {
    up_.starts[m] = up_.operations.size();
    for (const Operation& op : migrations[m].up) {
      up_.operations.push_back(&op);
      up_.migration_of.push_back(m);
    }
  }
  for (std::size_t m = migrations.size(); m-- > 0;) {
    down_.starts[m] = down_.operations.size();
    for (const Operation& op : migrations[m].down) {
      down_.operations.push_back(&op);
      down_.migration_of.push_back(m);
    }
  }
  mark_steps(dialect);
  up_tables_ = walk({Direction::Up, 0});
  down_tables_[migrations.size()] = walk({Direction::Down, migrations.size()});
}

void ExpectedStates::mark_steps(const Dialect& dialect) {
  const std::vector<Migration>& migrations = history_.migrations;
  up_.alone.assign(up_.operations.size(), false);
  down_.alone.assign(down_.operations.size(), false);
  Schema schema = empty_schema();
  for (std::size_t m = 0; m < migrations.size(); ++m) {
    const Migration& migration = migrations[m];
    Schema after = schema;
    apply(after, migration.up);
    const auto mark = [&](const std::vector<Operation>& ops, const Schema& before,
                          Sequence& sequence) {
      const std::vector<RenderedStep> steps = dialect.render(ops, before);
      bool any_alone = false;
      for (const RenderedStep& step : steps) any_alone |= !step.transactional;
      if (!any_alone) return;
      if (steps.size() != ops.size()) {
        throw std::logic_error("migration " + migration.revision + " renders " +
                               std::to_string(steps.size()) + " steps for " +
                               std::to_string(ops.size()) +
                               " operations and records progress by step: the crash check "
                               "cannot map its steps_done to operations");
      }
      for (std::size_t i = 0; i < steps.size(); ++i) {
        sequence.alone[sequence.starts[m] + i] = !steps[i].transactional;
      }
    };
    mark(migration.up, schema, up_);
    mark(migration.down, after, down_);
    schema = std::move(after);
  }
}

std::size_t ExpectedStates::first_position(const RunStart& start) const {
  if (start.direction == Direction::Up || start.applied == 0) {
    return start.direction == Direction::Up ? 0 : down_.operations.size();
  }
  return down_.starts.at(start.applied - 1);
}

ModelData ExpectedStates::origin(const RunStart& start) const {
  ModelData data;
  if (start.direction == Direction::Down) {
    const std::size_t end =
        start.applied < up_.starts.size() ? up_.starts[start.applied] : up_.operations.size();
    for (std::size_t i = 0; i < end; ++i) {
      apply_to_rows(data, *up_.operations[i], history_.effects);
    }
  }
  return data;
}

std::vector<ExpectedStates::Tables> ExpectedStates::walk(const RunStart& start) const {
  const Sequence& s = sequence(start.direction);
  const std::size_t first = first_position(start);
  std::vector<Tables> tables(s.operations.size() + 1);
  ModelData data = origin(start);
  tables[first] = snapshot(data, nullptr, nullptr);
  for (std::size_t i = first; i < s.operations.size(); ++i) {
    apply_to_rows(data, *s.operations[i], history_.effects);
    tables[i + 1] = snapshot(data, s.operations[i], &tables[i]);
  }
  return tables;
}

const ExpectedStates::Sequence& ExpectedStates::sequence(Direction direction) const {
  return direction == Direction::Up ? up_ : down_;
}

ExpectedStates::Sequence& ExpectedStates::sequence(Direction direction) {
  return direction == Direction::Up ? up_ : down_;
}

std::size_t ExpectedStates::size(Direction direction) const {
  return sequence(direction).operations.size();
}

std::size_t ExpectedStates::migration_start(Direction direction, std::size_t index) const {
  return sequence(direction).starts.at(index);
}

std::size_t ExpectedStates::operations_of(Direction direction, std::size_t index) const {
  const Migration& migration = history_.migrations.at(index);
  return (direction == Direction::Up ? migration.up : migration.down).size();
}

bool ExpectedStates::runs_alone(Direction direction, std::size_t position) const {
  const Sequence& s = sequence(direction);
  return position < s.alone.size() && s.alone[position];
}

const Schema& ExpectedStates::schema(Direction direction, std::size_t position) {
  Sequence& s = sequence(direction);
  const auto found = s.schemas.find(position);
  if (found != s.schemas.end()) return found->second;
  Schema schema = direction == Direction::Up ? empty_schema() : replay_schema(history_.migrations);
  for (std::size_t i = 0; i < position; ++i) apply(schema, *s.operations.at(i));
  return s.schemas.emplace(position, dialect_.normalize(std::move(schema))).first->second;
}

const std::map<std::string, ExpectedTable>& ExpectedStates::tables(const RunStart& start,
                                                                   std::size_t position) {
  if (position < first_position(start)) {
    throw std::out_of_range("position " + std::to_string(position) +
                            " is before the start of the " + direction_name(start.direction));
  }
  if (start.direction == Direction::Up) return up_tables_.at(position);
  std::vector<Tables>& walked = down_tables_[start.applied];
  if (walked.empty()) walked = walk(start);
  return walked.at(position);
}

ModelData ExpectedStates::rows(const RunStart& start, std::size_t position) const {
  const Sequence& s = sequence(start.direction);
  ModelData data = origin(start);
  for (std::size_t i = first_position(start); i < position; ++i) {
    apply_to_rows(data, *s.operations.at(i), history_.effects);
  }
  return data;
}

std::string ExpectedStates::describe_operation(Direction direction, std::size_t position) const {
  const Sequence& s = sequence(direction);
  if (position >= s.operations.size()) return "(the end)";
  const std::size_t m = s.migration_of[position];
  return history_.migrations[m].revision + (direction == Direction::Up ? " up" : " down") +
         " operation " + std::to_string(position - s.starts[m]) + " (" +
         describe(*s.operations[position]) + ")" + (s.alone[position] ? ", run alone" : "");
}

}  // namespace tempest::testing
