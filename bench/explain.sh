#!/usr/bin/env bash
# Explaining 32 images against predicting them, on the torch engine (issue 13: at most 3x).
# Usage: bench/explain.sh MODEL [IMAGES_DIR] [--rounds N] [--threads N]
#   MODEL       a model.mlpkg, e.g. one trained briefly on the samples:
#               multilabel train --data samples/apparel-mini --out runs/m --epochs 2
#   IMAGES_DIR  the images (default samples/apparel-holdout; the first 32 by name are used)
# Run it alone on the machine (flock /work/locks/cpu bench/explain.sh ...): it times CPU work.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
model="${1:?usage: bench/explain.sh MODEL [IMAGES_DIR] [--rounds N] [--threads N]}"
shift
images="$root/samples/apparel-holdout"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then images="$1"; shift; fi
dotnet build "$root/bench/ExplainBench/ExplainBench.csproj" -c Release -v quiet -nologo >&2
exec dotnet "$root/bench/ExplainBench/bin/Release/net10.0/linux-x64/ExplainBench.dll" "$model" "$images" "$@"
