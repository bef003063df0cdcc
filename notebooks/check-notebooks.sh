#!/usr/bin/env bash
# Runs every code cell of the bundled notebooks, and every ```java example block of the docs in
# content/, in a real JShell on the machine each one asks for. Exits non-zero if any cell fails to
# compile, throws, or ends holding a spinlock. Exercise answer cells run their reference solution,
# so every exercise check must pass.
#
#   notebooks/check-notebooks.sh            # all notebooks and all docs
#   notebooks/check-notebooks.sh -v FILE..  # chosen files, printing every cell's output
#
# Needs JDK 25 (found by scripts/find-jdk.sh) and Maven to compile the
# engine; set SKIP_COMPILE=1 to use target/classes as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/find-jdk.sh
pageframe_find_jdk check-notebooks

if [[ "${SKIP_COMPILE:-0}" != 1 ]]; then
    mvn -B -q -o compile 2>/dev/null || mvn -B -q compile
fi

args=()
files=()
for a in "$@"; do
    case "$a" in
        -*) args+=("$a") ;;
        *) files+=("$a") ;;
    esac
done
if [[ ${#files[@]} -eq 0 ]]; then
    shopt -s nullglob globstar
    files=(notebooks/*.ipynb content/**/*.md)
fi

# display(...) turns charts into MIME bundles with Jackson: put the runtime dependencies on the class path. The
# dependency plugin is pinned: unpinned, Maven takes its old default (2.8), which a fresh repository lacks offline.
dep_goal=org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath
classpath=target/classes
if [[ "${SKIP_COMPILE:-0}" != 1 || ! -s target/check-classpath.txt ]]; then
    mvn -B -q -o "$dep_goal" -Dmdep.includeScope=runtime -Dmdep.outputFile=target/check-classpath.txt >/dev/null 2>&1 \
        || mvn -B -q "$dep_goal" -Dmdep.includeScope=runtime -Dmdep.outputFile=target/check-classpath.txt >/dev/null 2>&1 \
        || true
fi
if [[ -s target/check-classpath.txt ]]; then
    classpath="$classpath:$(cat target/check-classpath.txt)"
fi

exec java --class-path "$classpath" notebooks/CheckNotebooks.java "${args[@]}" "${files[@]}"
