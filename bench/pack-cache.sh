#!/usr/bin/env bash
# The parsed-pack cache (curriculum.PackCache, issue 15): InstalledPack.load of the built-in pack, cold in fresh
# JVMs, as the app's start does it, with the schema pass only ("parsed": YAML, Markdown and every rule) and with the
# pack read from <data>/cache/packs/ ("cached"), in turn, as a ratio of medians.
#
#   bench/pack-cache.sh              # 10 rounds of one run each, the order alternating
#   ROUNDS=20 bench/pack-cache.sh
#   JAR=/tmp/before/workbench.jar bench/pack-cache.sh   # another build (its lib/ beside it)
#
# Each run is java -cp <jar>:<lib>/*:<probe> PackCacheProbe parsed|cached <cache folder> (bench/packcache/), which
# prints the load's wall time, process CPU time and classes loaded. Both read the same cache folder, filled by one
# run first. Needs a JDK 21+ as JAVA_HOME or on PATH. Information only, no budget: exit 0 when every run worked,
# 3 when the build or a run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
ROUNDS=${ROUNDS:-10}
JAR=${JAR:-target/workbench.jar}
LIB="$(dirname "$JAR")/lib"
CLASSES=target/bench-build/packcache-classes

if [ ! -f "$JAR" ] || [ ! -d "$LIB" ]; then
    echo "== packaging target/workbench.jar"
    ./mvnw -q -B -o package -DskipTests || exit 3
fi
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JAVAC" --release 21 -Xlint:all -Werror -d "$CLASSES" -cp "$JAR:$LIB/*" bench/packcache/PackCacheProbe.java || exit 3
CP="$JAR:$LIB/*:$CLASSES"

CACHE=$(mktemp -d "${TMPDIR:-/tmp}/workbench-pack-cache-XXXXXX")
trap 'rm -rf "$CACHE"' EXIT

run() {  # run parsed|cached: prints "load_ms cpu_ms classes"
    local out
    out=$("$JAVA" -cp "$CP" dev.aiworkbench.bench.packcache.PackCacheProbe "$1" "$CACHE") || { echo "run '$1' failed" >&2; exit 3; }
    sed -E 's/^load_ms=([0-9]+) cpu_ms=([0-9]+) classes=([0-9]+)$/\1 \2 \3/' <<<"$out"
}

median() {  # median of the numbers on standard input
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "== $("$JAVA" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
run cached > /dev/null  # fills the cache folder: the schema pass and the kept pack
[ -n "$(ls "$CACHE/packs")" ] || { echo "the first run kept no pack in $CACHE/packs" >&2; exit 3; }
: > "$CACHE/parsed.txt"
: > "$CACHE/cached.txt"
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then order="parsed cached"; else order="cached parsed"; fi
    for mode in $order; do
        run "$mode" >> "$CACHE/$mode.txt"
    done
done

printf '%-8s %10s %10s %10s\n' "" "load ms" "CPU ms" "classes"
for mode in parsed cached; do
    printf '%-8s %10s %10s %10s\n' "$mode" "$(cut -d' ' -f1 "$CACHE/$mode.txt" | median)" \
        "$(cut -d' ' -f2 "$CACHE/$mode.txt" | median)" "$(cut -d' ' -f3 "$CACHE/$mode.txt" | median)"
done
awk -v p="$(cut -d' ' -f1 "$CACHE/parsed.txt" | median)" -v c="$(cut -d' ' -f1 "$CACHE/cached.txt" | median)" \
    -v pc="$(cut -d' ' -f2 "$CACHE/parsed.txt" | median)" -v cc="$(cut -d' ' -f2 "$CACHE/cached.txt" | median)" \
    'BEGIN { printf "cached / parsed: load %.2fx, CPU %.2fx (medians of '"$ROUNDS"' runs each)\n", c / p, cc / pc }'
echo "== done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
