"""Running each side of a comparison as a process of its own, and what one row of results holds.

A measured program runs under GNU time (/usr/bin/time -f %M), which reports its peak resident
set (ru_maxrss, kB). The peak cannot be read from this process's own wait4: Linux carries the
high-water mark of the memory a child execs from into the child's ru_maxrss, and a child
forked from this Python process would start at its size; time's is a few hundred kB. The CPU
time (user + sys) is that of the child reaped with os.wait4, which includes time's own, well
under a millisecond. Wall time is taken around the process, or reported by the program itself
for the in-process timings (autogenerate), which exclude start-up on both sides.

Starting time itself costs about a millisecond, which is noise beside a run of 100 ms but a
fifth of a 5 ms one: rows of millisecond processes (history, heads) time runs started
directly (run_process(..., peak=False): wall and CPU of the program alone) and take the peak
from one more run under time (peak_run).
"""

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field


class MeasurementError(RuntimeError):
    pass


@dataclass
class ProcessResult:
    wall_ms: float
    cpu_ms: float
    peak_kb: int | None  # None: run without time (peak=False)
    stdout: str


def run_process(argv, cwd=None, stdin_path=None, check=True, peak=True):
    """Runs argv to completion; raises MeasurementError (with its stderr) when it fails.

    peak=False: started directly, without time: no peak, and nothing but the program timed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as peak_file:  # read only when peak
        timed = ["/usr/bin/time", "-f", "%M", "-o", peak_file.name] if peak else []
        timed += map(str, argv)
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            process = subprocess.Popen(timed, cwd=cwd, stdin=stdin, stdout=out, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)
            wall_ms = (time.perf_counter() - start) * 1000
        finally:
            if stdin_path:
                stdin.close()
        process.returncode = os.waitstatus_to_exitcode(status)
        peak_lines = peak_file.read().split()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if check and process.returncode != 0:
            message = err.read().decode("utf-8", "replace").strip()[-2000:]
            raise MeasurementError(
                f"{' '.join(map(str, argv))} exited with {process.returncode}: {message}"
            )
        cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000
        return ProcessResult(wall_ms, cpu_ms, int(peak_lines[-1]) if peak else None, stdout)


def peak_run(argv):
    """The peak resident set (kB) of one run of argv under time."""
    return run_process(argv).peak_kb


@dataclass
class Side:
    """The samples of one side of a row: wall and CPU ms per run, peak kB per run under time."""

    wall_ms: list = field(default_factory=list)
    cpu_ms: list = field(default_factory=list)
    peak_kb: list = field(default_factory=list)

    def add(self, wall_ms, cpu_ms, peak_kb):
        self.wall_ms.append(wall_ms)
        self.cpu_ms.append(cpu_ms)
        self.peak_kb.append(peak_kb)

    def add_process(self, result):
        self.wall_ms.append(result.wall_ms)
        self.cpu_ms.append(result.cpu_ms)
        if result.peak_kb is not None:
            self.peak_kb.append(result.peak_kb)

    # Best of N: on a shared machine the fastest run is the one least disturbed by others.
    def best_wall(self):
        return min(self.wall_ms)

    def best_cpu(self):
        return min(self.cpu_ms)

    def peak(self):
        return max(self.peak_kb)


@dataclass
class Row:
    """One line of the table and one object of bench-results.json.

    `other` is "alembic" (ratio = alembic / tempest: how many times faster tempest is) or
    "floor" (ratio = tempest / floor: how close tempest comes to running the bare SQL)."""

    name: str
    other: str
    tempest: Side
    peer: Side
    goal: float | None  # alembic: minimum ratio; floor: maximum ratio; None: no goal
    timing: str  # "in-process" or "process"
    notes: dict = field(default_factory=dict)

    def ratio(self, wall=True):
        t = self.tempest.best_wall() if wall else self.tempest.best_cpu()
        p = self.peer.best_wall() if wall else self.peer.best_cpu()
        return p / t if self.other == "alembic" else t / p

    def goal_met(self):
        if self.goal is None:
            return None
        ratio = self.ratio()
        return ratio >= self.goal if self.other == "alembic" else ratio <= self.goal

    def to_json(self):
        other = self.other
        entry = {
            "name": self.name,
            "tempest_ms": round(self.tempest.best_wall(), 2),
            f"{other}_ms": round(self.peer.best_wall(), 2),
            "ratio": round(self.ratio(), 3),
            "tempest_cpu_ms": round(self.tempest.best_cpu(), 2),
            f"{other}_cpu_ms": round(self.peer.best_cpu(), 2),
            "cpu_ratio": round(self.ratio(wall=False), 3),
            "tempest_peak_kb": self.tempest.peak(),
            f"{other}_peak_kb": self.peer.peak(),
            "ratio_is": "alembic_ms / tempest_ms" if other == "alembic"
            else "tempest_ms / floor_ms",
            "goal": None if self.goal is None else (f">= {self.goal}" if other == "alembic"
                                                    else f"<= {self.goal}"),
            "goal_met": self.goal_met(),
            "statistic": f"best of {len(self.tempest.wall_ms)} (tempest), "
            f"{len(self.peer.wall_ms)} ({other})",
            "timing": self.timing,
        }
        entry.update(self.notes)
        return entry
