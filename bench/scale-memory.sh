#!/usr/bin/env bash
# Peak memory against the number of images (issue 16): builds datasets of N files — copies of the shared apparel photos
# under distinct paths (copies, not links: the dataset walk counts a file reached by two paths once), in a scratch
# folder outside the repository — then, for each N, `train --model resnet18 --image-size 64 --epochs 1` with a fresh decode cache (so
# the first decode is included), and `predict` over the largest set (CSV streamed to /dev/null). Peak RSS is
# /usr/bin/time's maximum resident set size. Prints a table; writes bench/out/scale-memory.json.
# Targets: train at 50,000 below 1.2 GB and at 10,000 within 15 % of it; predict over 50,000 below 1 GB.
#   flock /work/locks/cpu bench/scale-memory.sh [--sizes "10000 50000"] [--scratch DIR] [--threads N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="10000 50000"
scratch="${TMPDIR:-/tmp}/multilabel-scale-bench"
threads=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --scratch) scratch="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
. "$root/bench/lib/common.sh"
data=$(apparel_dataset)
[ -n "$data" ] || { echo "no apparel dataset found; set MULTILABEL_DATASETS" >&2; exit 1; }
case "$(cd "$scratch" 2>/dev/null && pwd || echo "$scratch")" in "$root"*) echo "--scratch must lie outside the repository" >&2; exit 64 ;; esac

dotnet build "$root/src/MultiLabel.Cli" -c Release -nologo -v quiet >&2
cli="$root/src/MultiLabel.Cli/bin/Release/net10.0/linux-x64/multilabel"
out="$root/bench/out/scale-memory"
mkdir -p "$out" "$scratch"
largest=$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -1)

# One dataset per size: the first N entries of the same list of links (copy k of photo p is folder/k_name).
for n in $sizes; do
  python3 - "$data" "$scratch/copies-$n" "$n" <<'PY'
import os, shutil, sys
source, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
photos = [os.path.join(source, d, f) for d in sorted(os.listdir(source)) if os.path.isdir(os.path.join(source, d))
          for f in sorted(os.listdir(os.path.join(source, d)))]
import random
random.Random(16).shuffle(photos)  # any N holds every label set in proportion
made = sum(len(files) for _, _, files in os.walk(target)) if os.path.isdir(target) else 0
if made != n or not os.path.exists(os.path.realpath(os.path.join(target, os.listdir(target)[0], os.listdir(os.path.join(target, os.listdir(target)[0]))[0]))):
    shutil.rmtree(target, ignore_errors=True)
    for i in range(n):
        photo = photos[i % len(photos)]
        folder = os.path.join(target, os.path.basename(os.path.dirname(photo)))
        os.makedirs(folder, exist_ok=True)
        link = os.path.join(folder, f"{i // len(photos)}_{os.path.basename(photo)}")
        shutil.copyfile(photo, link)
print(f"{target}: {n} files", file=sys.stderr)
PY
done

peak() { # peak RSS in MB of a command; its output goes to $log
  local log=$1; shift
  /usr/bin/time -f "%M" -o "$out/time.txt" "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
  awk '{printf "%.0f", $1 / 1024}' "$out/time.txt"
}
machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "machine: $machine; load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
declare -A train_mb train_s
for n in $sizes; do
  rm -rf "$scratch/cache"
  start=$(date +%s)
  train_mb[$n]=$(peak "$out/train-$n.log" "$cli" train --data "$scratch/copies-$n" --out "$scratch/run-$n" --model resnet18 --image-size 64 \
    --epochs 1 --overwrite --quiet --threads "$threads" --cache-dir "$scratch/cache")
  train_s[$n]=$(( $(date +%s) - start ))
  echo "train on $n files: peak RSS ${train_mb[$n]} MB in ${train_s[$n]} s (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
start=$(date +%s)
predict_mb=$(peak "$out/predict-$largest.log" sh -c "\"$cli\" predict --model \"$scratch/run-$largest\" \"$scratch/copies-$largest\" --format csv --quiet --threads $threads > \"$out/predictions-$largest.csv\"")
predict_s=$(( $(date +%s) - start ))
rows=$(( $(wc -l < "$out/predictions-$largest.csv") - 1 ))
echo "predict over $largest files: peak RSS $predict_mb MB in $predict_s s, $rows rows" >&2

python3 - "$out" "$machine" "$largest" "$predict_mb" "$predict_s" "$rows" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  $(for n in $sizes; do echo "$n:${train_mb[$n]}:${train_s[$n]}"; done) <<'PY'
import json, sys
out, machine, largest, predict_mb, predict_s, rows, load = sys.argv[1:8]
runs = [tuple(int(v) for v in r.split(":")) for r in sys.argv[8:]]
big = max(runs)[1]
print(f"\nmachine: {machine}; load average after: {load}\n")
print("| images | train peak RSS (MB) | vs largest | train wall time (s) |")
print("|---:|---:|---:|---:|")
for n, mb, s in runs:
    print(f"| {n:,} | {mb:,} | {mb / big:.2f} | {s} |")
print(f"| {int(largest):,} (predict) | {int(predict_mb):,} | | {predict_s} |")
small = min(runs)
result = {"machine": machine, "train": [{"images": n, "peak_rss_mb": mb, "seconds": s} for n, mb, s in runs],
          "predict": {"images": int(largest), "peak_rss_mb": int(predict_mb), "seconds": int(predict_s), "rows": int(rows)},
          "train_largest_below_1200_mb": big < 1200, "train_smallest_within_15_percent": abs(small[1] - big) <= 0.15 * big,
          "predict_below_1000_mb": int(predict_mb) < 1000}
print(json.dumps({k: v for k, v in result.items() if k.endswith("mb") or k.endswith("percent")}, indent=2))
json.dump(result, open(f"{out}.json", "w"), indent=2)
PY
