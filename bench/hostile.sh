#!/usr/bin/env bash
# What hostile images cost `multilabel serve` (issue 14's targets): the server's peak RSS while 8
# clients post a 13,000²-declared PNG bomb at once (target: below 1.5 GB), and the time to refuse a
# 4 KB JPEG whose header declares 65,500² (target: under 100 ms; curl's total, loopback included).
# The model is an untrained resnet18-imagenet at 128 px, as in serve-load.sh (no training needed).
#   bench/hostile.sh          # ROUNDS=5 (rounds of 8 concurrent bombs), JPEGS=20
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. bench/lib/common.sh

ROUNDS=${ROUNDS:-5}
JPEGS=${JPEGS:-20}
OUT=bench/out/hostile
mkdir -p "$OUT"

build_serve_tools
"$CLIENT" make-bundle "$OUT/model.mlpkg" resnet18-imagenet 128 samples/apparel-mini 2>&1 | grep -v NNPACK >&2 || true

# The bombs, built here: a PNG whose IHDR declares 13,000² RGB with a few rows of zeros, and a real
# JPEG from the samples whose frame header is rewritten to declare 65,500².
python3 - "$OUT" <<'EOF'
import glob, struct, sys, zlib
out = sys.argv[1]
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
w = h = 13000
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(bytes(4 * (3 * w + 1)), 9)) + chunk(b"IEND", b"")
open(f"{out}/bomb.png", "wb").write(png)
jpeg = bytearray(open(sorted(glob.glob("samples/apparel-mini/*/*.jpg"))[0], "rb").read())
i = 2
while i + 9 < len(jpeg):
    if jpeg[i] == 0xFF and jpeg[i + 1] in (0xC0, 0xC1, 0xC2):
        struct.pack_into(">HH", jpeg, i + 5, 65500, 65500)
        break
    i += 1
open(f"{out}/bomb.jpg", "wb").write(jpeg)
EOF
echo "bombs: $(stat -c %s "$OUT/bomb.png") B PNG declaring 13000x13000, $(stat -c %s "$OUT/bomb.jpg") B JPEG declaring 65500x65500" >&2

start_server "$OUT/model.mlpkg" "$OUT/serve.log"
rss_mb() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$server/status"; }
hwm_mb() { awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$server/status"; }

# Warm: one real image through the model, so the baseline holds the network's working memory.
images=(samples/apparel-mini/*/*.jpg)
curl -fs -o /dev/null -F "image=@${images[0]}" "$url/v1/predict"
ready=$(rss_mb)

echo "$ROUNDS rounds of 8 concurrent PNG bombs..." >&2
codes=()
for _ in $(seq 1 "$ROUNDS"); do
  for _ in $(seq 1 8); do
    curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: image/png' --data-binary "@$OUT/bomb.png" "$url/v1/predict" >>"$OUT/codes.txt" &
  done
  wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
done
peak=$(hwm_mb)
bomb_codes=$(sort "$OUT/codes.txt" | uniq -c | awk '{printf "%s×%s ", $1, $2}'); rm -f "$OUT/codes.txt"

echo "$JPEGS sequential 65,500² JPEG bombs..." >&2
times=$(for _ in $(seq 1 "$JPEGS"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: image/jpeg' --data-binary "@$OUT/bomb.jpg" "$url/v1/predict"
done)
jpeg_codes=$(awk '{print $1}' <<<"$times" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
read -r median worst < <(awk '{print $2 * 1000}' <<<"$times" | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int((NR+1)/2)], a[NR]}')
healthy=$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")
kill -TERM $server && wait $server || true

cat <<EOF
machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)
serve RSS after one real prediction: ${ready} MB
PNG bombs (13,000² declared, 8 concurrent × $ROUNDS rounds): answers ${bomb_codes}; peak RSS ${peak} MB (target < 1536 MB)
JPEG bombs (65,500² declared, $JPEGS sequential): answers ${jpeg_codes}; time to refusal median ${median} ms, worst ${worst} ms (target < 100 ms)
/healthz afterwards: ${healthy}
EOF
