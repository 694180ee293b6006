#!/usr/bin/env bash
# The ONNX wire format's cost where the project pays it: exporting a resnet18-imagenet (128 px) and a resnet50
# (224 px) to ONNX bytes, serialising alone, and reading the packaged ResNet18.onnx with every weight decoded.
# Prints the first (cold) run and the median of the next RUNS (default 7), in ms. Run it under the machine's CPU lock.
# Usage: bench/onnx-wire.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/bench/OnnxBench/OnnxBench.csproj" -c Release -v quiet -nologo >&2
exec dotnet "$root/bench/OnnxBench/bin/Release/net10.0/linux-x64/OnnxBench.dll" "$@"
