#!/usr/bin/env bash
# Issue 18, "a long run holds": one data folder, three JVMs at once (bench/soak/SoakBench):
#   - a 10,000-case eval at concurrency 8 through the product's runner against a fake Ollama (no delay);
#   - the app's session (ScreenRegistry.openSession) with its database watch on, re-reading on others' writes;
#   - `workbench progress mark` in a loop, each a whole command-line run.
# Budgets: 0 lock errors, 0 lost cases (a result row for every case), heap after GC flat after warm-up (100% vs
# 25% of the run within 10%, in the eval JVM and in the session JVM), and the session shows the database's task
# states 2.5 s after the last mark.
#
#   bench/soak.sh
#   BENCH_JAVA_OPTS="-Dsoak.cases=20000 -Dsoak.latencyMs=2 -Dsoak.markPauseMs=50" bench/soak.sh
#
# Needs a JDK 21+ as JAVA_HOME or on PATH. Exit status: 0 when every budget holds, 1 when one is missed, 3 when
# the build or the run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
# The bench profile builds into target/bench-build (see pom.xml), away from other builds in target/.
BUILD=target/bench-build
CLASSES="$BUILD/soak-classes"
OUT=target/bench
mkdir -p "$OUT"

echo "== building main and test classes with the bench profile"
./mvnw -q -B -Pbench -DskipTests test-compile || exit 3

echo "== resolving the test class path"
./mvnw -q -B -Pbench dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/soak.classpath" || exit 3
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$OUT/soak.classpath")"

echo "== compiling bench/soak"
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JAVAC" --release 21 -Xlint:all -Werror -d "$CLASSES" -cp "$CP" bench/soak/*.java || exit 3

LOG="$OUT/soak.log"
RC=0
echo
echo "== soak: dev.aiworkbench.bench.soak.SoakBench ($("$JAVA" -version 2>&1 | head -1))"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several words on purpose
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$CLASSES:$CP" \
    dev.aiworkbench.bench.soak.SoakBench > "$LOG" 2> "$LOG.err" || RC=$?
grep -v '^SUMMARY|' "$LOG" | sed 's/^/  /' || true
if [ "$RC" -ne 0 ] && [ "$RC" -ne 1 ]; then
    echo "  soak FAILED (exit status $RC); its stderr ($LOG.err):" >&2
    tail -30 "$LOG.err" | sed 's/^/    /' >&2
fi

echo
echo "== summary"
grep '^SUMMARY|' "$LOG" | awk -F'|' '
    { n++; for (i = 2; i <= 6; i++) { cell[n, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
    END {
        h[2] = "budget / measure"; h[3] = "measured"; h[4] = "reference (same run)"; h[5] = "budget"; h[6] = "verdict"
        for (i = 2; i <= 6; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
        fmt = "%-" w[2] "s | %-" w[3] "s | %-" w[4] "s | %-" w[5] "s | %s\n"
        printf fmt, h[2], h[3], h[4], h[5], h[6]
        for (r = 1; r <= n; r++) printf fmt, cell[r, 2], cell[r, 3], cell[r, 4], cell[r, 5], cell[r, 6]
    }'
echo "the run's output: $LOG (stderr: $LOG.err)"
case $RC in
    0 | 1) exit "$RC" ;;
    *) exit 3 ;;
esac
