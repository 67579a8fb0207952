#!/usr/bin/env bash
# Streaming budgets of the model gateway and the playground's output (issue 3, "Budgets"), each
# measured against a baseline run in the same invocation on the same machine:
#   ttft - time to first token added by gateway + coalescing over a plain JDK HttpClient: < 5 ms median
#   openai - time to first token added by the OpenAI-compatible gateway over a plain JDK HttpClient reading
#          the same Server-Sent Events from the fake OpenAI server: < 5 ms median (issue 14)
#   fx   - at 1,000 tokens/s: at most 60 FX updates in any second, no token lost (baseline: one
#          Platform.runLater per token)
#   heap - 10,000 streamed chats leave used heap after GC flat (baseline: heap before any chat)
#   anthropic - time to first token added by the anthropic gateway over a plain JDK HttpClient reading
#          the same Server-Sent Events from the fake Messages API: < 5 ms median (issue 14)
#   tools - at 1,000 tool-call fragments/s: at most 60 FX updates in any second, no fragment lost
#          (baseline: one Platform.runLater per fragment) (issue 14)
#
#   bench/streaming.sh                 # all four (about 6 minutes on 2 cores)
#   bench/streaming.sh ttft heap       # some of them
#   BENCH_JAVA_OPTS="-Dttft.rounds=500 -Dfxrate.tokens=10000" bench/streaming.sh
#
# Everything runs in one JVM per benchmark, on the test class path (the fake servers are test
# code), with JavaFX on Monocle's headless platform. Needs a JDK 21+ as JAVA_HOME or on PATH.
# Exit status: 0 when every budget checked holds, 1 when one is missed, anything else when the build
# or a run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
# The bench profile builds into target/bench-build (see pom.xml), away from other builds in target/.
BUILD=target/bench-build
CLASSES="$BUILD/streaming-classes"
OUT=target/bench
mkdir -p "$OUT"

BENCHES=("$@")
[ ${#BENCHES[@]} -gt 0 ] || BENCHES=(ttft openai anthropic fx tools heap)
for b in "${BENCHES[@]}"; do
    case "$b" in
        ttft | openai | anthropic | fx | tools | heap) ;;
        *) echo "unknown benchmark '$b' (ttft, openai, anthropic, fx, tools, heap)" >&2; exit 2 ;;
    esac
done

echo "== building main and test classes with the bench profile"
./mvnw -q -B -Pbench -DskipTests test-compile

echo "== resolving the test class path"
./mvnw -q -B -Pbench dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/streaming.classpath"
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$OUT/streaming.classpath")"

echo "== compiling bench/streaming"
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JAVAC" --release 21 -Xlint:all -Werror -d "$CLASSES" -cp "$CP" bench/streaming/*.java
CP="$CLASSES:$CP"

# The same flags for every run; Monocle headless with the software renderer, as the test suite uses.
JVM_FLAGS=(--enable-native-access=ALL-UNNAMED -Xmx1g
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k
    -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-})

FAILED=0
MISSED=0
ROWS=()

# run <name> <main class>: prints the harness's report, keeps its summary rows
run() {
    local name=$1 main=$2 log="$OUT/streaming-$1.log" rc=0
    echo
    echo "== $name: $main ($("$JAVA" -version 2>&1 | head -1))"
    "$JAVA" "${JVM_FLAGS[@]}" -cp "$CP" "$main" > "$log" 2> "$log.err" || rc=$?
    grep -v '^SUMMARY|' "$log" | sed 's/^/  /' || true
    case $rc in
        0) ;;
        1) MISSED=1 ;;
        *)
            FAILED=1
            echo "  $name FAILED (exit status $rc); its stderr ($log.err):" >&2
            tail -30 "$log.err" | sed 's/^/    /' >&2
            ROWS+=("SUMMARY|$name: the run failed (exit status $rc)||||FAILED")
            ;;
    esac
    while IFS= read -r row; do ROWS+=("$row"); done < <(grep '^SUMMARY|' "$log" || true)
}

for b in "${BENCHES[@]}"; do
    case "$b" in
        ttft) run ttft dev.aiworkbench.bench.streaming.TtftBench ;;
        openai) run openai dev.aiworkbench.bench.streaming.OpenAiTtftBench ;;
        fx) run fx dev.aiworkbench.bench.streaming.FxRateBench ;;
        tools) run tools dev.aiworkbench.bench.streaming.ToolCallRateBench ;;
        heap) run heap dev.aiworkbench.bench.streaming.HeapBench ;;
        anthropic) run anthropic dev.aiworkbench.bench.streaming.AnthropicTtftBench ;;
    esac
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
echo "each run's output: $OUT/streaming-<name>.log (stderr: .log.err)"

if [ "$FAILED" -ne 0 ]; then
    exit 3
fi
exit "$MISSED"
