#!/usr/bin/env python3
"""Headless run of trivial notebooks: `./pageframe run` against `jupyter nbconvert --to notebook --execute`.

Builds a 10-cell and a 50-cell notebook for each side (each cell a small loop and a print: Java for
Pageframe, Python for Jupyter) and runs the four alternately, N rounds, the order reversed every other
round, so both sides see the same machine. Each run goes through `/usr/bin/time -v` (wall clock, user and
system CPU of the command and the children it waited for); the peak memory is the peak of the summed
VmRSS of the whole process tree (the command and every descendant, the Jupyter kernel and Pageframe's agent
JVM included), sampled every 10 ms from /proc: `time -v` only gives the largest single process.

Prints per notebook the medians, the ratios Pageframe / Jupyter, the cost of each extra cell
((t50 - t10) / 40) and the load average before and after. Usage:

    scripts/bench-vs-jupyter.py [ROUNDS]          (default 5; PAGEFRAME_BENCH_CMD overrides ./pageframe)

PAGEFRAME_BENCH_BEFORE, a second command (e.g. an older build), adds it as a third side, "before", in the same
alternation, so a change is measured against its baseline and Jupyter on the same machine.

Jupyter comes from a venv under target/ (made on first use: python3 -m venv, pip install nbconvert ipykernel).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench-vs-jupyter"
VENV = ROOT / "target" / "jupyter-venv"
SIZES = (10, 50)
JAVA_CELL = "long s = 0;\nfor (int i = 0; i < 1000; i++) {\n    s += i;\n}\nSystem.out.println(s);"
PYTHON_CELL = "s = 0\nfor i in range(1000):\n    s += i\nprint(s)"


def notebook(cells, source, kernelspec, language):
    return {
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [],
                   "source": source} for i in range(cells)],
        "metadata": {"kernelspec": kernelspec, "language_info": {"name": language}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def jupyter():
    exe = VENV / "bin" / "jupyter"
    if not exe.exists() or subprocess.run([VENV / "bin" / "python", "-c", "import ipykernel, nbconvert"],
                                          capture_output=True).returncode != 0:
        print(f"bench: making {VENV} (pip install nbconvert ipykernel)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        # Few retries: where pip's default index is out of reach and a local mirror is configured, its five retries
        # per package with back-off cost minutes (the tests' ExternalTools does the same).
        subprocess.run([VENV / "bin" / "pip", "install", "-q", "--retries", "1", "--timeout", "20", "nbconvert", "ipykernel"],
                       check=True)
    # The venv's own python3 kernel, not one a user installed elsewhere.
    subprocess.run([VENV / "bin" / "python", "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3"],
                   check=True, capture_output=True)
    return exe


class TreeSampler(threading.Thread):
    """Peak of the summed VmRSS of a process and all its descendants, polled every 10 ms."""

    def __init__(self, root_pid, skip_root):
        super().__init__(daemon=True)
        self.tree = {root_pid}
        self.skip = root_pid if skip_root else None
        self.seen = set()
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(0.01)

    def sample(self):
        try:
            pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
        except OSError:
            return
        for pid in pids:
            if pid in self.seen:
                continue
            self.seen.add(pid)
            try:
                with open(f"/proc/{pid}/stat") as f:
                    stat = f.read()
                ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError):
                continue
            if ppid in self.tree:
                self.tree.add(pid)
        total = 0
        for pid in list(self.tree):
            if pid == self.skip:
                continue
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                            break
            except OSError:
                pass
        self.peak_kb = max(self.peak_kb, total)


def measure(command, log):
    out = WORK / "time.txt"
    proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", str(out)] + command, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=log)
    sampler = TreeSampler(proc.pid, skip_root=True)
    sampler.seen.add(proc.pid)
    sampler.start()
    proc.wait()
    sampler.stop.set()
    sampler.join()
    fields = {}
    for line in out.read_text().splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(map(str, command))} failed (exit {proc.returncode}); see {log.name}")
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return {"wall": wall, "cpu": cpu, "tree_mb": sampler.peak_kb / 1024,
            "largest_mb": int(fields["Maximum resident set size (kbytes)"]) / 1024}


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    WORK.mkdir(parents=True, exist_ok=True)
    jup = jupyter()
    pageframe = os.environ.get("PAGEFRAME_BENCH_CMD", str(ROOT / "pageframe")).split()
    before = os.environ.get("PAGEFRAME_BENCH_BEFORE", "").split()
    sides = ["pageframe", "jupyter"] + (["before"] if before else [])
    sources = {}
    for n in SIZES:
        sources[("pageframe", n)] = notebook(n, JAVA_CELL, {"display_name": "Java (Pageframe)", "language": "java",
                                                           "name": "pageframe-java"}, "java")
        if before:
            sources[("before", n)] = sources[("pageframe", n)]
        sources[("jupyter", n)] = notebook(n, PYTHON_CELL, {"display_name": "Python 3", "language": "python",
                                                           "name": "python3"}, "python")

    def command(side, n):
        src = sources[(side, n)]
        path = WORK / f"{side}-{n}.ipynb"
        path.write_text(json.dumps(src, indent=1))
        if side == "pageframe":
            return pageframe + ["run", str(path)]
        if side == "before":
            return before + ["run", str(path)]
        return [str(jup), "nbconvert", "--to", "notebook", "--execute", "--inplace", str(path)]

    # One unmeasured run of each: builds the jar if needed, warms the page cache for both sides.
    with open(WORK / "log.txt", "w") as log:
        for key in sources:
            measure(command(*key), log)
        jar = ROOT / "target" / "pageframe.jar"
        caches = " ".join(f"{c}={'fresh' if (ROOT / 'target' / c).exists() and (ROOT / 'target' / c).stat().st_mtime > jar.stat().st_mtime else 'none'}"
                          for c in ("pageframe-cli.aot", "agent.aot"))
        load_before = os.getloadavg()
        results = {key: [] for key in sources}
        order = list(sources)
        for r in range(rounds):
            for key in (order if r % 2 == 0 else order[::-1]):
                results[key].append(measure(command(*key), log))
            print(f"round {r + 1}/{rounds}: " + "  ".join(
                f"{k[0][:4]}{k[1]} {results[k][-1]['wall']:.2f}s" for k in order), file=sys.stderr)
        load_after = os.getloadavg()

    med = {key: {m: statistics.median(run[m] for run in runs) for m in runs[0]} for key, runs in results.items()}
    print(f"# bench-vs-jupyter: {rounds} rounds, alternating; load average before {load_before[0]:.2f} "
          f"{load_before[1]:.2f} {load_before[2]:.2f}, after {load_after[0]:.2f} {load_after[1]:.2f} "
          f"{load_after[2]:.2f}; {os.cpu_count()} CPUs; start-up caches (scripts/run-cache.sh): {caches}")
    if before:
        print(f"# before: {' '.join(before)} run NB")
    print(f"# pageframe: {' '.join(pageframe)} run NB; jupyter: {jup} nbconvert --to notebook --execute --inplace NB")
    print("| cells | side | wall s (median) | CPU s user+sys | peak tree RSS MB | largest process MB | walls |")
    print("|---|---|---|---|---|---|---|")
    for n in SIZES:
        for side in sides:
            m = med[(side, n)]
            walls = " ".join(f"{run['wall']:.2f}" for run in results[(side, n)])
            print(f"| {n} | {side} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['tree_mb']:.0f} | {m['largest_mb']:.0f} "
                  f"| {walls} |")
    print()
    print("| | wall ratio | CPU ratio | memory ratio |")
    print("|---|---|---|---|")
    for n in SIZES:
        p, j = med[("pageframe", n)], med[("jupyter", n)]
        for side in sides[::2]:
            p = med[(side, n)]
            print(f"| {n} cells, {side} / jupyter | {p['wall'] / j['wall']:.2f}x | {p['cpu'] / j['cpu']:.2f}x "
                  f"| {p['tree_mb'] / j['tree_mb']:.2f}x |")
    print()
    span = SIZES[1] - SIZES[0]
    for side in sides:
        a, b = med[(side, SIZES[0])], med[(side, SIZES[1])]
        print(f"per extra cell, {side}: wall {(b['wall'] - a['wall']) / span * 1000:.1f} ms, "
              f"CPU {(b['cpu'] - a['cpu']) / span * 1000:.1f} ms")


if __name__ == "__main__":
    main()
