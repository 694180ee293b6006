#!/usr/bin/env bash
# Prediction engines benchmark: per-image latency at batch 1 (p50/p99) and throughput at batch 32 of the
# torch (TorchSharp) and onnx (ONNX Runtime) engines, resnet18-imagenet at 128 and 224 px, on real images.
# Usage: bench/engines.sh [--sizes 128,224] [--threads 2] [--engines torch,onnx,onnx-nhwc,torch-channels-last,torch-no-grad]
#                         [--latency-runs 200] [--throughput-batches 8] [--rounds 4] [--images DIR]
# Engines are measured in interleaved rounds, so load from elsewhere on the machine falls on all of them alike.
# torch-channels-last and torch-no-grad are variants of the torch engine kept for comparison (see TorchVariantEngine).
# Images default to the shared apparel dataset ($MULTILABEL_DATASETS/apparel, else ../shared/datasets/apparel
# beside the repo, else /work/shared/datasets/apparel); the repo's samples/apparel-mini is the last resort.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/lib/common.sh"
images=$(apparel_dataset "$root/samples/apparel-mini")
dotnet build "$root/bench/EngineBench/EngineBench.csproj" -c Release -v quiet -nologo >&2
exec dotnet "$root/bench/EngineBench/bin/Release/net10.0/linux-x64/EngineBench.dll" --images "$images" "$@"
