#include "crash_history.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "tempest/build.hpp"

namespace tempest::testing {

namespace {

using namespace tempest::build;

constexpr int kAccounts = 200;
constexpr int kTags = 2000;

std::string num(std::int64_t value) { return std::to_string(value); }
std::int64_t as_int(const SqlValue& value) { return std::stoll(value.value()); }

// `count` ids 1..count from a recursive CTE, which both engines accept inside INSERT.
std::string ids_upto(int count) {
  return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + num(count) +
         ") ";
}

// Sets column `name` to value(row) in every row of `table` where `when(row)` holds.
template <class When, class Value>
void update(ModelData& data, const std::string& table, const std::string& name, When when,
            Value value) {
  TableRows& rows = table_rows(data, table);
  const std::size_t at = rows.column(name);
  for (auto& [key, row] : rows.rows) {
    if (when(key, row)) row[at] = value(key, row);
  }
}

// Builds the chain, keeping the replayed schema so that drops and alters carry the exact
// objects they remove or change (their inverses need them).
class HistoryBuilder {
 public:
  void add(std::vector<Operation> up) {
    const std::string revision = "c" + std::string(migrations_.size() < 10 ? "0" : "") +
                                 num(static_cast<std::int64_t>(migrations_.size()));
    std::vector<std::string> parents;
    if (!migrations_.empty()) parents.push_back(migrations_.back().revision);
    apply(schema_, up);
    migrations_.push_back(
        make_migration(revision, std::move(parents), "crash " + revision, std::move(up)));
  }

  // A data step: `sql` going up, `reverse_sql` going down, each with its model effect.
  Operation data(std::string sql, DataEffect effect, std::string reverse_sql,
                 DataEffect reverse_effect) {
    effects_.add(sql, std::move(effect));
    effects_.add(reverse_sql, std::move(reverse_effect));
    return execute(std::move(sql), std::move(reverse_sql));
  }

  // A statement that changes neither schema nor rows, the same both ways.
  Operation no_op(const std::string& sql) {
    effects_.add(sql, [](ModelData&) {});
    return execute(sql, sql);
  }

  [[nodiscard]] const Table& table_named(const std::string& name) const {
    const Table* table = find_table(schema_, name);
    if (table == nullptr) throw std::logic_error("crash history: no table " + name);
    return *table;
  }
  [[nodiscard]] Column column_of(const std::string& table, const std::string& name) const {
    const Column* column = find_column(table_named(table), name);
    if (column == nullptr) throw std::logic_error("crash history: no column " + name);
    return *column;
  }
  [[nodiscard]] Index index_of(const std::string& table, const std::string& name) const {
    for (const Index& index : table_named(table).indexes) {
      if (index.name == name) return index;
    }
    throw std::logic_error("crash history: no index " + name);
  }
  [[nodiscard]] CheckConstraint check_of(const std::string& table, const std::string& name) const {
    for (const CheckConstraint& check : table_named(table).checks) {
      if (check.name == name) return check;
    }
    throw std::logic_error("crash history: no check " + name);
  }

  // An AlterColumn from the column as it is to `change(column)`.
  template <class Change>
  Operation alter(const std::string& table, const std::string& name, Change change) {
    const Column from = column_of(table, name);
    Column to = from;
    change(to);
    return alter_column(table, from, to);
  }

  CrashHistory finish() { return {std::move(migrations_), std::move(effects_)}; }

 private:
  Schema schema_ = empty_schema();
  std::vector<Migration> migrations_;
  DataEffects effects_;
};

DataEffect clear(std::string table) {
  return [table = std::move(table)](ModelData& data) { table_rows(data, table).rows.clear(); };
}

// c00-c12: accounts, the events table and its enum.
void accounts_and_events(HistoryBuilder& h, Engine engine, int events) {
  h.add({create_table(table("accounts", {column("id", bigint()), column("name", varchar(40))})
                          .primary_key("pk_accounts", {"id"}))});
  h.add({h.data(
      "INSERT INTO accounts (id, name) " + ids_upto(kAccounts) + "SELECT x, 'acct-' || x FROM c",
      [](ModelData& data) {
        TableRows& rows = table_rows(data, "accounts");
        for (int id = 1; id <= kAccounts; ++id) {
          rows.rows[id] = rows.make_row({{"id", num(id)}, {"name", "acct-" + num(id)}});
        }
      },
      "DELETE FROM accounts", clear("accounts"))});
  h.add({create_table(
      table("events", {column("id", bigint()), column("account_id", bigint()),
                       column("kind", integer()), column("note", varchar(40)).nullable()})
          .primary_key("pk_events", {"id"})
          .foreign_key(foreign_key("fk_events_account", {"account_id"}, "accounts", {"id"}))
          .index(index("ix_events_account", {"account_id"})))});
  h.add({h.data(
      "INSERT INTO events (id, account_id, kind, note) " + ids_upto(events) + "SELECT x, x % " +
          num(kAccounts) + " + 1, x % 7, CASE WHEN x % 3 = 0 THEN 'note-' || x END FROM c",
      [events](ModelData& data) {
        TableRows& rows = table_rows(data, "events");
        for (std::int64_t id = 1; id <= events; ++id) {
          rows.rows[id] =
              rows.make_row({{"id", num(id)},
                             {"account_id", num(id % kAccounts + 1)},
                             {"kind", num(id % 7)},
                             {"note", id % 3 == 0 ? SqlValue("note-" + num(id)) : std::nullopt}});
        }
      },
      "DELETE FROM events", clear("events"))});
  h.add({add_column("events", column("score", integer()).default_literal("0"))});
  h.add({h.data(
      "UPDATE events SET score = (id * 37) % 1000",
      [](ModelData& data) {
        update(
            data, "events", "score", [](std::int64_t, const Row&) { return true; },
            [](std::int64_t id, const Row&) { return SqlValue(num(id * 37 % 1000)); });
      },
      "UPDATE events SET score = 0",
      [](ModelData& data) {
        update(
            data, "events", "score", [](std::int64_t, const Row&) { return true; },
            [](std::int64_t, const Row&) { return SqlValue("0"); });
      })});
  h.add({create_index("events", index("ix_events_score", {"score"}))});
  h.add({h.alter("events", "kind", [](Column& c) { c.type = bigint(); })});
  h.add({create_enum("mood", {"sad", "ok", "happy"})});
  h.add({add_column("events", column("mood", enum_of("mood")).default_literal("ok"))});

  // Moods set from "ok", and put back to "ok", label by label.
  const auto set_mood = [&h](const std::string& label, int remainder) {
    return h.data(
        "UPDATE events SET mood = '" + label + "' WHERE id % 3 = " + num(remainder),
        [label, remainder](ModelData& data) {
          update(
              data, "events", "mood",
              [remainder](std::int64_t id, const Row&) { return id % 3 == remainder; },
              [label](std::int64_t, const Row&) { return SqlValue(label); });
        },
        "UPDATE events SET mood = 'ok' WHERE mood = '" + label + "'",
        [label](ModelData& data) {
          const std::size_t at = table_rows(data, "events").column("mood");
          update(
              data, "events", "mood",
              [label, at](std::int64_t, const Row& row) { return row[at] == label; },
              [](std::int64_t, const Row&) { return SqlValue("ok"); });
        });
  };
  h.add({set_mood("happy", 0), set_mood("sad", 1)});

  // PostgreSQL runs enum labels and VACUUM outside any transaction, each recording its
  // progress: going up, the first step runs before the version row exists; going down, the
  // last one runs after the others committed, and its record deletes the row.
  const bool postgres = engine == Engine::Postgres;
  std::vector<Operation> labels;
  if (postgres) labels.push_back(h.no_op("VACUUM accounts"));
  labels.push_back(add_enum_value("mood", "ecstatic", 3));
  labels.push_back(add_column("accounts", column("tier", integer()).default_literal("1")));
  if (postgres) labels.push_back(h.no_op("VACUUM events"));
  labels.push_back(add_enum_value("mood", "meh", 0));
  labels.push_back(create_index("accounts", index("ix_accounts_tier", {"tier"})));
  h.add(std::move(labels));

  h.add({h.data(
      "UPDATE events SET mood = 'ecstatic' WHERE mood = 'happy' AND id % 10 = 0",
      [](ModelData& data) {
        const std::size_t at = table_rows(data, "events").column("mood");
        update(
            data, "events", "mood",
            [at](std::int64_t id, const Row& row) { return row[at] == "happy" && id % 10 == 0; },
            [](std::int64_t, const Row&) { return SqlValue("ecstatic"); });
      },
      "UPDATE events SET mood = 'happy' WHERE mood = 'ecstatic'",
      [](ModelData& data) {
        const std::size_t at = table_rows(data, "events").column("mood");
        update(
            data, "events", "mood",
            [at](std::int64_t, const Row& row) { return row[at] == "ecstatic"; },
            [](std::int64_t, const Row&) { return SqlValue("happy"); });
      })});
}

// c13-c26: tags, more columns, renames, checks and a unique constraint.
void tags_and_constraints(HistoryBuilder& h, int events) {
  h.add({create_table(
      table("tags",
            {column("id", bigint()), column("event_id", bigint()), column("label", varchar(20))})
          .primary_key("pk_tags", {"id"})
          .foreign_key(
              foreign_key("fk_tags_event", {"event_id"}, "events", {"id"}).on_delete(cascade))
          .index(index("ix_tags_event", {"event_id"})))});
  h.add({h.data(
      "INSERT INTO tags (id, event_id, label) " + ids_upto(kTags) + "SELECT x, (x * 7) % " +
          num(events) + " + 1, 'tag-' || (x % 50) FROM c",
      [events](ModelData& data) {
        TableRows& rows = table_rows(data, "tags");
        for (std::int64_t id = 1; id <= kTags; ++id) {
          rows.rows[id] = rows.make_row({{"id", num(id)},
                                         {"event_id", num(id * 7 % events + 1)},
                                         {"label", "tag-" + num(id % 50)}});
        }
      },
      "DELETE FROM tags", clear("tags"))});
  h.add({add_column("events", column("flagged", integer()).nullable())});
  h.add({h.data(
      "UPDATE events SET flagged = 1 WHERE kind = 3",
      [](ModelData& data) {
        const std::size_t kind = table_rows(data, "events").column("kind");
        update(
            data, "events", "flagged",
            [kind](std::int64_t, const Row& row) { return row[kind] == "3"; },
            [](std::int64_t, const Row&) { return SqlValue("1"); });
      },
      "UPDATE events SET flagged = NULL",
      [](ModelData& data) {
        update(
            data, "events", "flagged", [](std::int64_t, const Row&) { return true; },
            [](std::int64_t, const Row&) { return SqlValue(); });
      })});
  h.add({rename_column("events", "note", "remark")});
  h.add({h.alter("events", "remark", [](Column& c) { c.type = text(); })});
  h.add({drop_index("events", h.index_of("events", "ix_events_score")),
         create_index("events", index("ix_events_kind_score", {"kind", "score"}))});
  h.add({add_check("events", check("ck_events_score", "score >= 0"))});
  h.add({rename_table("tags", "labels")});
  h.add({add_column("accounts", column("active", integer()).default_literal("1"))});
  h.add({h.data(
      "UPDATE accounts SET active = 0 WHERE id % 5 = 0",
      [](ModelData& data) {
        update(
            data, "accounts", "active", [](std::int64_t id, const Row&) { return id % 5 == 0; },
            [](std::int64_t, const Row&) { return SqlValue("0"); });
      },
      "UPDATE accounts SET active = 1",
      [](ModelData& data) {
        update(
            data, "accounts", "active", [](std::int64_t, const Row&) { return true; },
            [](std::int64_t, const Row&) { return SqlValue("1"); });
      })});
  h.add({h.alter("accounts", "name", [](Column& c) { c.type = varchar(80); })});
  h.add({drop_column("events", h.column_of("events", "flagged"))});
  h.add({add_unique("accounts", unique("uq_accounts_name", {"name"}))});
}

// c27-c39: metrics and summary filled from events, more rebuilds, a dropped table.
void metrics_and_summary(HistoryBuilder& h, int events) {
  h.add({create_table(table("metrics", {column("id", bigint()), column("event_id", bigint()),
                                        column("value", bigint())})
                          .primary_key("pk_metrics", {"id"}))});
  h.add({h.data(
      "INSERT INTO metrics (id, event_id, value) SELECT id, id, score * 2 FROM events WHERE "
      "id % 2 = 0",
      [](ModelData& data) {
        const TableRows& source = table_rows(data, "events");
        const std::size_t score = source.column("score");
        TableRows& rows = table_rows(data, "metrics");
        for (const auto& [id, row] : source.rows) {
          if (id % 2 != 0) continue;
          rows.rows[id] = rows.make_row(
              {{"id", num(id)}, {"event_id", num(id)}, {"value", num(as_int(row[score]) * 2)}});
        }
      },
      "DELETE FROM metrics", clear("metrics"))});
  h.add({add_foreign_key("metrics",
                         foreign_key("fk_metrics_event", {"event_id"}, "events", {"id"}))});
  h.add({h.alter("events", "score", [](Column& c) { c.type = bigint(); })});
  h.add({drop_check("events", h.check_of("events", "ck_events_score"))});
  h.add({h.alter("events", "remark", [](Column& c) {
    c.default_value = {DefaultKind::Literal, "none"};
  })});
  const std::string late = num(events - 500);
  h.add({h.data(
      "UPDATE events SET remark = 'late-' || id WHERE id > " + late,
      [events](ModelData& data) {
        update(
            data, "events", "remark",
            [events](std::int64_t id, const Row&) { return id > events - 500; },
            [](std::int64_t id, const Row&) { return SqlValue("late-" + num(id)); });
      },
      "UPDATE events SET remark = CASE WHEN id % 3 = 0 THEN 'note-' || id END WHERE id > " + late,
      [events](ModelData& data) {
        update(
            data, "events", "remark",
            [events](std::int64_t id, const Row&) { return id > events - 500; },
            [](std::int64_t id, const Row&) {
              return id % 3 == 0 ? SqlValue("note-" + num(id)) : std::nullopt;
            });
      })});
  h.add({drop_table(h.table_named("labels"))});
  h.add({create_table(table("summary", {column("account_id", bigint()), column("events", bigint())})
                          .primary_key("pk_summary", {"account_id"})),
         h.data(
             "INSERT INTO summary (account_id, events) SELECT account_id, count(*) FROM events "
             "GROUP BY account_id",
             [](ModelData& data) {
               const TableRows& source = table_rows(data, "events");
               const std::size_t account = source.column("account_id");
               std::map<std::int64_t, std::int64_t> counts;
               for (const auto& [id, row] : source.rows) ++counts[as_int(row[account])];
               TableRows& rows = table_rows(data, "summary");
               for (const auto& [id, count] : counts) {
                 rows.rows[id] = rows.make_row({{"account_id", num(id)}, {"events", num(count)}});
               }
             },
             "DELETE FROM summary", clear("summary"))});
  h.add({rename_column("accounts", "active", "enabled")});
  h.add({h.alter("events", "mood", [](Column& c) {
    c.default_value = {DefaultKind::Literal, "happy"};
  })});
  h.add({create_index("summary", index("ix_summary_events", {desc("events")}))});
  h.add({h.data(
      "UPDATE accounts SET name = name || '-x' WHERE id <= 10",
      [](ModelData& data) {
        const std::size_t name = table_rows(data, "accounts").column("name");
        update(
            data, "accounts", "name", [](std::int64_t id, const Row&) { return id <= 10; },
            [name](std::int64_t, const Row& row) { return SqlValue(row[name].value() + "-x"); });
      },
      "UPDATE accounts SET name = substr(name, 1, length(name) - 2) WHERE id <= 10",
      [](ModelData& data) {
        const std::size_t name = table_rows(data, "accounts").column("name");
        update(
            data, "accounts", "name", [](std::int64_t id, const Row&) { return id <= 10; },
            [name](std::int64_t, const Row& row) {
              const std::string& value = row[name].value();
              return SqlValue(value.substr(0, value.size() - 2));
            });
      })});
}

}  // namespace

CrashHistory crash_history(Engine engine, int events) {
  if (events < 1000) throw std::logic_error("crash history: at least 1,000 events");
  HistoryBuilder h;
  accounts_and_events(h, engine, events);
  tags_and_constraints(h, events);
  metrics_and_summary(h, events);
  return h.finish();
}

}  // namespace tempest::testing
