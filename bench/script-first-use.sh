#!/usr/bin/env bash
# Issue 17: what the first javascript assertion adds to a run, paired and interleaved (see
# bench/scripts/ScriptFirstUseInTurn.java): rounds of two fresh JVMs in turn, 20 cases graded with one
# javascript assertion and with one contains assertion; the budget is the median of the paired differences
# < 300 ms, timed from the first model answer's arrival (the sandbox starts building when the run starts).
#
#   bench/script-first-use.sh                 # 15 rounds, first answer after 0 ms and after 300 ms
#   bench/script-first-use.sh 21 0 150 300    # rounds, then answer times in ms (the last one gives the verdict)
#
# Needs a JDK 21+ as JAVA_HOME or on PATH. Exit status: 0 when the budget holds, 1 when it is missed,
# 3 when the build or a run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
BUILD=target/bench-build
CLASSES="$BUILD/scripts-classes"
OUT=target/bench
mkdir -p "$OUT"

echo "== building main classes with the bench profile"
./mvnw -q -B -Pbench -DskipTests compile || exit 3
./mvnw -q -B -Pbench dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/scripts.classpath" || exit 3
CP="$BUILD/classes:$(cat "$OUT/scripts.classpath")"

rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JAVAC" --release 21 -Xlint:all -Werror -d "$CLASSES" -cp "$CP" bench/scripts/*.java || exit 3

echo "== running ($("$JAVA" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg))"
rc=0
"$JAVA" -cp "$CLASSES:$CP" dev.aiworkbench.bench.scripts.ScriptFirstUseInTurn "$@" || rc=$?
echo "== done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
exit $rc
