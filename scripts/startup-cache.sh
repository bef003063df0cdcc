#!/usr/bin/env bash
# Records the JVM's ahead-of-time cache for the desktop app: target/pageframe.aot (JDK 25, JEP 483/514/515:
# classes loaded and linked, lambdas spun and method profiles from a training run). `./pageframe` starts the
# app with it: the window comes up sooner and the first notebook opens without the cold-JVM stalls.
# The training run does what a new reader does with the bundled tour: Run All, a scroll down and back up
# through the outputs, five cells entered, zoom in and out, dark theme and back; then the same but for Run
# All (the file is not signed) with a generated 100-cell notebook whose code cells have stored outputs, as a
# saved notebook has; then it quits (about 35 s, on the current display or, without one, under xvfb-run).
# Trained only on opening a notebook, the cache left Run All's first cells to load and link the execution
# classes on the FX thread (a 57 ms stall, sampled); trained only on the tour, opening a saved notebook
# still made 101 lambda classes at run time (41 with both). Run it again after every `mvn package`: a cache
# made for another build of the jar is refused by the JVM, and ./pageframe then starts without it.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/find-jdk.sh
pageframe_find_jdk startup-cache
jar="$PWD/target/pageframe.jar"
out="$PWD/target/pageframe.aot"
[ -f "$jar" ] || { echo "startup-cache: no $jar; build it first: mvn -q package -DskipTests" >&2; exit 2; }
rm -f "$out"
# A profile of its own (settings, trust records, recovery copies): the run's timed exit keeps recovery copies of what
# Run All changed, which the next start of the app would offer to restore; and a user's stale copies would put the
# recovery dialog's classes in the cache.
profile="$PWD/target/training-profile"
rm -rf "$profile"

# The same entry point, class path (the absolute jar path) and JVM options as ./pageframe: the JVM only
# maps a cache made for that class path, and what the run loads is what the cache holds.
mapfile -t opts < <(grep -Ev '^[[:space:]]*(#|$)' scripts/jvm-options)
train=("$JAVA_HOME/bin/java" "${opts[@]}" -XX:AOTCacheOutput="$out" -Xlog:aot=error
       -Dpageframe.measure=true -Dpageframe.measure.runAll=true -Dpageframe.measure.scroll=true
       -Dpageframe.measure.look=true -Dpageframe.measure.thenHundred=true
       -Dpageframe.measure.exitAfter="${PAGEFRAME_TRAIN_SECONDS:-32}"
       -Dpageframe.config.dir="$profile/config" -Dpageframe.data.dir="$profile/data" -jar "$jar")
if [ -n "${DISPLAY:-}" ]; then
  "${train[@]}"
elif command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${train[@]}"
else
  echo "startup-cache: needs a display, or xvfb-run (apt-get install xvfb) to train without one" >&2
  exit 2
fi
[ -f "$out" ] || { echo "startup-cache: the JVM wrote no cache" >&2; exit 1; }
# Which jar it is for (./pageframe compares): the JVM itself would take a cache made for another build of the jar.
stat -c '%s %Y' "$jar" > "$out.jar"
echo "startup-cache: wrote $out ($(du -h "$out" | cut -f1))"
