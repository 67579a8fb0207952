#!/usr/bin/env bash
# The AOT cache's training run: train.sh <app dir of the image> <the image's java>
# Starts the fake model server, then runs AotTraining (packaging/aot, shipped as lib/aot-training.jar) on the image's
# own runtime with exactly the launcher's class path, so the cache matches the launcher's runs, and writes
# <app dir>/workbench.aot (the GUI launcher's) and <app dir>/workbench-cli.aot (the command line's). Its eval is packaging/aot/suite: the smoke suite's cases with a transform and javascript
# assertions, so that Rhino ships in the cache and a run's first javascript assertion starts from it.
# The GUI part needs a display: under xvfb-run when there is none on Linux; skipped (with a note) without either.
set -euo pipefail
APP=$1
JAVA=$2
# Windows' java reads C:/… paths, not Git Bash's /c/….
command -v cygpath >/dev/null && APP=$(cygpath -m "$APP")
PACKAGING="$(cd "$(dirname "$0")/.." && pwd)"
WORK=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Exactly the class path the launcher gives the JVM, in its order (the image's .cfg); aot-training.jar is on it.
cfg=$(ls "$APP"/*.cfg | head -n 1)
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) sep=';' ;; *) sep=':' ;; esac
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\$APPDIR#$APP#g" | paste -sd "$sep" -)

# The cache records each jar's modification time and refuses jars whose time differs. jpackage's installers copy
# the image with new times, so the jars get one fixed time here, and the .deb's postinst (packaging/linux/postinst)
# sets it again after installing. UTC, so that the instant is the same in every time zone.
find "$APP" -name '*.jar' -exec env TZ=UTC touch -m -t 200001010000 {} +

python3 "$PACKAGING/smoke/fake_ollama.py" 0 > "$WORK/port" &
server_pid=$!
for _ in $(seq 1 50); do [ -s "$WORK/port" ] && break; sleep 0.2; done
port=$(head -n 1 "$WORK/port")

# The GUI launcher's cache holds the window's start only; workbench-cli has the verbs' (below).
gui=(--gui-only)
run=()
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ]; then
    if command -v xvfb-run >/dev/null; then
        run=(xvfb-run -a -s "-screen 0 1280x900x24")
    else
        echo "train.sh: no display and no xvfb-run: the cache is trained on the command line only" >&2
        gui=(--no-gui)
    fi
fi
# The launcher's own options (packaging/launcher.jpackage): a cache is trained as it will be used.
mapfile -t launcher_flags < <("$PACKAGING/launcher-flags.sh")
# Each cache is kept once a JVM has started with it (checked-training.sh says why); after three trainings that made
# none, the packaging fails rather than ship it.
. "$PACKAGING/aot/checked-training.sh"
train_gui() {
    rm -rf "$WORK/data"
    ${run[@]+"${run[@]}"} "$JAVA" -XX:AOTCacheOutput="$APP/workbench.aot" "${launcher_flags[@]}" \
        -cp "$classpath" AotTraining "$WORK/data" "http://127.0.0.1:$port" \
        "$PACKAGING/aot/suite/promptfooconfig.yaml" ${gui[@]+"${gui[@]}"}
}
# The command-line launcher's cache (workbench-cli): the same verbs without the GUI, on a data folder of its own, so
# a verb does not load the window's classes (the JVM loads every class of its cache at start).
train_cli() {
    rm -rf "$WORK/data-cli"
    "$JAVA" -XX:AOTCacheOutput="$APP/workbench-cli.aot" "${launcher_flags[@]}" \
        -cp "$classpath" AotTraining "$WORK/data-cli" "http://127.0.0.1:$port" \
        "$PACKAGING/aot/suite/promptfooconfig.yaml" --no-gui
}
train_checked train_gui "$JAVA" "$APP/workbench.aot" "$classpath" "${launcher_flags[@]}" \
    || { echo "train.sh: three trainings made no usable workbench.aot" >&2; exit 1; }
train_checked train_cli "$JAVA" "$APP/workbench-cli.aot" "$classpath" "${launcher_flags[@]}" \
    || { echo "train.sh: three trainings made no usable workbench-cli.aot" >&2; exit 1; }
ls -l "$APP/workbench.aot" "$APP/workbench-cli.aot"
