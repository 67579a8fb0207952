#!/usr/bin/env bash
# Issue 17's equivalence check: promptfoo 0.118.0 and the workbench run the same configs against one local fake model
# server, and every case's verdict and score, and each prompt x provider cell's pass rate, must be equal.
#
#   bench/promptfoo-compare.sh                    # every config under bench/promptfoo-compare/configs
#   bench/promptfoo-compare.sh matrix filters     # only these (names without .yaml)
#   bench/promptfoo-compare.sh --rebuild          # compile the workbench first even when target/classes exists
#
# The server (bench/promptfoo-compare/fake_server.py) speaks Ollama's, OpenAI's and Anthropic's APIs and answers each request from
# its model and prompt alone ("<model> says yes|no: <prompt>"), so both tools see the same outputs. promptfoo runs
# with its cache off and its database in a temporary folder (its -o output lists no case when it writes none); the workbench keeps its runs in a data folder of its own.
# promptfoo 0.118.0 is installed into bench/.promptfoo (gitignored) when missing, as bench/startup-vs-promptfoo.sh does.
# Needs python3 (with PyYAML to match labelled providers), node + npm (apt-get install nodejs npm) and a JDK 21 or newer as JAVA_HOME or on PATH.
# Exit status: 0 when nothing differs, 1 when something does, 3 when the build, the server or a tool failed to run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
HERE="$ROOT/bench/promptfoo-compare"
OUT="$ROOT/target/bench/promptfoo-compare"
LOG="$OUT/log.txt"
PROMPTFOO_DIR="$ROOT/bench/.promptfoo"
PROMPTFOO="$PROMPTFOO_DIR/node_modules/.bin/promptfoo"
REBUILD=0
NAMES=()
for arg in "$@"; do
    if [ "$arg" = "--rebuild" ]; then REBUILD=1; else NAMES+=("$arg"); fi
done
mkdir -p "$OUT"
: > "$LOG"

fail() { echo "$*" >&2; exit 3; }

# --- promptfoo, pinned ---------------------------------------------------------------------------------------------
. "$ROOT/bench/promptfoo-install.sh"

# --- the workbench, on its classes and dependencies ----------------------------------------------------------------
CLASSPATH_FILE="$OUT/classpath.txt"
if [ "$REBUILD" = 1 ] || [ ! -d target/classes/dev/aiworkbench ] || [ ! -s "$CLASSPATH_FILE" ]; then
    echo "== compiling the workbench"
    ./mvnw -q -B -o --no-transfer-progress compile dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" \
        >> "$LOG" 2>&1 || fail "the build failed; see $LOG"
fi
WORKBENCH_CP="$ROOT/target/classes:$(cat "$CLASSPATH_FILE")"

# --- the server ----------------------------------------------------------------------------------------------------
# Two of the models promptfoo 0.118 knows by name, so anthropic:<model> (without :messages:) reads as it does there.
ANTHROPIC_MODELS=claude-3-5-haiku-20241022,claude-3-haiku-20240307
WORK=$(mktemp -d "${TMPDIR:-/tmp}/promptfoo-compare-XXXXXX")
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
python3 "$HERE/fake_server.py" alpha,beta,$ANTHROPIC_MODELS > "$WORK/server.out" 2>> "$LOG" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    grep -q '^port=' "$WORK/server.out" 2>/dev/null && break
    sleep 0.1
done
PORT=$(sed -n 's/^port=//p' "$WORK/server.out")
[ -n "$PORT" ] || fail "the fake server did not start; see $LOG"
URL="http://127.0.0.1:$PORT"
echo "== fake model server at $URL"

# --- each config ---------------------------------------------------------------------------------------------------
if [ ${#NAMES[@]} -eq 0 ]; then
    for file in "$HERE"/configs/*.yaml; do NAMES+=("$(basename "$file" .yaml)"); done
fi
DIFFERENT=0
for name in "${NAMES[@]}"; do
    [ -f "$HERE/configs/$name.yaml" ] || fail "no config bench/promptfoo-compare/configs/$name.yaml"
    dir="$WORK/$name"
    mkdir -p "$dir"
    cp -r "$HERE/configs/prompts" "$dir/"
    sed "s/__PORT__/$PORT/g" "$HERE/configs/$name.yaml" > "$dir/promptfooconfig.yaml"
    echo "== $name"
    (cd "$dir" && env PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 PROMPTFOO_CACHE_ENABLED=false \
        PROMPTFOO_CONFIG_DIR="$dir/promptfoo-home" OLLAMA_BASE_URL="$URL" OPENAI_API_KEY=sk-fake \
        ANTHROPIC_API_KEY=sk-ant-fake ANTHROPIC_BASE_URL="$URL" \
        "$PROMPTFOO" eval -c promptfooconfig.yaml -o "$dir/promptfoo.json" --no-cache --no-progress-bar \
        --no-table) >> "$LOG" 2>&1 || true
    if [ ! -s "$dir/promptfoo.json" ]; then
        echo "  promptfoo wrote no results; see $LOG"
        DIFFERENT=1
        continue
    fi
    set +e
    (cd "$dir" && env OPENAI_API_KEY=sk-fake OPENAI_BASE_URL="$URL/v1" ANTHROPIC_API_KEY=sk-ant-fake \
        ANTHROPIC_BASE_URL="$URL" WORKBENCH_HOME="$dir/workbench-home" \
        "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$WORKBENCH_CP" dev.aiworkbench.Main eval run promptfooconfig.yaml \
        --ollama-url "$URL" -o "$dir/workbench.json") > "$dir/workbench.out" 2> "$dir/workbench.err"
    status=$?
    set -e
    cat "$dir/workbench.out" "$dir/workbench.err" >> "$LOG"
    if [ "$status" -ge 2 ] || [ ! -s "$dir/workbench.json" ]; then
        echo "  the workbench ran nothing (exit $status):"
        sed 's/^/    /' "$dir/workbench.err" | head -20
        DIFFERENT=1
        continue
    fi
    python3 "$HERE/compare.py" "$dir/promptfoo.json" "$dir/workbench.json" "$dir/promptfooconfig.yaml" || DIFFERENT=1
done
if [ "$DIFFERENT" = 0 ]; then
    echo "== no difference: promptfoo 0.118.0 and the workbench agree on every verdict, score and pass rate"
else
    echo "== differences found (details above; the tools' output is in $LOG)"
fi
exit "$DIFFERENT"
