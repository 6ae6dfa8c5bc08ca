"""tempest side by side with Alembic: the measurements of bench/compare-alembic.

    /usr/bin/python3 bench/compare/run.py --build-dir DIR --pg-url URL --out FILE

Run by bench/compare-alembic, which installs what is needed, builds the Release targets and
starts the PostgreSQL cluster. Each comparison is in a module of its own that says what both
sides do and why it is the same work: compare_autogenerate, compare_upgrade, compare_history,
compare_rebuild. Prints a table and writes FILE, a JSON list with one object per row.

Environment: DIALECTS ("sqlite postgresql"), SECTIONS ("autogenerate upgrade history
rebuild"), TABLES ("100 1000": the sizes of autogenerate), MIGRATIONS (1000), ROWS (1000000),
and the number of runs of each measurement: AUTOGENERATE_RUNS (15; AUTOGENERATE_RUNS_1000, 2,
at 1,000 tables), UPGRADE_RUNS_SQLITE (2), UPGRADE_RUNS_POSTGRESQL (5), HISTORY_RUNS (15),
REBUILD_RUNS (3). Every row reports the best run of each side; the measurements of a few
milliseconds get more runs, since one scheduler hiccup is a large share of them. Alembic's side
takes most of the time, and the SQLite upgrade (a disk sync per COMMIT) most of that; the
defaults keep the whole command to about 10 minutes on a 2-core machine under a load average
of 6.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

import alembic
import sqlalchemy
from alembic_scripts import write_ini, write_script_directory
from compare_autogenerate import compare_autogenerate
from compare_history import compare_history
from compare_rebuild import compare_rebuild
from compare_upgrade import compare_upgrade
from measure import run_process
from report import print_table, write_json

HERE = os.path.dirname(os.path.abspath(__file__))


def _env_int(name, default):
    return int(os.environ.get(name, default))


class Environment:
    """What the comparisons share: programs, the work directory, the cluster, run counts."""

    def __init__(self, build_dir, pg_url, work):
        self.work = work
        self.pg_url = pg_url
        self.python = sys.executable
        self.tempest_compare = os.path.join(build_dir, "bench", "tempest_compare")
        self.rebuild_bench = os.path.join(build_dir, "bench", "tempest_rebuild_bench")
        self.alembic_dir = os.path.join(work, "alembic")
        self.alembic_ini = os.path.join(work, "alembic.ini")
        self.history_runs = _env_int("HISTORY_RUNS", 15)
        self.rebuild_runs = _env_int("REBUILD_RUNS", 3)

    def autogenerate_runs(self, tables):
        if tables >= 1000:
            return _env_int("AUTOGENERATE_RUNS_1000", 2)
        return _env_int("AUTOGENERATE_RUNS", 15)

    def upgrade_runs(self, dialect):
        return _env_int(f"UPGRADE_RUNS_{dialect.upper()}", 2 if dialect == "sqlite" else 5)

    def script(self, name):
        """The command line that runs this package's script `name`."""
        return [self.python, "-B", os.path.join(HERE, name)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--pg-url")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    dialects = os.environ.get("DIALECTS", "sqlite postgresql").split()
    if "postgresql" in dialects and not args.pg_url:
        sys.exit("run.py: --pg-url is needed for postgresql (or DIALECTS=sqlite)")
    sections = os.environ.get("SECTIONS", "autogenerate upgrade history rebuild").split()
    migrations = _env_int("MIGRATIONS", 1000)
    rows_count = _env_int("ROWS", 1000000)

    # Alembic loads revision files through importlib, which reads and writes their
    # byte-compiled caches unless PYTHONDONTWRITEBYTECODE is set; an Alembic project has them.
    # (This package's own scripts run with -B, so the source tree stays clean.)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    work = tempfile.mkdtemp(prefix="tempest-compare.")
    env = Environment(args.build_dir, args.pg_url, work)
    try:
        if "upgrade" in sections or "history" in sections:
            write_script_directory(env.alembic_dir, migrations)
            write_ini(env.alembic_ini, env.alembic_dir, f"sqlite:///{work}/unused.db")
            # Byte-compiles the revision files, as any earlier command of a project has.
            run_process([env.python, "-m", "alembic", "-c", env.alembic_ini, "heads"])
        sizes = [int(n) for n in os.environ.get("TABLES", "100 1000").split()]
        comparisons = [
            ("autogenerate", lambda: compare_autogenerate(env, dialects, sizes)),
            ("upgrade", lambda: compare_upgrade(env, dialects, migrations)),
            ("history", lambda: compare_history(env, migrations)),
            ("rebuild", lambda: compare_rebuild(env, rows_count) if "sqlite" in dialects else []),
        ]
        rows = []
        for section, compare in comparisons:
            if section in sections:
                section_start = time.perf_counter()
                print(f"{section} ...", flush=True)
                rows += compare()
                print(f"  ({time.perf_counter() - section_start:.0f} s)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    load = " ".join(open("/proc/loadavg", encoding="ascii").read().split()[:3])
    print_table(rows, f"tempest vs Alembic {alembic.__version__} / SQLAlchemy "
                      f"{sqlalchemy.__version__} (load average {load}; "
                      f"{time.perf_counter() - started:.0f} s of measurements)")
    write_json(rows, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
