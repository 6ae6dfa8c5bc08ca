"""`history` and `heads` on 1,000 revisions: tempest vs Alembic, as processes and in-process.

tempest: the application's migration tool (run_migration_cli) with the 1,000 migrations of
small_migrations.hpp compiled in, as tempest_add_migrations() builds it: build the
migrations, the revision graph, print. Alembic: the same revisions as files (byte-compiled by
an earlier run): load every revision module into a ScriptDirectory, walk it, print.
Neither touches a database. Two measurements of each command:
  process:    `tempest_compare cli 1000 history` vs `python3 -m alembic history`, whole
              processes: what a user waits for, start-up included (the interpreter and the
              imports of Alembic and SQLAlchemy on one side, the dynamic loader on the other),
              started directly (time, which reports the peak, runs them once more);
  in-process: the command run again and again inside one process (tempest_compare cli-runs,
              alembic_history.py: alembic.command on a new Config each time), start-up left
              out on both sides.
Every output is checked to name every revision (history) or the one head (heads).
"""

import json

from alembic_scripts import revision_id
from measure import MeasurementError, Row, Side, peak_run, run_process


def compare_history(env, count):
    rows = []
    for command in ("history", "heads"):
        rows.append(_compare_processes(env, command, count))
        rows.append(_compare_in_process(env, command, count))
    return rows


def _compare_processes(env, command, count):
    sides = {"tempest": Side(), "alembic": Side()}
    argv = {
        "tempest": [env.tempest_compare, "cli", str(count), command],
        "alembic": [env.python, "-m", "alembic", "-c", env.alembic_ini, command],
    }
    for run in range(env.history_runs):
        for side in (("tempest", "alembic") if run % 2 == 0 else ("alembic", "tempest")):
            result = run_process(argv[side], peak=False)
            _check_output(side, command, result.stdout, count)
            sides[side].add_process(result)
    for side, side_argv in argv.items():
        sides[side].peak_kb.append(peak_run(side_argv))
    return _row(f"{command} {count} revisions, process", sides, "process")


def _compare_in_process(env, command, count):
    runs = str(env.history_runs * 3)
    argv = {
        "tempest": [env.tempest_compare, "cli-runs", str(count), runs, command],
        "alembic": [*env.script("alembic_history.py"), env.alembic_ini, command, runs],
    }
    sides = {}
    for side, side_argv in argv.items():
        result = run_process(side_argv)
        report = json.loads(result.stdout)
        _check_output(side, command, report["output"], count)
        sides[side] = Side()
        for wall, cpu in zip(report["runs_ms"], report["runs_cpu_ms"]):
            sides[side].add(wall, cpu, result.peak_kb)
    return _row(f"{command} {count} revisions, in-process", sides, "in-process")


def _row(name, sides, timing):
    row = Row(name, "alembic", sides["tempest"], sides["alembic"], goal=50, timing=timing)
    print(f"  {row.name}: tempest {row.tempest.best_wall():.1f} ms, alembic "
          f"{row.peer.best_wall():.1f} ms", flush=True)
    return row


def _check_output(side, command, stdout, count):
    head = revision_id(count - 1)
    if command == "heads":
        ok = head in stdout and len(stdout.split()) <= 3
    else:
        ok = all(revision_id(i) in stdout for i in (0, count // 2, count - 1)) and \
            len(stdout.splitlines()) >= count
    if not ok:
        raise MeasurementError(f"{side} {command} printed unexpected output: {stdout[:300]!r}")
