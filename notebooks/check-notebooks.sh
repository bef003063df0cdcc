#!/usr/bin/env bash
# Runs every code cell of the bundled notebooks, and every ```java example block of the docs in
# content/, in a real JShell on the machine each one asks for. Exits non-zero if any cell fails to
# compile, throws, or ends holding a spinlock.
#
#   notebooks/check-notebooks.sh            # all notebooks and all docs
#   notebooks/check-notebooks.sh -v FILE..  # chosen files, printing every cell's output
#
# Needs JDK 25 (JAVA_HOME, or the Temurin 25 install at its usual place) and Maven to compile the
# engine; set SKIP_COMPILE=1 to use target/classes as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] \
    || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
    echo "check-notebooks: JDK 25 or newer is needed; point JAVA_HOME at it" >&2
    exit 2
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

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

# The .ipynb files are generated: make sure nobody edited one by hand without the generator.
if command -v python3 >/dev/null && [[ ${#files[@]} -gt 0 ]]; then
    python3 notebooks/build_notebooks.py --check >/dev/null || {
        echo "check-notebooks: notebooks/*.ipynb differ from notebooks/build_notebooks.py; run it and commit" >&2
        exit 1
    }
fi

# display(...) turns charts into MIME bundles with Jackson: put the runtime dependencies on the class path.
classpath=target/classes
if [[ "${SKIP_COMPILE:-0}" != 1 || ! -s target/check-classpath.txt ]]; then
    mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/check-classpath.txt \
        >/dev/null 2>&1 \
        || mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/check-classpath.txt \
        >/dev/null 2>&1 || true
fi
if [[ -s target/check-classpath.txt ]]; then
    classpath="$classpath:$(cat target/check-classpath.txt)"
fi

exec java --class-path "$classpath" notebooks/CheckNotebooks.java "${args[@]}" "${files[@]}"
