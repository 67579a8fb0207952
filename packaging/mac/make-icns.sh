#!/usr/bin/env bash
# Makes the macOS icon from the committed PNGs with iconutil (macOS only): make-icns.sh <output.icns>
set -euo pipefail
icons="$(cd "$(dirname "$0")/../icon" && pwd)"
set_dir=$(mktemp -d)/workbench.iconset
mkdir -p "$set_dir"
for size in 16 32 128 256 512; do
    cp "$icons/workbench-$size.png" "$set_dir/icon_${size}x${size}.png"
done
cp "$icons/workbench-32.png" "$set_dir/icon_16x16@2x.png"
cp "$icons/workbench-64.png" "$set_dir/icon_32x32@2x.png"
cp "$icons/workbench-256.png" "$set_dir/icon_128x128@2x.png"
cp "$icons/workbench-512.png" "$set_dir/icon_256x256@2x.png"
iconutil -c icns -o "$1" "$set_dir"
