#!/usr/bin/env bash
# Runs the engine's JMH benchmarks beside a C build of the same buddy algorithm (bench/c/buddy.c, built
# here with the system cc -O2), prints Java, C and the Java/C ratio for the order-0 pair and the churn,
# then the heap probes (the 1 TiB one with the agent JVM's heap options).
# Usage: scripts/bench-engine.sh [JMH regex]  (default: every engine benchmark)
# PAGEFRAME_BENCH_C_ROUNDS="warm-up measured" changes the C side's 1-second rounds (default "3 5", as JMH).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
pageframe_find_jdk bench-engine
command -v cc >/dev/null 2>&1 || { echo "bench-engine: needs a C compiler as cc (apt-get install gcc)" >&2; exit 2; }
# The dependency plugin is pinned: unpinned, Maven picks its old default (2.8), which is not in a fresh local
# repository and cannot be fetched offline.
./mvnw -B -q test-compile
./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench-c
cc -O2 -o target/bench-c/buddy bench/c/buddy.c
rounds=${PAGEFRAME_BENCH_C_ROUNDS:-3 5}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# C runs before and after the JVM so both sides see the same machine; the ratio uses their mean.
target/bench-c/buddy $rounds | tee target/bench-c/before.txt
java -cp "$CP" dev.pageframe.engine.bench.BuddyWork
java -cp "$CP" org.openjdk.jmh.Main "${1:-dev.pageframe.engine.bench.Engine}" -rf csv -rff target/jmh-engine.csv
target/bench-c/buddy $rounds | tee target/bench-c/after.txt
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -F, '
  FILENAME ~ /before|after/ { split($0, f, " "); sub(/^c\./, "", f[1]); c[f[1]] += f[2] / 2; cs[f[1]] = cs[f[1]] " " f[2]; next }
  FNR > 1 { name = $1; gsub(/"/, "", name); sub(/.*\./, "", name); java[name] = $5; err[name] = $6; unit[name] = $7 }
  END {
    for (b in c) {
      if (!(b in java)) continue
      per = (b == "mixedOrderChurn") ? "op" : "pair"
      printf "%-20s Java %.2f ± %.2f ns/%s, C %.2f ns/%s (runs:%s), Java/C = %.2f", b, java[b], err[b], per, c[b], per, cs[b], java[b] / c[b]
      if (b == "mixedOrderChurn") printf "; %.0f M ops/s vs %.0f M ops/s", 1000 / java[b], 1000 / c[b]
      printf "\n"
    }
  }' target/bench-c/before.txt target/bench-c/after.txt target/jmh-engine.csv

java -Xmx2g -cp "$CP" dev.pageframe.engine.bench.EngineFootprint
# The 1 TiB machine as a kernel's agent holds it (AgentHeap): the serial collector, the heap committed whole, the young
# generation limited; its first boot in this fresh JVM is the one a user waits for.
java -XX:+UseSerialGC -Xms2499m -Xmx2499m -XX:MaxNewSize=224m -cp "$CP" dev.pageframe.engine.bench.EngineFootprint 1T
