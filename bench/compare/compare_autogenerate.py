"""Autogenerate against a live database: tempest vs Alembic.

For each engine and size (100, 1,000 tables of bench/synthetic_schema.hpp's shape), two cases
on the same databases, with the same models on both sides:
  (a) an empty database vs the full models: every table is created;
  (b) the full database (made by tempest_compare prepare) vs the models with one added column:
      both tools must find exactly that one change, or the run stops.
tempest: connect, introspect, normalise the models, diff_schema, generate_migration (up and
down as C++ source). Alembic: connect, MigrationContext.configure, produce_migrations,
render_python_code of upgrade and downgrade. Both are timed inside their process, per run,
start-up excluded; each side runs in a process of its own, so its peak memory is its own.
"""

import json

from databases import database
from measure import MeasurementError, Row, Side, run_process


def _autogenerate_side(argv):
    """Runs a worker; returns (Side, operations, chars)."""
    result = run_process(argv)
    report = json.loads(result.stdout)
    side = Side()
    for wall, cpu in zip(report["runs_ms"], report["runs_cpu_ms"]):
        side.add(wall, cpu, result.peak_kb)
    return side, report["operations"], report["chars"]


def compare_autogenerate(env, dialects, sizes):
    rows = []
    for dialect in dialects:
        empty = database(dialect, env.work, env.pg_url, "autogenerate_empty")
        empty.fresh()
        for tables in sizes:
            full = database(dialect, env.work, env.pg_url, f"autogenerate_full_{tables}")
            full.fresh()
            run_process([env.tempest_compare, "prepare", full.tempest_url, str(tables)])
            cases = (("empty", empty, "empty db"), ("add-column", full, "+1 column"))
            for mode, db, label in cases:
                rows.append(_compare_one(env, dialect, tables, mode, db, label))
                print(f"  {rows[-1].name}: tempest {rows[-1].tempest.best_wall():.1f} ms, "
                      f"alembic {rows[-1].peer.best_wall():.1f} ms", flush=True)
            if dialect == "postgresql":
                full.drop()
    return rows


def _compare_one(env, dialect, tables, mode, db, label):
    runs = env.autogenerate_runs(tables)
    tempest_argv = [env.tempest_compare, "autogenerate", db.tempest_url, str(tables), mode,
                    str(runs)]
    alembic_argv = [*env.script("alembic_autogen.py"), db.sqlalchemy_url, str(tables), mode,
                    str(runs)]
    tempest, tempest_ops, tempest_chars = _autogenerate_side(tempest_argv)
    alembic, alembic_ops, alembic_chars = _autogenerate_side(alembic_argv)
    if mode == "add-column" and (tempest_ops, alembic_ops) != (1, 1):
        raise MeasurementError(
            f"{dialect} {tables} tables: expected one added column on both sides, found "
            f"{tempest_ops} tempest operation(s) and {alembic_ops} Alembic operation(s)")
    return Row(
        name=f"autogenerate {dialect} {tables} tables, {label}",
        other="alembic", tempest=tempest, peer=alembic, goal=50, timing="in-process",
        notes={"tempest_operations": tempest_ops, "alembic_operations": alembic_ops,
               "tempest_source_chars": tempest_chars, "alembic_source_chars": alembic_chars},
    )
