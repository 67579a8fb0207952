#!/usr/bin/env bash
# Start-up budgets: start to first interactive window <= 1.3x a bare JavaFX + AtlantaFX window started
# the same way, and start to the Today screen filled with the learner's data <= 1.5x that bare window
# (issue 15), measured in one run. Runs under Xvfb (it starts one itself).
#
#   bench/startup.sh                 # 2 warm-up pairs + 10 measured pairs per series
#   PAIRS=20 WARMUP=3 bench/startup.sh
#   bench/startup.sh --rebuild       # repackage target/workbench.jar first
#   JAR=/tmp/before/workbench.jar bench/startup.sh   # another build (its lib/ beside it), e.g. before a change
#   NO_AOT=1 bench/startup.sh        # both sides without an AOT cache (the series before round 3)
#
# The app runs as it ships: with an AOT cache trained as packaging/package.sh trains the image's
# (packaging/aot/AotTraining --gui-only: a GUI start until Today shows, against
# packaging/smoke/fake_ollama.py) on the measured runs' class path. The bare window gets a cache of its
# own, trained the same way (BareWindowTraining: shown, half a second, exit). Both are made at the start
# of every invocation (the cache belongs to the jars' times and the JDK build) and used with
# -XX:AOTMode=on, so a cache that does not map fails the run instead of measuring without it.
#
# Each run is a fresh JVM: java <same flags> -cp target/workbench.jar:target/lib/*:target/bench/startup-bench.jar
# StartupProbe <main> ..., where the probe prints the JVM uptime when the first window has had its
# first pulse (window) and, for the app, when the Today screen is in the scene (ready).
# Two series, each alternating app and bare runs:
#   first start   - the app gets a fresh, empty data folder every run (creates the database)
#   typical start - the app gets a copy of a data folder that was used before (database, plan, progress)
# Needs a JDK 21+ as JAVA_HOME or on PATH. Exit status: 0 when window_app/window_bare <= 1.3 and
# ready_app/window_bare <= 1.5 in both series, 1 when not, anything else when a run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [ -z "${BENCH_UNDER_XVFB:-}" ]; then
    command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (apt-get install xvfb)" >&2; exit 2; }
    exec env BENCH_UNDER_XVFB=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
PAIRS=${PAIRS:-10}
WARMUP=${WARMUP:-2}
BUDGET=1.3
BUDGET_READY=1.5
JAR=${JAR:-target/workbench.jar}
LIB="$(dirname "$JAR")/lib"
# The same flags for the app and the baseline.
# Both sides start with the packaged launcher's options (packaging/launcher.jpackage, less its cache).
mapfile -t JVM_FLAGS < <(packaging/launcher-flags.sh)

if [ "${1:-}" = "--rebuild" ] || [ ! -f target/workbench.jar ] || [ ! -d target/lib ]; then
    echo "== packaging target/workbench.jar"
    ./mvnw -q -B -o package -DskipTests
fi

echo "== compiling bench/startup"
rm -rf target/bench-classes
mkdir -p target/bench-classes target/bench
"$JAVAC" --release 21 -d target/bench-classes -cp "target/workbench.jar:target/lib/*" bench/startup/StartupProbe.java \
    bench/startup/BareWindow.java bench/startup/BareWindowLauncher.java bench/startup/BareWindowTraining.java \
    packaging/aot/AotTraining.java
# A jar, not the class folder: an AOT cache is refused for a class path with a folder on it.
BENCH_JAR=target/bench/startup-bench.jar
rm -f "$BENCH_JAR"
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$BENCH_JAR" -C target/bench-classes .
CP="$JAR:$LIB/*:$BENCH_JAR"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/workbench-startup-XXXXXX")
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$WORK"' EXIT
LOG="$ROOT/target/bench/startup-runs.log"
mkdir -p "$(dirname "$LOG")"
: > "$LOG"

APP_FLAGS=()
BARE_FLAGS=()
MODE="no AOT cache"
if [ "${NO_AOT:-}" != 1 ]; then
    MODE="AOT caches"
    echo "== training the AOT caches (app: packaging/aot/AotTraining; bare window: BareWindowTraining)"
    python3 packaging/smoke/fake_ollama.py 0 > "$WORK/port" &
    server_pid=$!
    for _ in $(seq 1 50); do [ -s "$WORK/port" ] && break; sleep 0.2; done
    # Each cache is kept once a JVM has started with it (packaging/aot/checked-training.sh says why).
    . packaging/aot/checked-training.sh
    train_app() {
        rm -rf "$WORK/training-data"
        "$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" "${JVM_FLAGS[@]}" -cp "$CP" AotTraining "$WORK/training-data" \
            "http://127.0.0.1:$(head -n 1 "$WORK/port")" "$ROOT/packaging/smoke/suite/promptfooconfig.yaml" --gui-only
    }
    train_bare() {
        "$JAVA" -XX:AOTCacheOutput="$WORK/bare.aot" "${JVM_FLAGS[@]}" -cp "$CP" \
            dev.aiworkbench.bench.startup.BareWindowTraining
    }
    if ! train_checked train_app "$JAVA" "$WORK/app.aot" "$CP" "${JVM_FLAGS[@]}" >> "$LOG" 2>&1 \
        || ! train_checked train_bare "$JAVA" "$WORK/bare.aot" "$CP" "${JVM_FLAGS[@]}" >> "$LOG" 2>&1; then
        echo "training an AOT cache failed; the output is in $LOG" >&2
        exit 3
    fi
    kill "$server_pid" 2>/dev/null || true
    server_pid=""
    APP_FLAGS=(-XX:AOTCache="$WORK/app.aot" -XX:AOTMode=on)
    BARE_FLAGS=(-XX:AOTCache="$WORK/bare.aot" -XX:AOTMode=on)
fi

# probe <label> <flags name> <main class> [args...]: prints "window ready" in ms of JVM uptime
probe() {
    local label=$1 flags_name=$2; shift 2
    local -n side_flags=$flags_name
    local out
    echo "--- $label: $*" >> "$LOG"
    if ! out=$("$JAVA" "${JVM_FLAGS[@]}" ${side_flags[@]+"${side_flags[@]}"} -cp "$CP" dev.aiworkbench.bench.startup.StartupProbe "$@" 2>>"$LOG"); then
        echo "run '$label' failed; its output is in $LOG:" >&2
        tail -20 "$LOG" >&2
        exit 3
    fi
    echo "$out" >> "$LOG"
    local line
    line=$(grep -E '^window=[0-9]+ ready=[0-9]+$' <<<"$out" | tail -1)
    [ -n "$line" ] || { echo "run '$label' printed no measurement: $out" >&2; exit 3; }
    sed -E 's/^window=([0-9]+) ready=([0-9]+)$/\1 \2/' <<<"$line"
}

app() {  # app <data dir>
    probe app APP_FLAGS --ready '#today' --fail '#startup-problem' dev.aiworkbench.Main --data-dir "$1"
}

bare() {
    probe bare BARE_FLAGS dev.aiworkbench.bench.startup.BareWindowLauncher
}

median() {
    sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'
}

# A data folder as a learner leaves it: the app has opened it once (database, default plan), and
# the command line marked a task done and closed the database cleanly.
TEMPLATE="$WORK/used-data-dir"
app "$TEMPLATE" > /dev/null
"$JAVA" "${JVM_FLAGS[@]}" ${APP_FLAGS[@]+"${APP_FLAGS[@]}"} -cp "$CP" dev.aiworkbench.Main \
    progress mark w01-project-setup done --data-dir "$TEMPLATE" >> "$LOG" 2>&1

FAILED=0
SUMMARY=()

# series <name> <fresh|used>
series() {
    local name=$1 mode=$2
    local app_window=() app_ready=() bare_window=()
    echo
    echo "== series: $name ($WARMUP warm-up pairs, then $PAIRS measured pairs; ms of JVM uptime)"
    local total=$((WARMUP + PAIRS)) i n=0
    for ((i = 1; i <= total; i++)); do
        local dir="$WORK/data-$mode-$i"
        if [ "$mode" = used ]; then
            cp -a "$TEMPLATE" "$dir"
        fi
        local a b
        # Alternate which of the two goes first, so neither always runs on a warmer machine.
        if ((i % 2)); then
            a=$(app "$dir"); b=$(bare)
        else
            b=$(bare); a=$(app "$dir")
        fi
        rm -rf "$dir"
        read -r aw ar <<<"$a"
        read -r bw _ <<<"$b"
        if ((i <= WARMUP)); then
            printf '  warm-up %2d   app window=%5d ready=%5d   bare window=%5d\n' "$i" "$aw" "$ar" "$bw"
            continue
        fi
        n=$((n + 1))
        printf '  run     %2d   app window=%5d ready=%5d   bare window=%5d\n' "$n" "$aw" "$ar" "$bw"
        app_window+=("$aw"); app_ready+=("$ar"); bare_window+=("$bw")
    done
    local maw mar mbw rw rr verdict verdict_ready
    maw=$(printf '%s\n' "${app_window[@]}" | median)
    mar=$(printf '%s\n' "${app_ready[@]}" | median)
    mbw=$(printf '%s\n' "${bare_window[@]}" | median)
    rw=$(awk -v a="$maw" -v b="$mbw" 'BEGIN {printf "%.2f", a / b}')
    rr=$(awk -v a="$mar" -v b="$mbw" 'BEGIN {printf "%.2f", a / b}')
    if awk -v r="$rw" -v l="$BUDGET" 'BEGIN {exit !(r <= l)}'; then verdict=PASS; else verdict=MISS; FAILED=1; fi
    if awk -v r="$rr" -v l="$BUDGET_READY" 'BEGIN {exit !(r <= l)}'; then verdict_ready=PASS; else
        verdict_ready=MISS; FAILED=1; fi
    echo "  medians: app window=$maw ms, app ready=$mar ms, bare window=$mbw ms"
    echo "  window_app / window_bare = $rw  (budget <= $BUDGET: $verdict)"
    echo "  ready_app  / window_bare = $rr  (Today screen filled; budget <= $BUDGET_READY: $verdict_ready)"
    SUMMARY+=("$(printf '%-14s | %8s | %8s | %8s | %6s | %6s | %s / %s' "$name" "$maw" "$mar" "$mbw" "$rw" "$rr" \
        "$verdict" "$verdict_ready")")
}

echo "== $("$JAVA" -version 2>&1 | head -1); $JAR; flags: ${JVM_FLAGS[*]}; $MODE; display $DISPLAY (Xvfb)"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
series "first start" fresh
series "typical start" used

echo
echo "== summary (medians, ms of JVM uptime; $MODE)"
printf '%-14s | %8s | %8s | %8s | %6s | %6s | %s\n' series "app win" "app rdy" "bare win" "win x" "rdy x" \
    "win x <= $BUDGET / rdy x <= $BUDGET_READY"
echo "---------------+----------+----------+----------+--------+--------+------------------------"
printf '%s\n' "${SUMMARY[@]}"
echo "every run's output: $LOG"
exit "$FAILED"
