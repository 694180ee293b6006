#!/usr/bin/env bash
# Batched prediction against one CLI call per image.
#
# Predicts over 1,000 images of the apparel set at 128 px with a resnet18-imagenet bundle (one epoch
# on 48 images: the weights do not matter for speed) in three ways:
#   batched      one `multilabel predict` call over all 1,000 images (--batch-size 32)
#   batch 1      one call over the same images with --batch-size 1 (batching alone, process start paid once)
#   per call     a separate `multilabel predict` process per image, over a sample of SAMPLE images
# and reports the time per image of each (the CLI's stderr, e.g. libtorch's NNPACK warnings, goes to a log). The target: batched is at least 3x faster per image than
# one call per image.
#
# Usage: bench/predict-batching.sh [DATASET] [IMAGES] [SAMPLE]
#   DATASET  label-named folders of images (default $MULTILABEL_DATASETS/apparel or /work/shared/datasets/apparel)
#   IMAGES   images in the batched runs (default 1000)
#   SAMPLE   images predicted one process each (default 30)
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
dataset="${1:-${MULTILABEL_DATASETS:-/work/shared/datasets}/apparel}"
images="${2:-1000}"
sample="${3:-30}"
work="$(mktemp -d "${TMPDIR:-/tmp}/predict-batching.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "building the CLI (Release)..." >&2
dotnet build "$here/src/MultiLabel.Cli" -c Release -v quiet -nologo >&2
cli=("dotnet" "$here/src/MultiLabel.Cli/bin/Release/net10.0/linux-x64/multilabel.dll")

# Every 9th image of the dataset, in a stable order, linked into one flat folder.
mkdir -p "$work/images" "$work/train"
find "$dataset" -type f -name '*.jpg' | LC_ALL=C sort | awk -v max="$images" 'NR % 9 == 1 && ++n <= max' > "$work/list.txt"
n=0
while read -r file; do
    n=$((n + 1))
    ln -s "$file" "$work/images/$(printf '%05d' "$n")-$(basename "$file")"
done < "$work/list.txt"
[ "$n" -eq "$images" ] || { echo "only $n images found in $dataset" >&2; exit 1; }

# A bundle to predict with: 2 images of each label folder, one epoch.
for folder in "$dataset"/*/; do
    name="$(basename "$folder")"
    mkdir -p "$work/train/$name"
    find "$folder" -type f -name '*.jpg' | LC_ALL=C sort | awk 'NR <= 2' | while read -r file; do ln -s "$file" "$work/train/$name/"; done
done
echo "training a resnet18-imagenet bundle at 128 px for the benchmark..." >&2
"${cli[@]}" train --data "$work/train" --out "$work/run" --model resnet18-imagenet --image-size 128 --epochs 1 --batch-size 16 \
    --no-cache --quiet > /dev/null
model="$work/run/model.mlpkg"

seconds() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

echo "batched: one call over $images images..." >&2
start=$(seconds)
"${cli[@]}" predict --model "$model" "$work/images" --json --quiet --batch-size 32 > "$work/batched.json" 2>> "$work/stderr.log"
batched=$(elapsed "$start" "$(seconds)")

echo "batch size 1: one call over $images images..." >&2
start=$(seconds)
"${cli[@]}" predict --model "$model" "$work/images" --json --quiet --batch-size 1 > "$work/single.json" 2>> "$work/stderr.log"
single=$(elapsed "$start" "$(seconds)")

echo "per call: $sample separate calls..." >&2
start=$(seconds)
awk -v max="$sample" 'NR <= max' "$work/list.txt" | while read -r file; do
    "${cli[@]}" predict --model "$model" "$file" --json --quiet > /dev/null 2>> "$work/stderr.log"
done
percall=$(elapsed "$start" "$(seconds)")

same=$(python3 - "$work/batched.json" "$work/single.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
diff = max(abs(x["scores"][k] - y["scores"][k]) for x, y in zip(a, b) if "scores" in x for k in x["scores"])
labels = sum(x.get("labels") == y.get("labels") for x, y in zip(a, b))
print(f"{labels}/{len(a)} label sets equal, largest score difference {diff:.1e}")
PY
)
per_batched=$(echo "1000 * $batched / $images" | bc -l)
per_single=$(echo "1000 * $single / $images" | bc -l)
per_call=$(echo "1000 * $percall / $sample" | bc -l)
printf '\nmachine: %s cores, %s, load average %s\n' "$(nproc)" "$(uname -sr)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'model: resnet18-imagenet at 128 px, %s labels\n' "$(ls "$dataset" | tr '_' '\n' | sort -u | wc -l)"
printf '%-44s %9.1f s  %8.1f ms/image\n' "batched ($images images, one call, batch 32)" "$batched" "$per_batched"
printf '%-44s %9.1f s  %8.1f ms/image\n' "batch size 1 ($images images, one call)" "$single" "$per_single"
printf '%-44s %9.1f s  %8.1f ms/image\n' "one call per image ($sample images)" "$percall" "$per_call"
printf 'speed-up of batched over one call per image: %.1fx (target >= 3x)\n' "$(echo "$per_call / $per_batched" | bc -l)"
printf 'speed-up of batch 32 over batch 1 in one call: %.1fx (%s)\n' "$(echo "$per_single / $per_batched" | bc -l)" "$same"
