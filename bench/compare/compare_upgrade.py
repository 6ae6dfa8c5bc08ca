"""Upgrade of 1,000 small migrations: tempest vs the bare SQL (the floor) and vs Alembic.

The history is bench/small_migrations.hpp; Alembic has it as 1,000 revision files
(alembic_scripts.py). Each run starts from a new empty database, and every side is timed as a
whole process, start-up included:
  tempest: tempest_compare upgrade: builds the migrations compiled into it, connects, and
           runs MigrationRunner::upgrade: per migration one transaction holding its
           statements and its version row;
  floor:   the same SQL in the same transactions: MigrationRunner::upgrade_sql from base
           (version table DDL; per migration BEGIN, statements, version row, COMMIT), run by
           `sqlite3` (as bench/upgrade-vs-sqlite3 does) or `psql -f`;
  Alembic: `python3 -m alembic upgrade head` over the revision files (loaded from their
           byte-compiled caches, written by a warm-up run), transaction_per_migration=True so
           that each migration and its alembic_version update share one transaction.
The side that goes first rotates from run to run.
"""

import os

from alembic_scripts import revision_id, write_ini
from databases import database
from measure import MeasurementError, Row, Side, run_process

def compare_upgrade(env, dialects, count):
    rows = []
    for dialect in dialects:
        script = os.path.join(env.work, f"upgrade_{dialect}.sql")
        with open(script, "w", encoding="utf-8") as out:
            out.write(run_process([env.tempest_compare, "upgrade-sql", dialect,
                                   str(count)]).stdout)
        dbs = {side: database(dialect, env.work, env.pg_url, f"upgrade_{side}")
               for side in ("tempest", "alembic", "floor")}
        ini = os.path.join(env.work, f"alembic_{dialect}.ini")
        write_ini(ini, env.alembic_dir, dbs["alembic"].sqlalchemy_url)
        commands = {
            "tempest": lambda: [env.tempest_compare, "upgrade", dbs["tempest"].tempest_url,
                                str(count)],
            "alembic": lambda: [env.python, "-m", "alembic", "-c", ini, "upgrade", "head"],
            "floor": lambda: _floor_command(dialect, dbs["floor"], script),
        }
        sides = {side: Side() for side in commands}
        order = list(commands)
        for run in range(env.upgrade_runs(dialect)):
            for side in order[run % 3:] + order[:run % 3]:
                dbs[side].fresh()
                sides[side].add_process(run_process(commands[side]()))
        _check_same_work(dialect, dbs, count)
        name = f"upgrade {count} migrations {dialect}"
        rows.append(Row(f"{name} vs {_floor_tool(dialect)}", "floor", sides["tempest"],
                        sides["floor"], goal=1.10, timing="process"))
        rows.append(Row(f"{name} vs alembic", "alembic", sides["tempest"], sides["alembic"],
                        goal=None, timing="process"))
        for row in rows[-2:]:
            print(f"  {row.name}: tempest {row.tempest.best_wall():.1f} ms, {row.other} "
                  f"{row.peer.best_wall():.1f} ms", flush=True)
        if dialect == "postgresql":
            for db in dbs.values():
                db.drop()
    return rows


def _floor_tool(dialect):
    return "sqlite3" if dialect == "sqlite" else "psql"


def _floor_command(dialect, db, script):
    if dialect == "sqlite":
        return ["sqlite3", "-bail", "-init", "/dev/null", db.path, f".read {script}"]
    return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.tempest_url, "-f", script]


def _check_same_work(dialect, dbs, count):
    """All three databases hold the 1,000 tables, and each version table says all is applied."""
    expected = sorted(f"t{i}" for i in range(count))
    for side, db in dbs.items():
        tables = [t for t in db.table_names() if t not in ("alembic_version",
                                                           "tempest_db_migrations")]
        if tables != expected:
            raise MeasurementError(f"upgrade {dialect}: the {side} database has {len(tables)} "
                                   f"tables, expected {count}")
    for side in ("tempest", "floor"):
        rows = dbs[side].query("SELECT count(*) FROM tempest_db_migrations")
        if int(rows[0][0]) != count:
            raise MeasurementError(f"upgrade {dialect}: {side} recorded {rows[0][0]} revisions")
    head = revision_id(count - 1)
    if dbs["alembic"].query("SELECT version_num FROM alembic_version") != [(head,)]:
        raise MeasurementError(f"upgrade {dialect}: alembic_version is not {head}")
