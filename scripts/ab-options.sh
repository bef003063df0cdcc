#!/usr/bin/env bash
# Alternates `./pageframe run NOTEBOOK` with and without extra JVM options for the CLI's JVM (PAGEFRAME_JAVA_OPTIONS),
# ROUNDS times each, and prints the medians of wall and CPU time (user + system, the agent JVM included) of each side:
# an A/B of an option on the same build, the same caches and the same machine. Temporary switches read as system
# properties (-Dsome.switch=1) compare two code paths of one build the same way. Usage:
#
#     scripts/ab-options.sh ROUNDS NOTEBOOK 'OPTIONS...'
#
# e.g. scripts/ab-options.sh 8 target/bench-vs-jupyter/pageframe-10.ipynb '-XX:-Inline' (the notebooks of
# scripts/bench-vs-jupyter.py). Run scripts/run-cache.sh first after every build, or neither side has its caches.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 ROUNDS NOTEBOOK 'OPTIONS...'" >&2; exit 2; }
rounds=$1 notebook=$2 options=$3
here="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$rounds"); do
  for side in without with; do
    extra=""; [ "$side" = with ] && extra="$options"
    PAGEFRAME_JAVA_OPTIONS="$extra" /usr/bin/time -f "%e %U %S" -o "$work/time" \
      "$here/pageframe" run "$notebook" -o "$work/out.ipynb" > /dev/null 2> "$work/err" \
      || { cat "$work/err" >&2; echo "ab-options: the run $side the options failed" >&2; exit 1; }
    cat "$work/time" >> "$work/$side"
  done
done
echo "# $rounds rounds alternating, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); options: $options"
for side in without with; do
  python3 - "$work/$side" "$side" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
wall = [float(r[0]) for r in rows]
cpu = [float(r[1]) + float(r[2]) for r in rows]
print(f"{sys.argv[2]:>8}: wall median {statistics.median(wall):.3f} s, CPU median {statistics.median(cpu):.3f} s;"
      f" walls {' '.join(f'{w:.2f}' for w in wall)}")
PY
done
