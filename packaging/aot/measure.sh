#!/usr/bin/env bash
# What the shipped AOT cache buys: `--version`, a 10-case `eval run` (against packaging/smoke/fake_ollama.py) and the
# same with a transform and javascript assertions (packaging/aot/suite, the training run's suite: `evaljs`),
# each started RUNS times through the image's launcher with the cache and through a copy of the image without it,
# alternating, in one invocation. Prints the medians of wall and CPU time (user + system, steadier on a loaded
# machine) and the ratio without/with. Run after ./mvnw -Ppackage package.
#   packaging/aot/measure.sh [RUNS]        (default 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
IMAGE=target/dist/workbench
[ -f "$IMAGE/lib/app/workbench.aot" ] || { echo "no $IMAGE/lib/app/workbench.aot; run ./mvnw -Ppackage package" >&2; exit 2; }
WORK=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid"; rm -rf "$WORK"' EXIT
cp -a "$IMAGE" "$WORK/without"
rm "$WORK/without/lib/app/workbench.aot"
python3 packaging/smoke/fake_ollama.py 0 > "$WORK/port" &
server_pid=$!
for _ in $(seq 1 50); do [ -s "$WORK/port" ] && break; sleep 0.2; done
url="http://127.0.0.1:$(head -n 1 "$WORK/port")"
suite="$(pwd)/packaging/smoke/suite/promptfooconfig.yaml"
jssuite="$(pwd)/packaging/aot/suite/promptfooconfig.yaml"

ms() {  # ms <command...>: "<wall ms> <cpu ms>" (cpu: user + system of the process and its children)
    local TIMEFORMAT='%R %U %S' times
    times=$( { time "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; exit 3; }; } 2>&1 )
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' <<<"$times"
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

for what in version eval evaljs; do
    : > "$WORK/with.$what"; : > "$WORK/without.$what"
    for i in $(seq 1 "$RUNS"); do
        for variant in with without; do
            launcher="$IMAGE/bin/workbench"
            [ "$variant" = without ] && launcher="$WORK/without/bin/workbench"
            if [ "$what" = version ]; then
                ms "$launcher" --version >> "$WORK/$variant.$what"
            else
                # A data folder per run that has been opened once, as on a learner's or CI machine after the first run.
                data="$WORK/data-$variant-$i"
                "$launcher" progress show --data-dir "$data" > /dev/null 2>&1
                what_suite=$suite; [ "$what" = evaljs ] && what_suite=$jssuite
                ms "$launcher" eval run --data-dir "$data" --ollama-url "$url" "$what_suite" >> "$WORK/$variant.$what"
            fi
        done
    done
    for column in 1 2; do
        kind=wall; [ "$column" = 2 ] && kind=cpu
        with=$(cut -d ' ' -f "$column" "$WORK/with.$what" | median)
        without=$(cut -d ' ' -f "$column" "$WORK/without.$what" | median)
        awk -v w="$with" -v wo="$without" -v what="$what" -v n="$RUNS" -v kind="$kind" 'BEGIN {printf \
            "%-7s %-4s median of %d: with the cache %d ms, without %d ms, without/with %.2fx\n", what, kind, n, w, wo, wo / w}'
    done
done
