#!/usr/bin/env bash
# Smoke test of the packaged app: it must run with no JDK and no environment to lean on.
#   packaging/smoke.sh [IMAGE]     (default: the image in target/dist/ for this system)
# Runs the launcher under `env -i` with only a basic PATH for --version (also with the AOT cache required), doctor
# (which must name the image's own Java), eval run on packaging/smoke/suite against packaging/smoke/fake_ollama.py,
# and a GUI start (under xvfb-run on Linux without a display) that must open its data and make the daily backup, with
# JavaFX's native libraries loaded from the image rather than unpacked from its jars, and SQLite's (both launchers)
# from the image rather than copied into the data folder.
# On Linux it then unpacks the .deb in target/dist/ with dpkg-deb -x, and the .rpm with rpm2cpio | cpio -idm, and runs
# the same on each unpacked copy.
# Exit status 0 when every check passed; the first failure stops it with what went wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIST="$ROOT/target/dist"
BASIC_PATH=/usr/bin:/bin
WORK=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

case "$(uname -s)" in
    Linux) OS=linux; default_image="$DIST/workbench" ;;
    Darwin) OS=mac; default_image="$DIST/workbench.app" ;;
    MINGW* | MSYS* | CYGWIN*) OS=windows; default_image="$DIST/workbench" ;;
    *) fail "no smoke test for $(uname -s)" ;;
esac

# cli <image>: the launcher that runs verbs; gui <image>: the one that opens the window.
cli() {
    case "$OS" in
        linux) echo "$1/bin/workbench-cli" ;;
        mac) echo "$1/Contents/MacOS/workbench-cli" ;;
        windows) echo "$1/workbench-cli.exe" ;;
    esac
}
gui() {
    case "$OS" in
        linux) echo "$1/bin/workbench" ;;
        mac) echo "$1/Contents/MacOS/workbench" ;;
        windows) echo "$1/workbench.exe" ;;
    esac
}

python3 "$ROOT/packaging/smoke/fake_ollama.py" 0 > "$WORK/port" &
server_pid=$!
for _ in $(seq 1 50); do [ -s "$WORK/port" ] && break; sleep 0.2; done
[ -s "$WORK/port" ] || fail "the fake Ollama server did not start"
URL="http://127.0.0.1:$(head -n 1 "$WORK/port")"
SUITE="$ROOT/packaging/smoke/suite/promptfooconfig.yaml"
command -v cygpath >/dev/null && SUITE=$(cygpath -m "$SUITE")

# Windows cannot start a process's networking without SystemRoot, so that one variable stays there.
bare() {
    if [ "$OS" = windows ]; then
        env -i PATH="$BASIC_PATH" HOME="$WORK/home" SYSTEMROOT="$SYSTEMROOT" "$@"
    else
        env -i PATH="$BASIC_PATH" HOME="$WORK/home" "$@"
    fi
}

check_image() {
    local image=$1 label=$2 launcher data out
    launcher=$(cli "$image")
    data="$WORK/data-$label"
    [ -x "$launcher" ] || fail "$label: no launcher at $launcher"
    mkdir -p "$WORK/home"
    echo "== $label: $launcher"

    out=$(bare "$launcher" --version 2>&1) || fail "$label: --version exited $?: $out"
    [[ "$out" == "AI Engineer Workbench "* ]] || fail "$label: --version printed: $out"
    echo "ok   --version: $out"

    # -XX:AOTMode=on makes the JVM stop when it cannot map the cache, instead of starting without it.
    out=$(bare JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" --version 2>&1) \
        || fail "$label: the launcher cannot use its AOT cache: $out"
    echo "ok   the AOT cache maps"
    if [ "$OS" != windows ]; then
        # The GUI launcher runs verbs too (`workbench eval run` works), from the cache it opens the window with.
        out=$(bare JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$(gui "$image")" --version 2>&1) \
            || fail "$label: the GUI launcher cannot use its AOT cache: $out"
        echo "ok   the GUI launcher's AOT cache maps"
    fi

    out=$(bare "$launcher" doctor --data-dir "$data" --ollama-url "$URL" 2>&1) || true
    grep -q "Java " <<<"$out" || fail "$label: doctor printed no Java line: $out"
    local java_line
    java_line=$(grep -m 1 "Java " <<<"$out")
    local runtime_dir
    runtime_dir=$(cd "$image" && pwd)
    command -v cygpath >/dev/null && runtime_dir=$(cygpath -m "$runtime_dir")
    [[ "$java_line" == *"$runtime_dir"* ]] || fail "$label: doctor's Java is not the image's own: $java_line"
    echo "ok   doctor: ${java_line#"${java_line%%[! ]*}"}"

    out=$(bare "$launcher" eval run --data-dir "$data" --ollama-url "$URL" "$SUITE" 2>&1) \
        || fail "$label: eval run exited $?: $out"
    grep -q "10 of 10 passed" <<<"$out" || fail "$label: eval run did not pass its 10 cases: $out"
    echo "ok   eval run: 10 of 10 passed"
    check_sqlite_library "$data" "$label" "the command line"

    check_gui "$image" "$label"
}

# Both launchers name the image's SQLite library to sqlite-jdbc (package.sh): a new data folder gets no copy of it.
check_sqlite_library() {
    local data=$1 label=$2 who=$3
    if compgen -G "$data/cache/native/sqlite-jdbc-*" > /dev/null; then
        fail "$label: $who copied SQLite's library into its data folder instead of loading the image's"
    fi
    echo "ok   $who loads SQLite's library from the image"
}

# The window opens, the session loads (the daily backup is made only after that), then the app is stopped.
check_gui() {
    local image=$1 label=$2 data run=() pid
    data="$WORK/gui-$label"
    if [ "$OS" = linux ]; then
        if command -v xvfb-run >/dev/null; then
            # A session of its own, so that the app, xvfb-run and its X server stop together by the group's id.
            run=(setsid xvfb-run -a -s "-screen 0 1280x900x24")
        else
            echo "skip GUI start: no xvfb-run (apt-get install xvfb); the image ships no headless toolkit"
            return 0
        fi
    fi
    # env itself, not a function around it, is the background job: $! is then the id setsid gives the new session.
    local keep=()
    [ "$OS" = windows ] && keep=(SYSTEMROOT="$SYSTEMROOT")
    # javafx.verbose: JavaFX says where each native library came from (checked below).
    env -i PATH="$BASIC_PATH" HOME="$WORK/home" JAVA_TOOL_OPTIONS=-Djavafx.verbose=true ${keep[@]+"${keep[@]}"} \
        ${run[@]+"${run[@]}"} "$(gui "$image")" --data-dir "$data" --ollama-url "$URL" > "$WORK/gui-$label.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
        if compgen -G "$data/backups/*" > /dev/null; then
            break
        fi
        kill -0 "$pid" 2>/dev/null || fail "$label: the app exited before its data loaded: $(cat "$WORK/gui-$label.log")"
        sleep 0.5
    done
    compgen -G "$data/backups/*" > /dev/null || fail "$label: the app did not load its data within 120 s"
    if [ "$OS" = linux ]; then
        kill -TERM -- "-$pid" 2>/dev/null || true
    else
        kill "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    if grep -q "ERROR" "$data/logs/"*.log 2>/dev/null; then
        fail "$label: the app logged errors: $(grep -h ERROR "$data/logs/"*.log | head -5)"
    fi
    echo "ok   GUI start: the window opened and the data loaded"
    check_sqlite_library "$data" "$label" "the window"
    if [ "$OS" = windows ]; then
        # The window's launcher there has no console to say where a library came from: the files are checked.
        [ -f "$image/app/bin/glass.dll" ] \
            || fail "$label: JavaFX's native libraries are not in app/bin (package.sh unpacks them there)"
        echo "ok   JavaFX's native libraries are in app/bin, where JavaFX looks first"
        return 0
    fi
    local log="$WORK/gui-$label.log"
    if grep -q "from resource" "$log" || ! grep -q "glass.* from relative path" "$log"; then
        fail "$label: JavaFX did not load its native libraries from beside its jars (package.sh unpacks them there): $(
            grep -E "^Loaded|UnsatisfiedLinkError" "$log" | head -5)"
    fi
    echo "ok   JavaFX's native libraries load from the image, not unpacked from its jars"
}

check_image "${1:-$default_image}" image

if [ "$OS" = linux ] && [ -z "${1:-}" ]; then
    deb=$(ls "$DIST"/*.deb 2>/dev/null | head -n 1 || true)
    if [ -z "$deb" ]; then
        echo "skip .deb: none in $DIST"
    else
        dpkg-deb -x "$deb" "$WORK/deb"
        # dpkg-deb -x runs no maintainer script: do the one step of the postinst the cache depends on (the jars'
        # modification time), after checking that the package's postinst does it.
        dpkg-deb -I "$deb" postinst | grep -q "touch -m -t 200001010000" \
            || fail "deb: its postinst does not restore the jars' time the AOT cache expects"
        find "$WORK/deb" -name '*.jar' -exec env TZ=UTC touch -m -t 200001010000 {} +
        check_image "$(dirname "$(dirname "$(find "$WORK/deb" -path '*/bin/workbench' -type f | head -n 1)")")" deb
    fi
    rpm_file=$(ls "$DIST"/*.rpm 2>/dev/null | head -n 1 || true)
    if [ -z "$rpm_file" ]; then
        echo "skip .rpm: none in $DIST"
    elif ! command -v rpm2cpio >/dev/null || ! command -v cpio >/dev/null; then
        echo "skip .rpm: no rpm2cpio or cpio (apt-get install rpm cpio)"
    else
        # The rpm carries the jars' fixed time in its files (its spec sets it), and cpio -m keeps it: no touch here,
        # so the AOT cache check in check_image fails if the package lost it.
        mkdir -p "$WORK/rpm"
        rpm2cpio "$rpm_file" | (cd "$WORK/rpm" && cpio -idm --quiet)
        rpm_image=$(dirname "$(dirname "$(find "$WORK/rpm" -path '*/bin/workbench' -type f | head -n 1)")")
        check_image "$rpm_image" rpm
        # Where an installer loses the times (see the README), the JVM starts without the cache and says nothing.
        touch "$rpm_image/lib/app/workbench.jar"
        out=$(bare "$(cli "$rpm_image")" --version 2>&1) || fail "rpm: --version with a stale cache exited $?: $out"
        [[ "$out" == "AI Engineer Workbench "* && "$out" != *$'\n'* ]] \
            || fail "rpm: a cache that does not fit is not ignored quietly: $out"
        echo "ok   a cache that does not fit is ignored quietly"
    fi
fi
echo "smoke: all checks passed"
