#!/usr/bin/env bash
# Training speed on a busy machine (issue 16): the default recipe at 128 px on a subset of the apparel photos, idle and
# with one competing CPU-bound process (a shell busy loop), back to back in one run, each both ways:
#   today's    a fixed thread count (--fixed-threads), as before the thread governor
#   default    the thread governor (nothing set)
# (Also measurable, with RUNS: *-shortspin, the governor with GOMP_SPINCOUNT=30000, which cost 9 % idle and gained
# nothing busy over the governor alone, so MultiLabel leaves libgomp's spin alone.)
# Speeds are the images/s of each epoch from history.csv (epoch 1 and the last; the decode cache is warmed first, so
# no epoch includes decoding). Targets: busy default >= 50 % of idle default; idle default within 5 % of idle today's.
#   flock /work/locks/cpu bench/busy-machine.sh [--images N] [--epochs E] [--scratch DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
images=1200
epochs=2
scratch="${TMPDIR:-/tmp}/multilabel-busy-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --scratch) scratch="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
. "$root/bench/lib/common.sh"
data=$(apparel_dataset)
[ -n "$data" ] || { echo "no apparel dataset found; set MULTILABEL_DATASETS" >&2; exit 1; }

dotnet build "$root/src/MultiLabel.Cli" -c Release -nologo -v quiet >&2
cli="$root/src/MultiLabel.Cli/bin/Release/net10.0/linux-x64/multilabel"
out="$root/bench/out/busy-machine"
mkdir -p "$out" "$scratch"

# The subset: every k-th photo of each folder (links under the same folder names; symbolic where hard links cannot be made).
python3 - "$data" "$scratch/data" "$images" <<'PY'
import os, shutil, sys
source, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
photos = [os.path.join(source, d, f) for d in sorted(os.listdir(source)) if os.path.isdir(os.path.join(source, d))
          for f in sorted(os.listdir(os.path.join(source, d)))]
chosen = photos[::max(1, len(photos) // n)][:n]
if not os.path.isdir(target) or sum(len(f) for _, _, f in os.walk(target)) != len(chosen):
    shutil.rmtree(target, ignore_errors=True)
    for photo in chosen:
        folder = os.path.join(target, os.path.basename(os.path.dirname(photo)))
        os.makedirs(folder, exist_ok=True)
        link = os.path.join(folder, os.path.basename(photo))
        try: os.link(photo, link)
        except OSError: os.symlink(os.path.abspath(photo), link)
print(f"{target}: {len(chosen)} photos", file=sys.stderr)
PY

train() { # NAME [ENV...] -- extra train options
  local name=$1; shift
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done; shift
  env "${env[@]}" "$cli" train --data "$scratch/data" --out "$scratch/run-$name" --image-size 128 --epochs "$epochs" \
    --overwrite --quiet --follow-links --cache-dir "$scratch/cache" "$@" >"$out/$name.log" 2>&1 || { tail -20 "$out/$name.log" >&2; exit 1; }
  cp "$scratch/run-$name/history.csv" "$out/$name.history.csv"
  echo "$name: $(python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(' '.join(f\"epoch {x['epoch']} {float(x['images_per_second']):.1f} img/s ({float(x['seconds']):.0f} s)\" for x in r))" "$out/$name.history.csv") (load $(cut -d' ' -f1 /proc/loadavg))" >&2
}
busy() { sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $!; }

machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "machine: $machine; load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$cli" train --data "$scratch/data" --out "$scratch/run-warm" --image-size 128 --epochs 1 --overwrite --quiet --follow-links \
  --cache-dir "$scratch/cache" --model smallervggnet >/dev/null 2>&1 || true # decodes the photos into the cache
# RUNS picks runs (default all four); a run left out keeps its last result in bench/out/busy-machine.
for run in ${RUNS:-idle-today idle-default busy-today busy-default}; do
  loop=""
  case "$run" in busy-*) loop=$(busy); trap 'kill $loop 2>/dev/null || true' EXIT ;; esac
  case "$run" in
    *-today) train "$run" -- --fixed-threads ;;
    *-default) train "$run" -- ;;
    *-shortspin) train "$run" GOMP_SPINCOUNT=30000 -- ;;
  esac
  [ -z "$loop" ] || { kill "$loop"; trap - EXIT; }
done

python3 - "$out" "$machine" "$images" <<'PY'
import csv, json, sys
out, machine, images = sys.argv[1:4]
runs = {}
for name in ("idle-today", "idle-default", "busy-today", "busy-default"):
    rows = list(csv.DictReader(open(f"{out}/{name}.history.csv")))
    runs[name] = [float(r["images_per_second"]) for r in rows]
print(f"\nmachine: {machine}; {images} photos at 128 px, default recipe; images/s per epoch\n")
print("| run | epoch 1 | last epoch | last epoch vs idle default |")
print("|---|---:|---:|---:|")
for name, speeds in runs.items():
    print(f"| {name} | {speeds[0]:.1f} | {speeds[-1]:.1f} | {speeds[-1] / runs['idle-default'][-1]:.0%} |")
result = {"machine": machine, "images_per_second": runs,
          "busy_default_vs_idle_default": runs["busy-default"][-1] / runs["idle-default"][-1],
          "idle_default_vs_idle_today": runs["idle-default"][-1] / runs["idle-today"][-1]}
print(f"\nbusy/idle (default): {result['busy_default_vs_idle_default']:.0%} (target >= 50 %); "
      f"idle default/today: {result['idle_default_vs_idle_today']:.0%} (target >= 95 %)")
json.dump(result, open(f"{out}.json", "w"), indent=2)
PY
