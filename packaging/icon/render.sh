#!/usr/bin/env bash
# Renders workbench.svg into the PNG sizes the installers use and a Windows .ico, with Debian's rsvg-convert and
# icotool (apt-get install librsvg2-bin icoutils); the .ico keeps its 256 px image as PNG, as Windows reads it. The results are committed, so packaging needs neither tool;
# the macOS .icns is made from these PNGs by iconutil on the macOS runner (.github/workflows/package.yml).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" workbench.svg -o "workbench-$size.png"
done
icotool -c -o workbench.ico workbench-16.png workbench-32.png workbench-48.png workbench-64.png workbench-128.png \
    -r workbench-256.png
