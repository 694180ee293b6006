#!/usr/bin/env bash
# The project against its Python peer (PyTorch from Debian's python3-torch), same machine, same threads:
# training throughput (bare loop and the full Learner.Fit epoch), inference throughput and latency through
# each engine, peak memory of training on the apparel set. Prints one table; writes bench/out/results.json.
# Usage: bench/run.sh [--quick] [--threads 2] [--data DIR]     (--quick finishes within 20 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/lib/common.sh"
data=$(apparel_dataset)
if ! /usr/bin/python3 -c "import torch, torchvision" 2>/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing the Python peer (python3-torch, python3-torchvision)..." >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch python3-torchvision >/dev/null
fi
dotnet build "$root/bench/PeerBench/PeerBench.csproj" -c Release -v quiet -nologo >&2
exec /usr/bin/python3 "$root/bench/python/compare.py" --data "${data:?no apparel dataset found; set MULTILABEL_DATASETS}" "$@"
