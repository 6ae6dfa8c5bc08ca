#include "crash_check.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/database_contents.hpp"
#include "tempest/runner.hpp"

namespace tempest::testing {

namespace {

constexpr std::size_t kRowsShown = 5;

std::string optional_text(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "NULL";
}

std::string row_text(const Row& row) {
  std::string out = "(";
  for (std::size_t i = 0; i < row.size(); ++i) {
    out += (i == 0 ? "" : ", ") + (row[i] ? "'" + *row[i] + "'" : std::string("NULL"));
  }
  return out + ")";
}

// The table's rows ordered by the primary key (the first column in every table of the model).
std::string select_rows(const std::string& table, const std::vector<std::string>& columns) {
  std::string list;
  for (const std::string& column : columns)
    list += (list.empty() ? "" : ", ") + quote_ident(column);
  return "SELECT " + list + " FROM " + quote_ident(table) + " ORDER BY 1";
}

// The version table read as a position of the run's sequence, or a failure.
struct Recorded {
  ::testing::AssertionResult valid = ::testing::AssertionSuccess();
  std::string text;
  std::size_t position = 0;
  bool partial = false;
};

Recorded read_version_table(Driver& checker, const Dialect& dialect, const CrashHistory& history,
                            const ExpectedStates& states, const RunStart& start) {
  const Direction direction = start.direction;
  Recorded out;
  const std::vector<Migration>& migrations = history.migrations;
  std::vector<std::pair<std::size_t, AppliedRevision>> rows;
  for (const AppliedRevision& row : MigrationRunner(checker, dialect).applied()) {
    const auto found = std::find_if(migrations.begin(), migrations.end(),
                                    [&](const Migration& m) { return m.revision == row.revision; });
    if (found == migrations.end()) {
      out.valid = ::testing::AssertionFailure() << "unknown revision recorded: " << row.revision;
      return out;
    }
    rows.emplace_back(static_cast<std::size_t>(found - migrations.begin()), row);
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t count = rows.size();
  if (direction == Direction::Down && count > start.applied) {
    out.valid = ::testing::AssertionFailure()
                << count << " revisions recorded during a downgrade that began with "
                << start.applied << " applied";
    return out;
  }
  out.text = count == 0 ? "nothing applied" : "c00-" + migrations[count - 1].revision + " recorded";
  for (std::size_t i = 0; i < count; ++i) {
    const auto& [index, row] = rows[i];
    const Migration& migration = migrations[index];
    const bool last = i + 1 == count;
    const std::optional<int>& wrong =
        direction == Direction::Up ? row.down_steps_done : row.steps_done;
    const std::optional<int>& progress =
        direction == Direction::Up ? row.steps_done : row.down_steps_done;
    if (index != i || (progress && !last) || wrong ||
        row.checksum != migration_checksum(migration) || row.label != migration.label) {
      out.valid = ::testing::AssertionFailure()
                  << "version table is not a prefix of the chain with at most its last row in "
                     "progress, during an "
                  << direction_name(direction) << ": row " << row.revision << " (label '"
                  << row.label << "', steps_done " << optional_text(row.steps_done)
                  << ", down_steps_done " << optional_text(row.down_steps_done) << ") at place "
                  << i;
      return out;
    }
    if (progress) {
      const std::size_t k = static_cast<std::size_t>(*progress);
      if (*progress <= 0 || k >= states.operations_of(direction, index)) {
        out.valid = ::testing::AssertionFailure()
                    << "row " << row.revision << " records " << k << " of "
                    << states.operations_of(direction, index) << " steps done";
        return out;
      }
      out.partial = true;
      out.text += std::string(", ") + row.revision +
                  (direction == Direction::Up ? " steps_done " : " down_steps_done ") +
                  std::to_string(k);
      out.position = states.migration_start(direction, index) + k;
    }
  }
  if (!out.partial) {
    if (direction == Direction::Up) {
      out.position = count < migrations.size() ? states.migration_start(Direction::Up, count)
                                               : states.size(Direction::Up);
    } else {
      out.position = count == 0 ? states.size(Direction::Down)
                                : states.migration_start(Direction::Down, count - 1);
    }
  }
  return out;
}

// The rows of `table` that differ between the database and the model, by primary key: how
// many are missing, extra or changed, and the first few of them.
std::string row_differences(const QueryResult& actual, const TableRows& model) {
  std::map<std::int64_t, const Row*> live;
  for (const Row& row : actual.rows) live.emplace(std::stoll(row.at(0).value_or("0")), &row);
  std::size_t missing = 0;
  std::size_t changed = 0;
  std::size_t extra = 0;
  std::string shown;
  const auto show = [&](std::int64_t key, const Row* row, const Row* want) {
    if (missing + changed + extra > kRowsShown) return;
    shown += "  key " + std::to_string(key) + ": live " + (row ? row_text(*row) : "(none)") +
             ", expected " + (want ? row_text(*want) : "(none)") + "\n";
  };
  for (const auto& [key, want] : model.rows) {
    const auto found = live.find(key);
    if (found == live.end()) {
      ++missing;
      show(key, nullptr, &want);
    } else if (*found->second != want) {
      ++changed;
      show(key, found->second, &want);
    }
  }
  for (const auto& [key, row] : live) {
    if (model.rows.contains(key)) continue;
    ++extra;
    show(key, row, nullptr);
  }
  return std::to_string(missing) + " rows missing, " + std::to_string(extra) + " extra, " +
         std::to_string(changed) + " changed, of " + std::to_string(model.rows.size()) +
         " expected:\n" + shown;
}

// The rows of every expected table against the model: success, or what differs.
::testing::AssertionResult same_rows(Driver& checker, const CrashDatabase& database,
                                     ExpectedStates& states, const RunStart& start,
                                     std::size_t position) {
  for (const auto& [name, expected] : states.tables(start, position)) {
    const std::string select = select_rows(name, expected.columns);
    if (database.digest_rows(checker, select) == expected.digest) continue;
    const ModelData model = states.rows(start, position);
    return ::testing::AssertionFailure()
           << "rows of table " << name
           << " differ from the model: " << row_differences(checker.query(select), model.at(name));
  }
  return ::testing::AssertionSuccess();
}

std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += "  " + item + "\n";
  return out;
}

}  // namespace

CheckOutcome check_database(Driver& checker, const CrashDatabase& database,
                            const CrashHistory& history, ExpectedStates& states,
                            const RunStart& start, CheckDepth depth) {
  const Direction direction = start.direction;
  CheckOutcome outcome;
  const Dialect& dialect = database.dialect();
  const Recorded recorded = read_version_table(checker, dialect, history, states, start);
  outcome.recorded = recorded.text;
  outcome.partial = recorded.partial;
  if (!recorded.valid) {
    outcome.result = recorded.valid;
    return outcome;
  }
  if (const std::vector<std::string> left = database.leftovers(checker); !left.empty()) {
    outcome.result = ::testing::AssertionFailure()
                     << recorded.text << ": objects of a half-done step left:\n"
                     << lines(left);
    return outcome;
  }
  if (depth == CheckDepth::Engine) {
    if (const std::vector<std::string> problems = database.consistency_problems(checker);
        !problems.empty()) {
      outcome.result = ::testing::AssertionFailure() << recorded.text << ": the engine reports:\n"
                                                     << lines(problems);
      return outcome;
    }
  }

  // The state the version table records or, when the next operation runs outside any
  // transaction, possibly that operation's effect too.
  std::vector<std::size_t> candidates{recorded.position};
  if (states.runs_alone(direction, recorded.position)) {
    candidates.push_back(recorded.position + 1);
  }
  const Schema live = dialect.introspect(checker);
  for (const std::size_t candidate : candidates) {
    if (live != states.schema(direction, candidate)) continue;
    outcome.position = candidate;
    outcome.ahead = candidate != recorded.position;
    if (depth == CheckDepth::Schema) return outcome;
    if (::testing::AssertionResult rows = same_rows(checker, database, states, start, candidate);
        !rows) {
      outcome.result = ::testing::AssertionFailure()
                       << recorded.text << ", schema at " << direction_name(direction)
                       << " position " << candidate << " (before "
                       << states.describe_operation(direction, candidate)
                       << "): " << rows.message();
    }
    return outcome;
  }
  outcome.result =
      ::testing::AssertionFailure()
      << recorded.text << ": the live schema is not the replay of what the "
      << "version table records (" << direction_name(direction) << " position " << recorded.position
      << ", before " << states.describe_operation(direction, recorded.position)
      << "): " << same_schema(live, states.schema(direction, recorded.position)).message();
  return outcome;
}

}  // namespace tempest::testing
