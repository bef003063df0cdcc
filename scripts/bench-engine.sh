#!/usr/bin/env bash
# Runs the engine's JMH benchmarks and the heap-footprint probe. Usage: scripts/bench-engine.sh [JMH regex]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
pageframe_find_jdk bench-engine
# The dependency plugin is pinned: unpinned, Maven picks its old default (2.8), which is not in a fresh local
# repository and cannot be fetched offline.
mvn -B -q test-compile
CP="target/test-classes:target/classes:$(mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -Xmx2g -cp "$CP" dev.pageframe.engine.bench.EngineFootprint
java -cp "$CP" org.openjdk.jmh.Main "${1:-dev.pageframe.engine.bench.EngineBench}" -rf text -rff target/jmh-engine.txt
