"""A SQLite rebuild of a 1,000,000-row table: tempest vs the sqlite3 floor and vs Alembic batch.

The database is bench/rebuild_bench_main.cpp's (items: ROWS rows, a unique and a plain index;
item_events: ROWS / 5 rows with a foreign key to items), and the change makes items.qty NOT
NULL, which SQLite's ALTER TABLE cannot do. Each run works on a fresh copy, synced to disk
before it is timed; every side is timed as a whole process:
  tempest: tempest_rebuild_bench run: open, introspect, render the rebuild, run it with
           foreign keys off around one transaction and a foreign_key_check before COMMIT;
  floor:   the sqlite3 shell running the same statements in the same frame (as
           bench/rebuild-vs-sqlite3 does);
  Alembic: alembic_batch.py: batch_alter_table's "move and copy" of items.
The side that goes first rotates. Afterwards all three copies must hold the same rows with
qty NOT NULL and both indexes.
"""

import os
import shutil
import subprocess

from databases import SqliteDatabase
from measure import MeasurementError, Row, Side, run_process


def compare_rebuild(env, rows_count):
    base = os.path.join(env.work, "rebuild_base.db")
    print(f"  preparing {rows_count} rows ...", flush=True)
    run_process([env.rebuild_bench, "prepare", base, str(rows_count)])
    script = os.path.join(env.work, "rebuild.sql")
    with open(script, "w", encoding="utf-8") as out:
        out.write(run_process([env.rebuild_bench, "script", base]).stdout)
    subprocess.run(["sync", base], check=True)

    dbs = {side: SqliteDatabase(os.path.join(env.work, f"rebuild_{side}.db"))
           for side in ("tempest", "floor", "alembic")}
    commands = {
        "tempest": [env.rebuild_bench, "run", dbs["tempest"].path],
        "floor": ["sqlite3", "-bail", "-init", "/dev/null", dbs["floor"].path, f".read {script}"],
        "alembic": [*env.script("alembic_batch.py"), dbs["alembic"].path],
    }
    sides = {side: Side() for side in commands}
    order = list(commands)
    for run in range(env.rebuild_runs):
        for side in order[run % 3:] + order[:run % 3]:
            _fresh_copy(base, dbs[side].path)
            result = run_process(commands[side])
            if side == "floor" and result.stdout.strip():
                raise MeasurementError(f"sqlite3 reported foreign key violations: "
                                       f"{result.stdout[:300]}")
            sides[side].add_process(result)
    _check_same_work(dbs)
    os.remove(base)
    name = f"sqlite rebuild {rows_count} rows"
    rows = [
        Row(f"{name} vs sqlite3", "floor", sides["tempest"], sides["floor"], goal=1.10,
            timing="process"),
        Row(f"{name} vs alembic batch", "alembic", sides["tempest"], sides["alembic"], goal=None,
            timing="process"),
    ]
    for row in rows:
        print(f"  {row.name}: tempest {row.tempest.best_wall():.1f} ms, {row.other} "
              f"{row.peer.best_wall():.1f} ms", flush=True)
    for db in dbs.values():
        os.remove(db.path)
    return rows


def _fresh_copy(base, path):
    for suffix in ("", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    shutil.copyfile(base, path)
    subprocess.run(["sync", path], check=True)


def _check_same_work(dbs):
    checks = [
        "SELECT count(*), total(qty) FROM items",
        "SELECT count(*) FROM item_events",
        "SELECT \"notnull\" FROM pragma_table_info('items') WHERE name = 'qty'",
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'items' "
        "AND sql IS NOT NULL ORDER BY name",
    ]
    found = {side: [db.query(sql) for sql in checks] for side, db in dbs.items()}
    if found["tempest"][2] != [(1,)]:
        raise MeasurementError("rebuild: items.qty is still nullable in the tempest copy")
    for side in ("floor", "alembic"):
        if found[side] != found["tempest"]:
            raise MeasurementError(f"rebuild: the {side} copy differs from tempest's: "
                                   f"{found[side]} vs {found['tempest']}")
