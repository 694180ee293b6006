#!/usr/bin/env bash
# Rebuilds samples/ from the apparel photos: per colour_garment folder, the first 20 files (by name)
# go to apparel-mini/ and the next 3 to apparel-holdout/, each fitted inside 128×128 as JPEG quality 85.
# Needs ImageMagick (apt-get install imagemagick). Usage: samples/make-samples.sh [APPAREL_DIR]
set -euo pipefail
src=${1:-$(dirname "$0")/../../shared/datasets/apparel}
out=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out/apparel-mini" "$out/apparel-holdout"
for dir in "$src"/*/; do
  name=$(basename "$dir")
  mkdir -p "$out/apparel-mini/$name" "$out/apparel-holdout/$name"
  i=0
  for file in $(ls "$dir" | sort | head -n 23); do
    target=apparel-mini; [ $i -ge 20 ] && target=apparel-holdout
    convert "$dir/$file" -strip -resize '128x128>' -quality 85 "$out/$target/$name/$file"
    i=$((i + 1))
  done
done
du -sh "$out/apparel-mini" "$out/apparel-holdout"
