#!/usr/bin/env bash
# Records the ahead-of-time caches (JDK 25, JEP 483/514/515) of the two JVMs a headless `pageframe run` starts:
#   target/pageframe-cli.aot  the command-line tool (options: scripts/cli-jvm-options), trained on a run;
#   target/agent.aot          the kernel's agent JVM, trained on the same run (KernelCaches, record mode).
# ./pageframe passes each one only for the jar it was made from (its size and time, in target/NAME.aot.jar): run this
# again after every `mvn package`. The JVM itself checks only the class path's name.
# The training run: the tour, then a notebook of 20 small cells (a loop and a print each). About 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/find-jdk.sh
pageframe_find_jdk run-cache
java="$JAVA_HOME/bin/java"
jar="$PWD/target/pageframe.jar"
dir="$PWD/target"
[ -f "$jar" ] || { echo "run-cache: no $jar; build it first: mvn -q package -DskipTests" >&2; exit 2; }
rm -f "$dir/pageframe-cli.aot" "$dir/agent.aot" "$dir/agent.aotconf" "$dir/launcher.aot" "$dir"/*.aot.jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The command-line tool and the agent, on one training run (the sandbox on, as a user's runs are): the tour's
# cells (the engine, charts, tables), then 20 small ones (a loop and a print each).
python3 - notebooks/tour.ipynb "$work/train.ipynb" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
cell = "long s = 0;\nfor (int i = 0; i < 1000; i++) {\n    s += i;\n}\nSystem.out.println(s);"
nb["cells"] += [{"cell_type": "code", "execution_count": None, "id": f"train-{i}", "metadata": {}, "outputs": [],
                 "source": cell} for i in range(20)]
json.dump(nb, open(sys.argv[2], "w"))
PY
mapfile -t cli < <(grep -Ev '^[[:space:]]*(#|$)' scripts/cli-jvm-options)
# The CLI's cache keeps classes, not the training run's method profiles: with them, a C1-only JVM compiled about 20%
# more methods, early, and a 10-cell run took 0.90-0.94x the wall and 0.86-0.90x the CPU without them (BENCHMARKS.md). The flag is
# a diagnostic one of JDK 25; a JDK that no longer knows it makes the cache as before.
if "$java" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -version >/dev/null 2>&1; then
  cli+=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
fi
"$java" "${cli[@]}" -XX:AOTCacheOutput="$dir/pageframe-cli.aot" -Xlog:aot=error \
    -Dpageframe.kernel.cache="$dir" -Dpageframe.kernel.cache.record=true \
    -jar "$jar" run "$work/train.ipynb" -o "$work/out.ipynb" >/dev/null 2>"$work/train.log" \
  || { cat "$work/train.log" >&2; echo "run-cache: the training run failed" >&2; exit 1; }
[ -f "$dir/agent.aotconf" ] || { echo "run-cache: the agent wrote no training data" >&2; exit 1; }
# The sandboxed agent's options (AgentCommand, KernelConfig.DEFAULT_JVM_OPTIONS). --illegal-native-access=deny turns
# the archived module graph off, and with it the cache's linked classes: a cache with them would be refused.
"$java" -Xmx1g -XX:+UseSerialGC -XX:-UsePerfData --illegal-native-access=deny -XX:-AOTClassLinking -XX:AOTMode=create -XX:AOTConfiguration="$dir/agent.aotconf" -XX:AOTCache="$dir/agent.aot" \
    -Xlog:aot=error -cp "$jar" >/dev/null
rm -f "$dir/agent.aotconf"

for f in pageframe-cli.aot agent.aot; do
  [ -f "$dir/$f" ] || { echo "run-cache: no $dir/$f was written" >&2; exit 1; }
  # Which jar it is for (./pageframe and KernelCaches compare): the JVM would take a cache made for another build.
  stat -c '%s %Y' "$jar" > "$dir/$f.jar"
  echo "run-cache: wrote $dir/$f ($(du -h "$dir/$f" | cut -f1))"
done
