#!/usr/bin/env bash
# Issue 17: what the first javascript assertion adds to a run, paired and interleaved (see
# bench/scripts/ScriptFirstUseInTurn.java): rounds of two fresh JVMs in turn, 20 cases graded with one
# javascript assertion and with one contains assertion; the budget is the median of the paired differences
# < 300 ms, timed from the first model answer's arrival (the sandbox starts building when the run starts).
#
# It runs twice: in plain JVMs, and in JVMs started with a JDK 25 AOT cache made by one training run that grades as
# every variant does (the same cache for both sides), as the packaged app starts with the cache its own training run
# made (packaging/aot). The verdict is the AOT run's, since that is how the product starts; the plain run is printed
# for `java -jar` without a cache.
#
#   bench/script-first-use.sh                 # 15 rounds, first answer after 0 ms and after 300 ms
#   bench/script-first-use.sh 21 0 150 300    # rounds, then answer times in ms (the last one gives the verdict)
#   NO_AOT=1 bench/script-first-use.sh        # the plain run only (its verdict then; a JDK 21-24 needs this)
#
# Needs a JDK 25 (21+ with NO_AOT=1) as JAVA_HOME or on PATH. Exit status: 0 when the budget holds, 1 when it is
# missed, 3 when the build or a run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
JARTOOL="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
BUILD=target/bench-build
CLASSES="$BUILD/scripts-classes"
OUT=target/bench
mkdir -p "$OUT"

echo "== building main classes with the bench profile"
./mvnw -q -B -Pbench -DskipTests compile || exit 3
./mvnw -q -B -Pbench dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/scripts.classpath" || exit 3

rm -rf "$CLASSES"
mkdir -p "$CLASSES"
"$JAVAC" --release 21 -Xlint:all -Werror -d "$CLASSES" -cp "$BUILD/classes:$(cat "$OUT/scripts.classpath")" \
    bench/scripts/*.java || exit 3
# Jars, not folders: an AOT cache accepts only jars on the class path (and the plain run gets the same one).
"$JARTOOL" --create --file "$OUT/script-first-use-main.jar" -C "$BUILD/classes" . || exit 3
"$JARTOOL" --create --file "$OUT/script-first-use-bench.jar" -C "$CLASSES" . || exit 3
CP="$OUT/script-first-use-bench.jar:$OUT/script-first-use-main.jar:$(cat "$OUT/scripts.classpath")"
MAIN=dev.aiworkbench.bench.scripts.ScriptFirstUseInTurn
FLAGS=(-Xmx512m --enable-native-access=ALL-UNNAMED)

echo "== plain java ($("$JAVA" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg))"
plain=0
"$JAVA" "${FLAGS[@]}" -cp "$CP" "$MAIN" "$@" || plain=$?
[ "$plain" -le 1 ] || exit 3
if [ -n "${NO_AOT:-}" ]; then
    echo "== done (load average $(cut -d' ' -f1-3 /proc/loadavg)); verdict: plain java"
    exit $plain
fi

CACHE="$OUT/script-first-use.aot"
rm -f "$CACHE"
echo "== training the AOT cache (load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$CACHE" -cp "$CP" "$MAIN" train > "$OUT/script-first-use-train.log" 2>&1 \
    || { cat "$OUT/script-first-use-train.log"; exit 3; }
grep '^training:' "$OUT/script-first-use-train.log"
echo "== with the AOT cache (load average $(cut -d' ' -f1-3 /proc/loadavg))"
aot=0
"$JAVA" "${FLAGS[@]}" -Dbench.aotCache="$CACHE" -cp "$CP" "$MAIN" "$@" || aot=$?
echo "== done (load average $(cut -d' ' -f1-3 /proc/loadavg)); verdict: with the AOT cache"
exit $aot
