#!/usr/bin/env bash
# Makes target/dist/ from target/workbench.jar and target/lib/ (run by `./mvnw -Ppackage package`, or after it):
#   1. a runtime jlinked from the JDK modules jdeps finds, plus the ones only reached at run time;
#   2. an app image by jpackage whose launcher opens the GUI with no arguments and runs the CLI with a verb;
#   3. an AOT cache (JDK 24+) made by a training run of that image's own runtime, shipped in the image and named
#      by the launcher's java options;
#   4. the installers this system can build: .deb (dpkg-deb, fakeroot) and .rpm (rpmbuild) on Linux, .msi (WiX)
#      on Windows, .dmg on macOS.
# Needs JAVA_HOME (or java on PATH) to be a JDK 25 with jlink and jpackage, and python3 for the training run's fake
# model server. Environment: WORKBENCH_VERSION (default 0.1.0), WORKBENCH_INSTALLERS=0 to stop after the image (or a
# list of types, "rpm" or "deb rpm", to make only those), WORKBENCH_AOT=0 to skip the cache.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PACKAGING="$ROOT/packaging"
TARGET="$ROOT/target"
DIST="$TARGET/dist"
VERSION=${WORKBENCH_VERSION:-0.1.0}
NAME=workbench
JDK_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"

case "$(uname -s)" in
    Linux) OS=linux ;;
    Darwin) OS=mac ;;
    MINGW* | MSYS* | CYGWIN*) OS=windows ;;
    *) echo "package.sh: no packaging for $(uname -s)" >&2; exit 2 ;;
esac
SEP=":"
[ "$OS" = windows ] && SEP=";"

step() { printf '== %s (%ss)\n' "$1" "$SECONDS"; }

[ -f "$TARGET/workbench.jar" ] && [ -d "$TARGET/lib" ] || {
    echo "package.sh: target/workbench.jar and target/lib/ are missing; run ./mvnw -Ppackage package" >&2
    exit 2
}

rm -rf "$DIST" "$TARGET/jpackage"
mkdir -p "$DIST" "$TARGET/jpackage"
INPUT="$TARGET/jpackage/input"
RUNTIME="$TARGET/jpackage/runtime"
mkdir -p "$INPUT/lib"
cp "$TARGET/workbench.jar" "$INPUT/"
cp "$TARGET"/lib/*.jar "$INPUT/lib/"
# JavaFX's native libraries, unpacked where its loader looks before its own jars (relative to the jar's folder:
# ../lib on Linux, .. on macOS, ../bin on Windows). From the jars it would hash each library against a copy in the
# user's ~/.openjfx at every start (starting the JDK's security providers to do it): 40-50 ms of a bare JavaFX window's
# start, 15-20 of this app's (bench/README.md, round 9).
case "$OS" in
    linux) natives="$INPUT/lib"; platform=linux ;;
    mac) natives="$INPUT"; platform=mac ;;
    windows) natives="$INPUT/bin"; platform=win ;;
esac
mkdir -p "$natives"
for jar in "$INPUT"/lib/javafx-*-"$platform"*.jar; do
    mapfile -t libraries < <("${JDK_BIN}jar" --list --file "$jar" | grep -E '\.(so|dylib|dll)$' || true)
    [ ${#libraries[@]} -eq 0 ] || (cd "$natives" && "${JDK_BIN}jar" --extract --file "$jar" "${libraries[@]}")
done
# SQLite's native library for this system, unpacked into native/ and named to sqlite-jdbc by both launchers' options:
# otherwise each new data folder's first start writes it out of its jar into the folder's cache (SqliteLibrary), and
# a CI job usually starts with a new data folder.
case "$OS" in
    linux) sqlite_os=Linux; sqlite_library=libsqlitejdbc.so ;;
    mac) sqlite_os=Mac; sqlite_library=libsqlitejdbc.dylib ;;
    windows) sqlite_os=Windows; sqlite_library=sqlitejdbc.dll ;;
esac
case "$(uname -m)" in
    x86_64 | amd64) sqlite_arch=x86_64 ;;
    arm64 | aarch64) sqlite_arch=aarch64 ;;
    *) sqlite_arch=$(uname -m) ;;
esac
sqlite_entry="org/sqlite/native/$sqlite_os/$sqlite_arch/$sqlite_library"
mkdir -p "$INPUT/native" "$TARGET/jpackage/sqlite"
sqlite_jar=$(ls "$INPUT"/lib/sqlite-jdbc-*.jar)
(cd "$TARGET/jpackage/sqlite" && "${JDK_BIN}jar" --extract --file "$sqlite_jar" "$sqlite_entry")
[ -f "$TARGET/jpackage/sqlite/$sqlite_entry" ] || { echo "package.sh: sqlite-jdbc has no $sqlite_entry" >&2; exit 2; }
mv "$TARGET/jpackage/sqlite/$sqlite_entry" "$INPUT/native/"
sqlite_options=("-Dorg.sqlite.lib.path=\$APPDIR/native" "-Dorg.sqlite.lib.name=$sqlite_library")
# The training run's main class ships as one more jar on the launcher's class path: an AOT cache only matches a
# class path that starts with the training run's, and a class folder cannot be on it while the cache is made.
mkdir -p "$TARGET/jpackage/aot-classes"
"${JDK_BIN}javac" --release 21 -d "$TARGET/jpackage/aot-classes" -cp "$TARGET/workbench.jar$SEP$TARGET/lib/*" \
    "$PACKAGING/aot/AotTraining.java"
"${JDK_BIN}jar" --create --file "$INPUT/lib/aot-training.jar" -C "$TARGET/jpackage/aot-classes" .

step "finding the JDK modules the app uses (jdeps)"
modules=$("${JDK_BIN}jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps \
    "$INPUT/$NAME.jar" "$INPUT"/lib/*.jar 2>/dev/null | tail -n 1)
# Found only at run time, by service loading or by name: the zip file system (pack zips), every charset and
# locale a learner's files may use, TLS's EC and PKCS#11 providers and DNS lookups for hosted providers, and
# jdk.crypto.ec for runtimes that still have it apart from java.base.
run_time_modules="jdk.zipfs,jdk.charsets,jdk.localedata,jdk.crypto.cryptoki,jdk.naming.dns,jdk.crypto.ec"
# On macOS the Finder hands over the files it opens through AWT's Desktop (ui.AwtOpenFiles): jdeps finds java.desktop
# there today, and this keeps it should that ever change.
[ "$OS" = mac ] && run_time_modules="$run_time_modules,java.desktop"
echo "jdeps: $modules"

step "linking the runtime (jlink)"
# bin/java stays: the training run below starts it with the image's class path and another main class. The JDK's
# default CDS archive is generated too: the runtime falls back on it, as a JDK would, should the AOT cache not map.
"${JDK_BIN}jlink" --add-modules "$modules,$run_time_modules" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$RUNTIME"

step "making the app image (jpackage)"
# A second launcher for the command line, $NAME-cli, with the main launcher's options but an AOT cache of its own,
# trained on the verbs only: the JVM loads every class of its cache at start, so the GUI's cache (JavaFX and the
# screens, about 9,500 classes) would cost each CI `eval run` ~0.6 s. On Windows it is also the one with a console.
cli_properties="$TARGET/jpackage/cli-launcher.properties"
{
    [ "$OS" = windows ] && echo "win-console=true"
    echo "java-options=$("$PACKAGING/launcher-flags.sh" | tr '\n' ' ')${sqlite_options[*]}" \
        "-XX:AOTCache=\$APPDIR/$NAME-cli.aot"
} > "$cli_properties"
command -v cygpath >/dev/null && cli_properties=$(cygpath -m "$cli_properties")
case "$OS" in
    linux) icon="$PACKAGING/icon/workbench-256.png" ;;
    windows) icon="$PACKAGING/icon/workbench.ico" ;;
    mac) icon="$TARGET/jpackage/workbench.icns"; "$PACKAGING/mac/make-icns.sh" "$icon" ;;
esac
by_os=()
[ -f "$PACKAGING/$OS/image.jpackage" ] && by_os=(@"$PACKAGING/$OS/image.jpackage")
"${JDK_BIN}jpackage" --type app-image --dest "$DIST" --name "$NAME" --app-version "$VERSION" \
    --input "$INPUT" --main-jar "$NAME.jar" --main-class dev.aiworkbench.Main --runtime-image "$RUNTIME" \
    --icon "$icon" @"$PACKAGING/about.jpackage" @"$PACKAGING/launcher.jpackage" ${by_os[@]+"${by_os[@]}"} \
    --java-options "${sqlite_options[0]}" --java-options "${sqlite_options[1]}" \
    --add-launcher "$NAME-cli=$cli_properties"

case "$OS" in
    linux) IMAGE="$DIST/$NAME"; APP="$IMAGE/lib/app"; JAVA="$IMAGE/lib/runtime/bin/java"; LAUNCHER="$IMAGE/bin/$NAME" ;;
    windows) IMAGE="$DIST/$NAME"; APP="$IMAGE/app"; JAVA="$IMAGE/runtime/bin/java.exe"; LAUNCHER="$IMAGE/$NAME-cli.exe" ;;
    mac) IMAGE="$DIST/$NAME.app"; APP="$IMAGE/Contents/app"; JAVA="$IMAGE/Contents/runtime/Contents/Home/bin/java"
         LAUNCHER="$IMAGE/Contents/MacOS/$NAME" ;;
esac

[ "$OS" = linux ] && "$PACKAGING/linux/cli-launcher.sh" "$IMAGE" "$NAME"

if [ "${WORKBENCH_AOT:-1}" != 0 ]; then
    step "training the AOT cache"
    "$PACKAGING/aot/train.sh" "$APP" "$JAVA"
fi

step "checking the launcher"
"$LAUNCHER" --version

if [ "${WORKBENCH_INSTALLERS:-1}" = 1 ]; then
    installers=()
    case "$OS" in
        linux)
            command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null && installers+=(deb) \
                || echo "package.sh: no .deb: dpkg-deb and fakeroot are missing (apt-get install dpkg-dev fakeroot)"
            command -v rpmbuild >/dev/null && installers+=(rpm) || echo "package.sh: no .rpm: rpmbuild is missing"
            ;;
        windows) installers+=(msi) ;;
        mac) installers+=(dmg) ;;
    esac
elif [ "${WORKBENCH_INSTALLERS}" != 0 ]; then
    read -r -a installers <<< "$WORKBENCH_INSTALLERS"
fi
if [ "${WORKBENCH_INSTALLERS:-1}" != 0 ]; then
    for type in ${installers[@]+"${installers[@]}"}; do
        step "making the .$type"
        # Per package type: JavaFX loads GTK and GL from inside its jars, where jpackage's dependency scan cannot see.
        by_type=()
        [ -f "$PACKAGING/$OS/$type.jpackage" ] && by_type=(@"$PACKAGING/$OS/$type.jpackage")
        "${JDK_BIN}jpackage" --type "$type" --dest "$DIST" --name "$NAME" --app-version "$VERSION" \
            --app-image "$IMAGE" @"$PACKAGING/about.jpackage" @"$PACKAGING/installer.jpackage" \
            @"$PACKAGING/$OS/installer.jpackage" ${by_type[@]+"${by_type[@]}"}
    done
fi

step "done"
du -sh "$IMAGE" "$DIST"/*.* 2>/dev/null || true
