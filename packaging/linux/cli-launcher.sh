#!/usr/bin/env bash
# cli-launcher.sh <image> <name>: replaces the image's bin/<name>-cli, jpackage's native launcher, with a shell script
# that starts the image's java with exactly that launcher's class path and options (lib/app/<name>-cli.cfg).
# Why: on Linux jpackage's launcher asks rpm and dpkg which package owns it (rpm -qf, dpkg -S, twice) before starting
# the JVM, which took 0.4-0.6 s a start here; a CI job runs `workbench-cli eval run` on every change.
set -euo pipefail
IMAGE=$1
NAME=$2
cfg="$IMAGE/lib/app/$NAME-cli.cfg"
[ -f "$cfg" ] || { echo "cli-launcher.sh: no $cfg" >&2; exit 1; }
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | paste -sd ':' -)
options=()
while IFS= read -r option; do
    options+=("\"$option\"")
done < <(sed -n 's/^java-options=//p' "$cfg")
launcher="$IMAGE/bin/$NAME-cli"
{
    echo '#!/bin/sh'
    echo "# $NAME's command line: the image's java with the class path and options of lib/app/$NAME-cli.cfg (made by"
    echo "# packaging/linux/cli-launcher.sh, which says why it is a script)."
    # The real folder, so a symbolic link to this script (in /usr/bin, say) finds the image.
    echo 'APPDIR=$(cd "$(dirname "$(readlink -f "$0")")/../lib/app" && pwd -P)'
    echo "exec \"\$APPDIR/../runtime/bin/java\" ${options[*]} -cp \"$classpath\" $main \"\$@\""
} > "$launcher.new"
chmod 755 "$launcher.new"
mv "$launcher.new" "$launcher"
