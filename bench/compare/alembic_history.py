"""The in-process Alembic side of the history and heads comparison.

    python3 alembic_history.py ALEMBIC_INI history|heads RUNS

Each run is alembic.command.history / heads on a new Config, as `alembic history` runs it
after start-up: a new ScriptDirectory loads every revision file (from its byte-compiled
cache), builds the revision map, walks it and formats one line per revision (or head), here
into a StringIO. Prints one JSON object: the wall and CPU ms of each run and the number of
lines printed by the last one.
"""

import io
import json
import sys
import time

from alembic import command
from alembic.config import Config


def main():
    ini, name, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if name not in ("history", "heads"):
        sys.exit(f"alembic_history: unknown command {name!r}")
    wall, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        out = io.StringIO()
        getattr(command, name)(Config(ini, stdout=out))
        cpu.append((time.process_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"runs_ms": wall, "runs_cpu_ms": cpu, "output": out.getvalue()}))


if __name__ == "__main__":
    main()
