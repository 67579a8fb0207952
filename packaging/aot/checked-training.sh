# Sourced (by packaging/aot/train.sh and bench/startup.sh): an AOT cache is kept only once a JVM has started with it.
# Why: JDK 25.0.3 made, now and then, a cache that it then could not load: every start with it died in its first
# milliseconds (SIGSEGV in AOTLinkedClassBulkLoader::load_classes_impl, before any of our code runs; seen twice in
# about ten trainings of the same build, bench/README.md round 6).

# cache_starts JAVA CACHE CLASSPATH [JVM options...]: status 0 when a JVM starts with CACHE (-XX:AOTMode=on, so a cache
# that does not map fails too), non-zero with the reason on stderr when it does not.
cache_starts() {
    local java=$1 cache=$2 classpath=$3 errors status
    shift 3
    errors=$(mktemp -d)
    "$java" "$@" -XX:AOTCache="$cache" -XX:AOTMode=on -XX:ErrorFile="$errors/hs_err_%p.log" -cp "$classpath" -version \
        > "$errors/out" 2>&1
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "a JVM could not start with $cache (exit $status):" >&2
        grep -v '^#\s*$' "$errors/out" | head -8 >&2
    fi
    rm -rf "$errors"
    return "$status"
}

# train_checked TRAIN JAVA CACHE CLASSPATH [JVM options...]: runs TRAIN (a command or function of the caller that writes
# CACHE) until a JVM starts with CACHE, at most three times; status 1 when none of the three did.
train_checked() {
    local train=$1 java=$2 cache=$3 classpath=$4 attempt
    shift 4
    for attempt in 1 2 3; do
        rm -f "$cache"
        if "$train" && cache_starts "$java" "$cache" "$classpath" "$@"; then
            return 0
        fi
        echo "training $(basename "$cache") again (attempt $attempt of 3 made no cache a JVM starts with)" >&2
    done
    return 1
}
