#!/usr/bin/env bash
# cache-starts.sh <java> <cache> <class path> [JVM options...]: exit 0 when a JVM starts with the AOT cache (required:
# -XX:AOTMode=on) on that class path and options, non-zero with the reason on stderr when it does not.
# Why: JDK 25.0.3 made, now and then, a cache that it then could not load: every start with it died in its first
# milliseconds (SIGSEGV in AOTLinkedClassBulkLoader::load_classes_impl, before any of our code runs; seen twice in
# about ten trainings of the same build, bench/README.md round 6). A cache is only shipped or measured once a JVM
# has started with it; the callers train again when it does not.
set -uo pipefail
JAVA=$1 CACHE=$2 CLASSPATH_=$3
shift 3
errors=$(mktemp -d)
trap 'rm -rf "$errors"' EXIT
"$JAVA" "$@" -XX:AOTCache="$CACHE" -XX:AOTMode=on -XX:ErrorFile="$errors/hs_err_%p.log" -cp "$CLASSPATH_" -version \
    > "$errors/out" 2>&1
status=$?
if [ "$status" -ne 0 ]; then
    echo "cache-starts.sh: a JVM could not start with $CACHE (exit $status):" >&2
    grep -v '^#\s*$' "$errors/out" | head -8 >&2
    exit 1
fi
