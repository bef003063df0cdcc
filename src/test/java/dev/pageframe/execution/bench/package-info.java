/**
 * JMH benchmarks of the execution layer: trivial-cell round trip, start to first cell, restart
 * and run-all of a 50-cell notebook, and interrupt latency. Run them (keep it short on 2 cores):
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * mvn -B -q -o test-compile
 * mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * $JAVA_HOME/bin/java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.openjdk.jmh.Main 'dev.pageframe.execution.bench' -rf json -rff target/jmh.json
 * </pre>
 */
package dev.pageframe.execution.bench;
