#!/usr/bin/env python3
"""The fixed cost of a `pageframe` command-line run: a build against a baseline, alternately.

Times `PAGEFRAME validate notebooks/tour.ipynb` and `PAGEFRAME run` of a notebook with one trivial cell (a small
loop and a print) for each side, N rounds, the order of the sides reversed every other round, each run through
`/usr/bin/time` (wall clock, user + system CPU of the command and its children: the agent JVM too). Prints the
medians, the ratios after / before, and the load average before and after. Usage:

    PAGEFRAME_BENCH_BEFORE=/path/to/old/pageframe scripts/bench-cli-start.py [ROUNDS]   (default 8)

The "after" side is ./pageframe of this tree (PAGEFRAME_BENCH_CMD overrides it). Each side uses the caches its
own target/ holds (scripts/run-cache.sh after every build).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CELL = "long s = 0;\nfor (int i = 0; i < 1000; i++) {\n    s += i;\n}\nSystem.out.println(s);"


def timed(cmd):
    with tempfile.NamedTemporaryFile("r") as t:
        done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S", "-o", t.name, *cmd], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"bench-cli-start: {' '.join(cmd)} exited {done.returncode}: {done.stderr}")
        wall, user, system = map(float, t.read().split()[-3:])
    return wall, user + system


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    before = os.environ.get("PAGEFRAME_BENCH_BEFORE")
    if not before:
        sys.exit("bench-cli-start: set PAGEFRAME_BENCH_BEFORE to the baseline's pageframe script")
    sides = {"before": before, "after": os.environ.get("PAGEFRAME_BENCH_CMD", str(ROOT / "pageframe"))}
    work = Path(tempfile.mkdtemp(prefix="bench-cli-start-"))
    nb = work / "one.ipynb"
    nb.write_text(json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {}, "outputs": [],
                   "source": CELL}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    tasks = {"validate": lambda exe: [exe, "validate", str(ROOT / "notebooks" / "tour.ipynb")],
             "run 1 cell": lambda exe: [exe, "run", str(nb), "-o", str(work / "out.ipynb")]}
    for task in tasks.values():  # one unmeasured run of each: the page cache
        for exe in sides.values():
            timed(task(exe))
    load_before = os.getloadavg()
    results = {(t, s): [] for t in tasks for s in sides}
    for r in range(rounds):
        order = list(sides) if r % 2 == 0 else list(reversed(sides))
        for name, task in tasks.items():
            for side in order:
                results[(name, side)].append(timed(task(sides[side])))
    load_after = os.getloadavg()
    print(f"{rounds} rounds, load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print("| command | before: wall / CPU | after: wall / CPU | after / before: wall / CPU |")
    print("|---|---|---|---|")
    for name in tasks:
        med = {s: (statistics.median(w for w, _ in results[(name, s)]),
                   statistics.median(c for _, c in results[(name, s)])) for s in sides}
        b, a = med["before"], med["after"]
        print(f"| {name} | {b[0]:.3f} s / {b[1]:.3f} s | {a[0]:.3f} s / {a[1]:.3f} s "
              f"| {a[0] / b[0]:.2f}x / {a[1] / b[1]:.2f}x |")
    for name in tasks:
        for side in sides:
            print(f"{name} {side}: " + " ".join(f"{w:.2f}/{c:.2f}" for w, c in results[(name, side)]),
                  file=sys.stderr)


if __name__ == "__main__":
    main()
