#!/usr/bin/env bash
# Runs the JMH benchmarks in bench/jmh and prints the budgets as ratios against baselines measured
# in the same invocation. Usage, from anywhere:
#
#   bench/run-jmh.sh                      # every benchmark (about 4 minutes on 2 cores)
#   bench/run-jmh.sh PackLoadBenchmark    # JMH arguments (regexps, -wi, -i, ...) are passed through
#
# Needs a JDK 21+ as JAVA_HOME or on PATH. Exit status: 0 when every budget checked holds, 1 when one
# is missed, anything else when the build or a benchmark failed.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The bench profile builds into target/bench-build (see pom.xml) so that other builds in target/
# cannot recompile classes away from under a running benchmark.
BUILD=target/bench-build
OUT=target/bench
mkdir -p "$OUT"

echo "== building main and test classes with the bench profile"
./mvnw -q -B -Pbench -DskipTests test-compile

echo "== resolving the test class path"
./mvnw -q -B -Pbench dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/jmh.classpath"
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$OUT/jmh.classpath")"

if [ ! -f "$BUILD/test-classes/META-INF/BenchmarkList" ]; then
    echo "no $BUILD/test-classes/META-INF/BenchmarkList: JMH's annotation processor did not run" >&2
    exit 3
fi

RESULT="$OUT/jmh-result.json"
# ProgressTickBenchmark.tickInTurn leaves its medians beside the result (see BenchSummary)
rm -f "$RESULT" "$OUT/progress-tick-interleaved.json"
# DashboardAggregateBenchmark writes its 1,000,000 calls once per run and keeps them here for its later trials
rm -rf "$OUT/dashboard"
echo "== running JMH ($("$JAVA" -version 2>&1 | head -1))"
# Fork count, warm-up and measurement are set per benchmark class (annotations); -foe stops on the
# first failing benchmark, for example a generated pack that does not load cleanly; -prof gc adds
# bytes allocated per operation (the summary compares them between pack sizes).
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main \
    -foe true -prof gc -rf json -rff "$RESULT" "$@"

echo "== summary (ratios against baselines from this run)"
"$JAVA" -cp "$CP" dev.aiworkbench.bench.BenchSummary "$RESULT"
