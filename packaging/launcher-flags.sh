#!/usr/bin/env bash
# Prints the JVM options the packaged launcher passes (packaging/launcher.jpackage), one per line, without its AOT
# cache: the training run and the benches start java the way the launcher does, each with a cache of its own.
set -euo pipefail
sed -n 's/^--java-options "\(.*\)"$/\1/p' "$(cd "$(dirname "$0")" && pwd)/launcher.jpackage" | grep -v '^-XX:AOTCache='
