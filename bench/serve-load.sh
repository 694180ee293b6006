#!/usr/bin/env bash
# Load benchmark of `multilabel serve`, bounded: REQUESTS single-image requests (default 400) from
# CONCURRENCY clients (default 8) on loopback, against the offline batch throughput of the same
# images through Predictor, measured in the same run (before and after the load, averaged, since
# the machine may be shared). The model is an untrained resnet18-imagenet
# at 128 px (the default recipe's cost; no training needed). Target: zero errors and a served
# throughput of at least 80% of the offline one. Then an overload at 4x the served rate (open loop): accepted requests
# keep p99 under 1 s, the rest get 503 (--max-queue), no other answer.
#   bench/serve-load.sh                 # REQUESTS=400 CONCURRENCY=8 ARCH=resnet18-imagenet SIZE=128
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. bench/lib/common.sh

REQUESTS=${REQUESTS:-400}
CONCURRENCY=${CONCURRENCY:-8}
ARCH=${ARCH:-resnet18-imagenet}
SIZE=${SIZE:-128}
IMAGES=samples/apparel-mini
OUT=bench/out/serve-load
mkdir -p "$OUT"

build_serve_tools

"$CLIENT" make-bundle "$OUT/model.mlpkg" "$ARCH" "$SIZE" "$IMAGES" 2>&1 | grep -v NNPACK >&2
echo "offline batch prediction of $REQUESTS images..." >&2
offline_before=$(timeout 600 "$CLIENT" offline "$OUT/model.mlpkg" "$IMAGES" "$REQUESTS" 2> >(grep -v NNPACK >&2 || true))

# shellcheck disable=SC2086 # SERVE_ARGS holds options, split into words on purpose
start_server "$OUT/model.mlpkg" "$OUT/serve.log" ${SERVE_ARGS:-}

echo "load: $REQUESTS requests from $CONCURRENCY clients on $url..." >&2
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # utime + stime of the server
status=0
ticks_before=$(cpu_ticks)
load=$(timeout 600 "$CLIENT" load "$url" "$IMAGES" "$REQUESTS" "$CONCURRENCY") || status=$?
ticks_after=$(cpu_ticks)
metrics=$(curl -fs "$url/metrics")
# Overload: open-loop arrivals at OVERLOAD (default 4) times the rate just served, for OVERLOAD_SECONDS (default 20).
# Target: accepted requests' p99 under 1 s, every other answer a 503, nothing else.
rate=$(python3 -c "import sys; print(f'{float(sys.argv[1]) * float(sys.argv[2]):.1f}')" \
  "$(sed -n 's/.*requests_per_second=\([^ ]*\).*/\1/p' <<<"$load")" "${OVERLOAD:-4}")
echo "overload: $rate requests/s for ${OVERLOAD_SECONDS:-20} s..." >&2
overload=$(timeout 600 "$CLIENT" overload "$url" "$IMAGES" "$rate" "${OVERLOAD_SECONDS:-20}") || status=$?
rejected=$(curl -fs "$url/metrics" | awk '/^multilabel_requests_rejected_total /{print $2}')
kill -TERM $server && wait $server || true
trap - EXIT
echo "offline batch prediction again..." >&2
offline_after=$(timeout 600 "$CLIENT" offline "$OUT/model.mlpkg" "$IMAGES" "$REQUESTS" 2> >(grep -v NNPACK >&2 || true))

value() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
batches=$(awk '/^multilabel_batch_size_count /{print $2}' <<<"$metrics")
batched=$(awk '/^multilabel_batch_size_sum /{print $2}' <<<"$metrics")
served=$(value requests_per_second "$load")
python3 - "$served" "$(value offline_images_per_second "$offline_before")" "$(value offline_images_per_second "$offline_after")" \
  "$batches" "$batched" "$(value offline_cpu_ms_per_image "$offline_before")" "$(value offline_cpu_ms_per_image "$offline_after")" \
  "$((ticks_after - ticks_before))" "$(getconf CLK_TCK)" "$((REQUESTS + 2 * CONCURRENCY))" <<'PY'
import sys
served, before, after, batches, images, cpu_before, cpu_after, ticks, tck, requests = (float(v) for v in sys.argv[1:])
offline = (before + after) / 2
print(f"served {served:.1f} img/s vs offline {offline:.1f} img/s (before {before:.1f}, after {after:.1f}): "
      f"{served / offline:.0%} (target >= 80%); mean batch size {images / batches:.1f} over {batches:.0f} passes")
server_cpu = ticks / tck * 1000 / requests  # the load run sends 2 x concurrency warm-up requests too
offline_cpu = (cpu_before + cpu_after) / 2
print(f"CPU per image: server {server_cpu:.1f} ms (HTTP, decode, model) vs offline {offline_cpu:.1f} ms: "
      f"offline/server {offline_cpu / server_cpu:.0%}")
PY
echo "before: $offline_before"
echo "load:   $load"
echo "after:  $offline_after"
echo "overload: $overload (/metrics counted $rejected rejections)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
exit $status
