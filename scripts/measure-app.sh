#!/usr/bin/env bash
# Measures the desktop app as a user meets it: cold start to the window, the first page of a 100-cell
# notebook, and every FX-thread stall over 50 ms while it opens and is scrolled down and back up.
# Runs ROUNDS (default 3) pairs in the same session, alternating a plain JVM (the baseline) and one started
# with the start-up cache (scripts/startup-cache.sh must have been run for this build of the jar).
# Needs a display, or xvfb-run. Prints one line per run and a summary per mode.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jar="$PWD/target/pageframe.jar"
cache="$PWD/target/pageframe.aot"
rounds=${ROUNDS:-3}
[ -f "$jar" ] || { echo "measure-app: build first: mvn -q package -DskipTests" >&2; exit 2; }
[ -f "$cache" ] && [ "$cache" -nt "$jar" ] || { echo "measure-app: run scripts/startup-cache.sh first" >&2; exit 2; }

run() {
  local cmd=("$JAVA_HOME/bin/java" "$@" -Dpageframe.measure.hundred=true -Dpageframe.measure.exitAfter=16 -jar "$jar")
  if [ -n "${DISPLAY:-}" ]; then "${cmd[@]}" 2>&1; else xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}" 2>&1; fi
}

summary() {
  # From the measurement hook's lines: window, first page, stalls before the first page, scrolling, whole run.
  awk -v mode="$1" '
    function gaps(line) { sub(/.*\(/, "", line); sub(/ gaps.*/, "", line); return line }
    /window shown after/ { w = $5 }
    /first page of/ { for (i = 1; i <= NF; i++) if ($i == "after") fp = $(i + 1); opened = 1 }
    /FX thread blocked/ { if (!opened) { og++; if ($5 + 0 > olong) olong = $5 + 0 } }
    /scrolled down through/ { sd = gaps($0) }
    /scrolled back up through/ { su = gaps($0) }
    /longest FX frame gap/ { lg = $6; tg = gaps($0) }
    END { printf "%-6s window %5s ms | first page %4s ms | before it: %d gaps > 50 ms, longest %d ms | scrolling down/up: %s/%s gaps | whole run: longest %s ms, %s gaps\n", mode, w, fp, og, olong, sd, su, lg, tg }'
}

for i in $(seq "$rounds"); do
  run | summary plain
  run -XX:AOTCache="$cache" | summary cached
done
