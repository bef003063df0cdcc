#!/usr/bin/env bash
# Cold start to the window of the installed app, against a JavaFX hello-world window started the same way: the
# same bundled runtime, the same JVM options (lib/app/pageframe.cfg), JavaFX from the same jar, from a launcher
# script like bin/pageframe; once without and once with a start-up cache of its own trained the same way (quit
# once its window shows). Also ./pageframe from the source checkout (with target/pageframe.aot when there is one).
# The time is from starting the command to its window being mapped on the X display (xwininfo, polled every
# 10 ms), the same for every program. ROUNDS rounds (default 5), alternating; prints each run, then the medians
# and ratios. Needs installer/build.sh's image (or APP=/opt/pageframe for the installed package), Xvfb, xwininfo.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
pageframe_find_jdk measure-install
app=${APP:-$PWD/target/installer/image/pageframe}
rounds=${ROUNDS:-5}
[ -x "$app/bin/pageframe" ] || { echo "measure-install: no $app/bin/pageframe; run installer/build.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work/home"; mkdir -p "$HOME"

# The hello-world app, compiled against the JavaFX in Pageframe's jar and run with that jar on its class path.
mkdir -p "$work/hello"
javac -d "$work/hello" -cp "$app/lib/app/pageframe.jar" scripts/hello/Hello.java
(cd "$work/hello" && "$JAVA_HOME/bin/jar" cf ../hello.jar .)
mapfile -t opts < <(sed -n 's/^java-options=//p' "$app/lib/app/pageframe.cfg" | grep -v AOTCache | sed "s|\$APPDIR|$app/lib/app|g")
hello_cp="$work/hello.jar:$app/lib/app/pageframe.jar"
hello=("$app/lib/runtime/bin/java" "${opts[@]}" -cp "$hello_cp" Hello)

Xvfb :77 -screen 0 1600x1000x24 -nolisten tcp > /dev/null 2>&1 &
xvfb=$!
export DISPLAY=:77
for i in $(seq 1 100); do xwininfo -root > /dev/null 2>&1 && break; sleep 0.05; done

# The hello world's own cache: trained like the app's (its window shown, then quit), for the same runtime and jar.
"$app/lib/runtime/bin/java" "${opts[@]}" -XX:AOTCacheOutput="$work/hello.aot" -Dhello.exitWhenShown=true -cp "$hello_cp" Hello > "$work/train.log" 2>&1
[ -f "$work/hello.aot" ] || { cat "$work/train.log" >&2; echo "measure-install: the hello-world cache was not made" >&2; exit 1; }

time_to_window() { # title prefix, then the command; prints milliseconds
  local name=$1 start pid now
  shift
  start=$(date +%s%N)
  "$@" > "$work/run.log" 2>&1 &
  pid=$!
  while ! xwininfo -root -tree 2>/dev/null | grep -qF "\"$name"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/run.log" >&2; echo "measure-install: $* exited without a window" >&2; exit 1; }
    sleep 0.01
  done
  now=$(date +%s%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo $(( (now - start) / 1000000 ))
}

declare -A all
modes=(installed hello hello+cache source)
for r in $(seq 1 "$rounds"); do
  for mode in "${modes[@]}"; do
    case "$mode" in
      installed) ms=$(time_to_window tour.ipynb "$app/bin/pageframe") ;;
      hello) ms=$(time_to_window Hello "${hello[@]}") ;;
      hello+cache) ms=$(time_to_window Hello "$app/lib/runtime/bin/java" "${opts[@]}" -XX:AOTCache="$work/hello.aot" -cp "$hello_cp" Hello) ;;
      source) ms=$(time_to_window tour.ipynb ./pageframe) ;;
    esac
    all[$mode]="${all[$mode]:-} $ms"
    echo "round $r: $mode $ms ms"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A med
for mode in "${modes[@]}"; do med[$mode]=$(echo "${all[$mode]}" | median); done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in "${modes[@]}"; do
  awk -v m="$mode" -v t="${med[$mode]}" -v h="${med[hello]}" -v hc="${med[hello+cache]}" -v runs="${all[$mode]}" \
    'BEGIN { printf "%-12s median %5d ms  (%.2fx hello, %.2fx hello+cache)  runs:%s\n", m, t, t / h, t / hc, runs }'
done
