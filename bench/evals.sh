#!/usr/bin/env bash
# Eval runner budgets (issue 4, "Budgets"), each measured against a baseline run in the same
# invocation on the same machine:
#   grade      - 10,000 cases with deterministic assertions graded (model calls excluded) in < 2 s,
#                warm (JMH: EvalGradeBenchmark, EvalGradeColdBenchmark in bench/jmh); baseline: the
#                same assertions as plain {{var}} filling + String.contains
#   throughput - against a zero-latency fake Ollama, the runner's throughput >= 0.8x a plain HTTP loop
#                making the same requests at the same concurrency (bench/evals/EvalThroughputBench)
#   recording  - issue 13: the runner with every model call recorded (the recording gateway, the recorder's
#                queue and writer, into the same SQLite file) keeps >= 0.98x the throughput of the same runner
#                without recording, until every record is written (bench/evals/RecordingOverheadBench)
#
#   bench/evals.sh                     # all three, grade first (about 5 minutes on 2 cores)
#   bench/evals.sh throughput          # one of them
#   BENCH_JAVA_OPTS="-Devals.rounds=15 -Devals.items=4000" bench/evals.sh throughput
#
# Needs a JDK 21+ as JAVA_HOME or on PATH. Exit status: 0 when every budget checked holds, 1 when one
# is missed, 3 when the build or a run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
# The bench profile builds into target/bench-build (see pom.xml), away from other builds in target/.
BUILD=target/bench-build
CLASSES="$BUILD/evals-classes"
OUT=target/bench
mkdir -p "$OUT"

BENCHES=("$@")
[ ${#BENCHES[@]} -gt 0 ] || BENCHES=(grade throughput recording)
for b in "${BENCHES[@]}"; do
    case "$b" in
        grade | throughput | recording) ;;
        *) echo "unknown benchmark '$b' (grade, throughput, recording)" >&2; exit 2 ;;
    esac
done

echo "== building main and test classes with the bench profile"
./mvnw -q -B -Pbench -DskipTests test-compile || exit 3

echo "== resolving the test class path"
./mvnw -q -B -Pbench dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/evals.classpath" || exit 3
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$OUT/evals.classpath")"

if [ ! -f "$BUILD/test-classes/META-INF/BenchmarkList" ]; then
    echo "no $BUILD/test-classes/META-INF/BenchmarkList: JMH's annotation processor did not run" >&2
    exit 3
fi

echo "== compiling bench/evals"
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JAVAC" --release 21 -Xlint:all -Werror -d "$CLASSES" -cp "$CP" bench/evals/*.java || exit 3

FAILED=0
MISSED=0
ROWS=()

# keep_rows <file>: appends the SUMMARY| rows of a file to ROWS
keep_rows() {
    while IFS= read -r row; do ROWS+=("$row"); done < <(grep '^SUMMARY|' "$1" || true)
}

# grade: the JMH benchmarks of the grading budget, then their rows from BenchSummary
grade() {
    local log="$OUT/evals-grade.log" result="$OUT/evals-jmh-result.json" rc=0
    echo
    echo "== grade: JMH EvalGradeBenchmark, EvalGradeColdBenchmark ($("$JAVA" -version 2>&1 | head -1))"
    rm -f "$result"
    "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main \
        -foe true -rf json -rff "$result" '\.EvalGrade(Cold)?Benchmark\.' > "$log" 2> "$log.err" || rc=$?
    # the generated cases (from setup) and JMH's own result table
    grep -E 'deterministic assertions|^Benchmark +Mode|^EvalGrade' "$log" | sed 's/^/  /' || true
    if [ "$rc" -ne 0 ] || [ ! -s "$result" ]; then
        FAILED=1
        echo "  grade FAILED (JMH exit status $rc); the end of its output ($log, $log.err):" >&2
        tail -30 "$log" | sed 's/^/    /' >&2
        tail -10 "$log.err" | sed 's/^/    /' >&2
        ROWS+=("SUMMARY|d. grade 10,000 eval cases: the run failed (exit status $rc)||||FAILED")
        return
    fi
    rc=0
    "$JAVA" -cp "$CP" dev.aiworkbench.bench.BenchSummary --rows "$result" > "$log.summary" || rc=$?
    case $rc in
        0) ;;
        1) MISSED=1 ;;
        *) FAILED=1; ROWS+=("SUMMARY|d. grade: cannot read $result||||FAILED") ;;
    esac
    keep_rows "$log.summary"
}

# throughput: the runner against a plain HTTP loop, a harness in a JVM of its own
throughput() {
    local log="$OUT/evals-throughput.log" rc=0
    echo
    echo "== throughput: dev.aiworkbench.bench.evals.EvalThroughputBench ($("$JAVA" -version 2>&1 | head -1))"
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several words on purpose
    "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$CLASSES:$CP" \
        dev.aiworkbench.bench.evals.EvalThroughputBench > "$log" 2> "$log.err" || rc=$?
    grep -v '^SUMMARY|' "$log" | sed 's/^/  /' || true
    case $rc in
        0) ;;
        1) MISSED=1 ;;
        *)
            FAILED=1
            echo "  throughput FAILED (exit status $rc); its stderr ($log.err):" >&2
            tail -30 "$log.err" | sed 's/^/    /' >&2
            ;;
    esac
    keep_rows "$log"
}

# recording: the runner with and without every call recorded, a harness in a JVM of its own
recording() {
    local log="$OUT/evals-recording.log" rc=0
    echo
    echo "== recording: dev.aiworkbench.bench.evals.RecordingOverheadBench ($("$JAVA" -version 2>&1 | head -1))"
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several words on purpose
    "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$CLASSES:$CP" \
        dev.aiworkbench.bench.evals.RecordingOverheadBench > "$log" 2> "$log.err" || rc=$?
    grep -v '^SUMMARY|' "$log" | sed 's/^/  /' || true
    case $rc in
        0) ;;
        1) MISSED=1 ;;
        *)
            FAILED=1
            echo "  recording FAILED (exit status $rc); its stderr ($log.err):" >&2
            tail -30 "$log.err" | sed 's/^/    /' >&2
            ;;
    esac
    keep_rows "$log"
}

for b in "${BENCHES[@]}"; do
    "$b"
done

echo
echo "== summary (baselines measured in this run; \"info\" rows are not budgets)"
printf '%s\n' "${ROWS[@]}" | awk -F'|' '
    { n++; for (i = 2; i <= 6; i++) { cell[n, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
    END {
        h[2] = "budget / measure"; h[3] = "measured"; h[4] = "baseline (same run)"; h[5] = "budget"; h[6] = "verdict"
        for (i = 2; i <= 6; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
        fmt = "%-" w[2] "s | %-" w[3] "s | %-" w[4] "s | %-" w[5] "s | %s\n"
        printf fmt, h[2], h[3], h[4], h[5], h[6]
        line = ""; for (i = 2; i <= 6; i++) { s = ""; for (j = 0; j < w[i] + 2; j++) s = s "-"; line = line s (i < 6 ? "+" : "") }
        print substr(line, 2)
        for (r = 1; r <= n; r++) printf fmt, cell[r, 2], cell[r, 3], cell[r, 4], cell[r, 5], cell[r, 6]
    }'
echo "each run's output: $OUT/evals-grade.log, $OUT/evals-throughput.log, $OUT/evals-recording.log (stderr: .log.err)"

if [ "$FAILED" -ne 0 ]; then
    exit 3
fi
exit "$MISSED"
