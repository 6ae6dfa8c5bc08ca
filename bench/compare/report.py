"""The table printed at the end of bench/compare-alembic, and build/bench-results.json."""

import json

HEADER = (f"{'measurement':<46} {'timing':<10} {'tempest ms':>10} {'(cpu)':>8}   "
          f"{'vs':<7} {'ms':>9} {'(cpu)':>8} {'ratio':>8} {'cpu':>7}  {'goal':<7} {'met':<4}"
          f" {'peak kB tempest / other':>24}")


def _ratio_text(row, wall=True):
    ratio = row.ratio(wall)
    return f"{ratio:.1f}x" if row.other == "alembic" else f"{ratio:.3f}"


def _goal_text(row):
    if row.goal is None:
        return "-"
    return f">={row.goal:g}x" if row.other == "alembic" else f"<={row.goal:.2f}"


def _met_text(row):
    met = row.goal_met()
    return "-" if met is None else ("yes" if met else "NO")


def print_table(rows, heading):
    print(heading)
    print(HEADER)
    print("-" * len(HEADER))
    for row in rows:
        peaks = f"{row.tempest.peak()} / {row.peer.peak()}"
        print(f"{row.name:<46} {row.timing:<10} {row.tempest.best_wall():>10.1f} "
              f"{row.tempest.best_cpu():>8.1f}   {row.other:<7} {row.peer.best_wall():>9.1f} "
              f"{row.peer.best_cpu():>8.1f} {_ratio_text(row):>8} {_ratio_text(row, False):>7}"
              f"  {_goal_text(row):<7} {_met_text(row):<4} {peaks:>24}")
    print()
    print("ratio: vs alembic = alembic / tempest (times faster); vs floor = tempest / floor.")
    print("Times are the best of the runs; cpu is user + sys of the measured side (client side "
          "only for PostgreSQL); peak is ru_maxrss of each side's process.")


def write_json(rows, path):
    with open(path, "w", encoding="utf-8") as out:
        json.dump([row.to_json() for row in rows], out, indent=2)
        out.write("\n")
