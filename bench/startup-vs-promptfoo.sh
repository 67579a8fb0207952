#!/usr/bin/env bash
# Issue 15's command-line start-up budgets, measured side by side in one run:
#   eval10   - a 10-case `eval run` takes at most half of promptfoo 0.118.0's wall time on the same suite (<= 0.5x)
#   eval600  - a 600-case `eval run` has at least 3x promptfoo's throughput (wall time ratio <= 0.333x)
#   --version, `progress show` and the 10-case `eval run`, each as a ratio to a bare JVM printing "hello" started
#   the same way (java -XX:AOTCache=<its own cache> -jar <its jar>); printed, no budget.
# Both tools talk to one fake Ollama (the test fake as a process: answers at once, TCP_NODELAY) at concurrency 4,
# store their results (the workbench in its SQLite file, promptfoo in its own), with promptfoo's cache off.
#
#   bench/startup-vs-promptfoo.sh                 # 5 runs of each small command, 3 of each 600-case run
#   RUNS=9 RUNS_LARGE=5 bench/startup-vs-promptfoo.sh
#   JAR=/tmp/before/workbench.jar bench/startup-vs-promptfoo.sh   # another build (its lib/ beside it)
#   NO_AOT=1 bench/startup-vs-promptfoo.sh        # java -jar without an AOT cache
#   LAUNCHER=target/dist/workbench/bin/workbench-cli bench/startup-vs-promptfoo.sh   # the packaged command line
#
# The workbench runs as `java -XX:AOTCache=target/bench/workbench.aot -jar target/workbench.jar`: JDK 25's AOT cache
# (JEP 483/514/515: classes loaded and linked, method profiles) made here by a training run of the 10-case eval.
# The packaged image ships a cache of its own; bench/README.md says how to make one for java -jar.
# promptfoo 0.118.0 is installed into bench/.promptfoo (gitignored) when missing; later versions need a newer Node.
# Needs a JDK 25 (for the AOT cache) as JAVA_HOME or on PATH, and node + npm (apt-get install nodejs npm).
# Exit status: 0 when both budgets hold, 1 when one is missed, 3 when the build or a run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
JARTOOL="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
RUNS=${RUNS:-5}
RUNS_LARGE=${RUNS_LARGE:-3}
JAR=${JAR:-$ROOT/target/workbench.jar}
MODEL=qwen2.5:0.5b
OUT="$ROOT/target/bench"
LOG="$OUT/startup-vs-promptfoo.log"
PROMPTFOO_DIR="$ROOT/bench/.promptfoo"
PROMPTFOO="$PROMPTFOO_DIR/node_modules/.bin/promptfoo"
mkdir -p "$OUT"
: > "$LOG"

fail() { echo "$*" >&2; exit 3; }

# --- promptfoo, pinned ---------------------------------------------------------------------------------------------
. "$ROOT/bench/promptfoo-install.sh"

# --- the workbench, the fake and the baseline --------------------------------------------------------------------
if [ "$JAR" = "$ROOT/target/workbench.jar" ] && { [ "${1:-}" = "--rebuild" ] || [ ! -f "$JAR" ]; }; then
    echo "== packaging target/workbench.jar"
    ./mvnw -q -B -o package -DskipTests || fail "the build failed"
fi
[ -f "$JAR" ] || fail "no $JAR"
[ -d target/test-classes/dev/aiworkbench/testing ] || { ./mvnw -q -B -o test-compile || fail "the build failed"; }

echo "== compiling bench/startup"
CLASSES="$OUT/startup-vs-promptfoo-classes"
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
"$JAVAC" --release 21 -d "$CLASSES" -cp "target/workbench.jar:target/lib/*:target/test-classes" \
    bench/startup/FakeOllamaServer.java bench/startup/Hello.java || fail "bench/startup did not compile"
HELLO_JAR="$OUT/hello.jar"
"$JARTOOL" --create --file "$HELLO_JAR" --main-class dev.aiworkbench.bench.startup.Hello \
    -C "$CLASSES" dev/aiworkbench/bench/startup/Hello.class

WORK=$(mktemp -d "${TMPDIR:-/tmp}/workbench-vs-promptfoo-XXXXXX")
FAKE_PID=
cleanup() {
    [ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" -cp "target/workbench.jar:target/lib/*:target/test-classes:$CLASSES" \
    dev.aiworkbench.bench.startup.FakeOllamaServer "$MODEL" > "$WORK/fake.out" 2>> "$LOG" &
FAKE_PID=$!
for _ in $(seq 1 100); do
    grep -q '^port=' "$WORK/fake.out" 2>/dev/null && break
    sleep 0.1
done
PORT=$(sed -n 's/^port=//p' "$WORK/fake.out")
[ -n "$PORT" ] || fail "the fake Ollama did not start; see $LOG"
URL="http://127.0.0.1:$PORT"

# suite <dir> <cases>: the same promptfoo-format suite for both tools
suite() {
    local dir=$1 n=$2 i
    mkdir -p "$dir"
    {
        echo "incident,n"
        for ((i = 1; i <= n; i++)); do
            echo "\"orders-api returns HTTP 503 for $((i % 97 + 1))% of checkout requests\",$i"
        done
    } > "$dir/cases.csv"
    cat > "$dir/promptfooconfig.yaml" <<EOF
description: Start-up bench, $n incidents
prompts:
  - "Classify this incident as P1-P4 and answer with JSON with a severity and a reason: {{incident}} (ref #{{n}})"
providers:
  - id: ollama:chat:$MODEL
    config:
      temperature: 0
defaultTest:
  assert:
    - type: is-json
    - type: contains
      value: severity
    - type: icontains
      value: checkout
tests: file://cases.csv
evaluateOptions:
  maxConcurrency: 4
EOF
}
suite "$WORK/s10" 10
suite "$WORK/s600" 600

# Every JVM here starts with the packaged launcher's options (packaging/launcher.jpackage, less its cache):
# the budget is the packaged `eval run`'s, and hello is started the same way.
mapfile -t LAUNCHER_FLAGS < <(packaging/launcher-flags.sh)
AOT_FLAGS=()
HELLO_AOT_FLAGS=()
DATA="$WORK/data"
wb() {  # wb <args...>: the workbench as a CI job starts it
    if [ -n "${LAUNCHER:-}" ]; then
        "$LAUNCHER" "$@" --data-dir "$DATA"
    else
        "$JAVA" "${LAUNCHER_FLAGS[@]}" "${AOT_FLAGS[@]}" -jar "$JAR" "$@" --data-dir "$DATA"
    fi
}
wb_eval() { wb eval run "$1/promptfooconfig.yaml" --concurrency 4 --ollama-url "$URL"; }
hello() { "$JAVA" "${LAUNCHER_FLAGS[@]}" "${HELLO_AOT_FLAGS[@]}" -jar "$HELLO_JAR"; }
pf_eval() {
    (cd "$1" && OLLAMA_BASE_URL="$URL" PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 \
        PROMPTFOO_CONFIG_DIR="$WORK/promptfoo-config" "$PROMPTFOO" eval -c promptfooconfig.yaml --no-cache -j 4 \
        --no-progress-bar --no-table)
}

# The data folder as a CI job leaves it: created, migrated, one run stored.
wb --version > /dev/null 2>> "$LOG" || fail "the workbench did not start; see $LOG"
wb_eval "$WORK/s10" >> "$LOG" 2>&1 || fail "the workbench's first eval run failed; see $LOG"
pf_eval "$WORK/s10" >> "$LOG" 2>&1 || fail "promptfoo's first eval run failed; see $LOG"

if [ -z "${NO_AOT:-}" ]; then
    echo "== training the AOT caches (JDK 25, -XX:AOTCacheOutput): the 10-case eval run, and hello"
    rm -f "$OUT/workbench.aot" "$OUT/hello.aot"
    # A packaged launcher brings the cache made at package time.
    [ -n "${LAUNCHER:-}" ] || "$JAVA" "${LAUNCHER_FLAGS[@]}" -XX:AOTCacheOutput="$OUT/workbench.aot" -jar "$JAR" \
        eval run "$WORK/s10/promptfooconfig.yaml" --concurrency 4 --ollama-url "$URL" --data-dir "$DATA" \
        >> "$LOG" 2>&1 || fail "the AOT training run failed; see $LOG"
    "$JAVA" "${LAUNCHER_FLAGS[@]}" -XX:AOTCacheOutput="$OUT/hello.aot" -jar "$HELLO_JAR" \
        >> "$LOG" 2>&1 || fail "the hello training run failed; see $LOG"
    AOT_FLAGS=(-XX:AOTCache="$OUT/workbench.aot")
    HELLO_AOT_FLAGS=(-XX:AOTCache="$OUT/hello.aot")
fi

# ms <command...>: wall milliseconds of one run; its output goes to the log, a failure ends the script
ms() {
    local start end
    echo "--- $*" >> "$LOG"
    start=$(date +%s%N)
    "$@" >> "$LOG" 2>&1 || fail "'$*' failed; its output is in $LOG"
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}

median() {
    sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'
}

# measure <runs> <name>...: runs the named commands in turn, rotating which goes first, and sets M_<name>
measure() {
    local runs=$1; shift
    local names=("$@") i k n=${#names[@]}
    declare -gA SAMPLES=()
    for ((i = 0; i < runs; i++)); do
        local line="  run $((i + 1)):"
        for ((k = 0; k < n; k++)); do
            local name=${names[$(((i + k) % n))]} t
            t=$(ms "$name")
            SAMPLES[$name]+="$t "
            line+=" $name=${t}ms"
        done
        echo "$line"
    done
    for name in "${names[@]}"; do
        # shellcheck disable=SC2086
        printf -v "M_$name" '%s' "$(printf '%s\n' ${SAMPLES[$name]} | median)"
    done
}

hello_run() { hello; }
version_run() { wb --version; }
progress_run() { wb progress show; }
wb10() { wb_eval "$WORK/s10"; }
pf10() { pf_eval "$WORK/s10"; }
wb600() { wb_eval "$WORK/s600"; }
pf600() { pf_eval "$WORK/s600"; }

echo "== $("$JAVA" -version 2>&1 | head -1); node $(node --version); promptfoo $("$PROMPTFOO" --version)"
echo "== ${LAUNCHER:-$JAR ${AOT_FLAGS[*]:-(no AOT cache)}}; fake Ollama on $URL; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== small commands, $RUNS runs each (wall ms)"
measure "$RUNS" hello_run version_run progress_run wb10 pf10
echo "== 600-case suite, $RUNS_LARGE runs each (wall ms)"
measure "$RUNS_LARGE" wb600 pf600

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() {  # verdict <ratio> <limit>
    if awk -v r="$1" -v l="$2" 'BEGIN {exit !(r <= l)}'; then echo PASS; else echo MISS; fi
}
R10=$(ratio "$M_wb10" "$M_pf10")
R600=$(ratio "$M_wb600" "$M_pf600")
THROUGHPUT=$(ratio "$M_pf600" "$M_wb600")
V10=$(verdict "$R10" 0.5)
V600=$(verdict "$R600" 0.3334)
FAILED=0
[ "$V10$V600" = PASSPASS ] || FAILED=1
echo
echo "== summary (medians; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s | %9s | %9s | %-7s | %s\n' measure workbench baseline ratio "budget"
echo "---------------------------------------------+-----------+-----------+---------+-----------------"
printf '%-44s | %7sms | %7sms | %6sx | <= 0.5x: %s\n' "10-case eval run / promptfoo 0.118.0" \
    "$M_wb10" "$M_pf10" "$R10" "$V10"
printf '%-44s | %7sms | %7sms | %6sx | >= 3x throughput: %s (%sx)\n' "600-case eval run / promptfoo 0.118.0" \
    "$M_wb600" "$M_pf600" "$R600" "$V600" "$THROUGHPUT"
for row in "--version:version_run" "progress show:progress_run" "10-case eval run:wb10"; do
    label=${row%%:*} var=M_${row#*:}
    printf '%-44s | %7sms | %7sms | %6sx | info\n' "$label / java -jar hello.jar" "${!var}" "$M_hello_run" \
        "$(ratio "${!var}" "$M_hello_run")"
done
echo "every run's output: $LOG"
exit "$FAILED"
