#!/usr/bin/env bash
# Measures the desktop app as a user meets it: cold start to the window, the first page of a 100-cell
# notebook, and, while it opens and is scrolled down and back up, every time the FX thread kept a task
# waiting over 50 ms and every gap over 50 ms between frames (a gap also counts software rendering); then
# it puts the caret in five code cells, which swaps their previews for real editors.
# Runs ROUNDS (default 3) rounds in the same session, each of: a plain `java -jar` (the baseline), the JVM
# options ./pageframe adds (scripts/jvm-options) without its start-up cache, and ./pageframe as it ships
# (with the cache, which scripts/startup-cache.sh must have recorded for this build of the jar).
# Then, per round, the bundled tour as a reader uses it (plain and as shipped): Run All, scrolling through the
# outputs, entering cells, zoom and theme changes, each with the stalls over 50 ms it caused.
# Needs a display, or xvfb-run. Prints one line per run and a summary per mode.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
pageframe_find_jdk measure-app
jar="$PWD/target/pageframe.jar"
cache="$PWD/target/pageframe.aot"
rounds=${ROUNDS:-3}
[ -f "$jar" ] || { echo "measure-app: build first: mvn -q package -DskipTests" >&2; exit 2; }
[ -f "$cache" ] && [ "$cache" -nt "$jar" ] || { echo "measure-app: run scripts/startup-cache.sh first" >&2; exit 2; }

# A profile of its own: the timed exits keep recovery copies of what Run All changed, and a user's own settings,
# trust records or recovery copies would change what is measured.
profile="$PWD/target/measure-profile"
rm -rf "$profile"
isolated=(-Dpageframe.config.dir="$profile/config" -Dpageframe.data.dir="$profile/data")

run() {
  local cmd=("$JAVA_HOME/bin/java" "$@" "${isolated[@]}" -Dpageframe.measure.hundred=true -Dpageframe.measure.exitAfter=20 -jar "$jar")
  if [ -n "${DISPLAY:-}" ]; then "${cmd[@]}" 2>&1; else xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}" 2>&1; fi
}

summary() {
  # From the measurement hook's lines: window, first page, stalls before the first page, scrolling, whole run.
  awk -v mode="$1" '
    function gaps(line) { sub(/.*\(/, "", line); sub(/ gaps.*/, "", line); return line }
    /window shown after/ { w = $5 }
    /first page of/ { for (i = 1; i <= NF; i++) if ($i == "after") fp = $(i + 1); opened = 1 }
    /frame gap [0-9]+ ms/ { if (!opened) { og++; if ($4 + 0 > olong) olong = $4 + 0 } }
    /FX thread busy/ { st++ }
    /longest FX thread stall/ { slong = $6 }
    /scrolled down through/ { sd = gaps($0) }
    /scrolled back up through/ { su = gaps($0) }
    /longest FX frame gap/ { lg = $6; tg = gaps($0) }
    /edited [0-9]+ code cells/ { ed = $0; sub(/.*\(/, "", ed); sub(/ stalls.*/, "", ed) }
    END { printf "%-7s window %5s ms | first page %4s ms | FX thread stalls > 50 ms: %d (%s while editing 5 cells), longest %d ms | frame gaps > 50 ms: %d before the first page (longest %d ms), %s/%s scrolling down/up, %s in all (longest %s ms)\n", mode, w, fp, st, ed, slong, og, olong, sd, su, tg, lg }'
}

tour() {
  # The bundled tour (no file): Run All a second after its first page, scroll down and up through its outputs,
  # enter five code cells, then zoom in, zoom out, dark theme, light theme.
  local cmd=("$JAVA_HOME/bin/java" "$@" "${isolated[@]}" -Dpageframe.measure=true -Dpageframe.measure.runAll=true
    -Dpageframe.measure.scroll=true -Dpageframe.measure.look=true -Dpageframe.measure.exitAfter=20 -jar "$jar")
  if [ -n "${DISPLAY:-}" ]; then "${cmd[@]}" 2>&1; else xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}" 2>&1; fi
}

tour_summary() {
  awk -v mode="$1" '
    function count(line) { sub(/.*\(/, "", line); sub(/ (stalls|gaps).*/, "", line); return line }
    /ran [0-9]+ code cells/ { ran = count($0); for (i = 1; i <= NF; i++) if ($i == "in") ms = $(i + 1) }
    /scrolled down through/ { sd = count($0) }
    /scrolled back up through/ { su = count($0) }
    /edited [0-9]+ code cells/ { ed = count($0); el = $0; sub(/.*longest stall /, "", el); sub(/ ms.*/, "", el) }
    function look(line) { f = line; sub(/.*longest frame /, "", f); sub(/ ms.*/, "", f); return count(line) " (" f " ms)" }
    /zoomed in \(/ { zi = look($0) } /zoomed out \(/ { zo = look($0) }
    /switched to the dark theme/ { dk = look($0) } /switched back to the light theme/ { lt = look($0) }
    /longest FX thread stall/ { ls = $6 }
    END { printf "%-7s tour: Run All %s ms (%s stalls) | scrolling %s/%s gaps | entering cells %s stalls (longest %s ms) | stalls (longest frame): zoom in %s, out %s, dark %s, light %s | longest stall %s ms\n", mode, ms, ran, sd, su, ed, el, zi, zo, dk, lt, ls }'
}

# The options ./pageframe gives the app's JVM (the quick compiler, G1's pause goal): scripts/jvm-options.
mapfile -t opts < <(grep -Ev '^[[:space:]]*(#|$)' scripts/jvm-options)

for i in $(seq "$rounds"); do
  run | summary plain
  run "${opts[@]}" | summary opts
  run "${opts[@]}" -XX:AOTCache="$cache" | summary shipped
  tour | tour_summary plain
  tour "${opts[@]}" -XX:AOTCache="$cache" | tour_summary shipped
done
