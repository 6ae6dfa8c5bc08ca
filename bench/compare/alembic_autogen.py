"""The Alembic side of the autogenerate comparison.

    python3 alembic_autogen.py URL TABLES empty|add-column RUNS

Each run does what `alembic revision --autogenerate` does between loading env.py and writing
the file: open a connection (NullPool, as env.py's template configures the engine, so that
every run connects anew), MigrationContext.configure(connection), produce_migrations (reflect
the live database and compare it with the models) and render the upgrade and downgrade
functions as Python source. The models (MetaData) are built once before the runs, as an
application's models module is imported once: the tempest side likewise builds its Schema IR
before timing. Prints one JSON object: the time of each run in ms, the number of operations
found and the length of the rendered source.

SQLAlchemy reflects a table's foreign keys by reflecting the tables they reference, one Python
call level per table: the chain of foreign keys through 1,000 tables goes past Python's default
recursion limit of 1,000 (RecursionError), so the limit is raised.
"""

import json
import sys
import time

import sqlalchemy as sa
from alembic.autogenerate import produce_migrations, render_python_code
from alembic.migration import MigrationContext
from sqlalchemy.pool import NullPool

from models import synthetic_metadata


def autogenerate(engine, metadata):
    """The rendered upgrade and downgrade source, and the number of upgrade operations."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        script = produce_migrations(context, metadata)
        upgrade = render_python_code(script.upgrade_ops)
        downgrade = render_python_code(script.downgrade_ops)
    operations = sum(
        len(op.ops) if hasattr(op, "ops") else 1 for op in script.upgrade_ops.ops
    )
    return upgrade + downgrade, operations


def main():
    sys.setrecursionlimit(100_000)
    url, tables, mode, runs = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    if mode not in ("empty", "add-column"):
        sys.exit(f"alembic_autogen: unknown mode {mode!r}")
    metadata = synthetic_metadata(tables, add_column=(mode == "add-column"))
    engine = sa.create_engine(url, poolclass=NullPool)
    wall, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        source, operations = autogenerate(engine, metadata)
        cpu.append((time.process_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"runs_ms": wall, "runs_cpu_ms": cpu, "operations": operations,
                      "chars": len(source)}))


if __name__ == "__main__":
    main()
