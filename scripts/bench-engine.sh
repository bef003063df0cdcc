#!/usr/bin/env bash
# Runs the engine's JMH benchmarks and the heap-footprint probe. Usage: scripts/bench-engine.sh [JMH regex]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q -o test-compile
CP="target/test-classes:target/classes:$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -Xmx2g -cp "$CP" dev.pageframe.engine.bench.EngineFootprint
java -cp "$CP" org.openjdk.jmh.Main "${1:-dev.pageframe.engine.bench.EngineBench}" -rf text -rff target/jmh-engine.txt
