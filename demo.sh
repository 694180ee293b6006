#!/usr/bin/env bash
# The main job on a fresh clone: build, train the default recipe (ImageNet ResNet18 fine-tuned at
# 128 px) on the shipped samples, evaluate it on the held-out samples, then predict their labels.
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-runs/demo}
dotnet build src/MultiLabel.Cli -c Release --nologo -v quiet
ml() { dotnet src/MultiLabel.Cli/bin/Release/net10.0/linux-x64/multilabel.dll "$@"; }
ml train --data samples/apparel-mini --out "$out" --epochs 5 --overwrite
ml evaluate --model "$out/model.mlpkg" --data samples/apparel-holdout --report "$out/report"
ml predict --model "$out/model.mlpkg" samples/apparel-holdout/red_dress samples/apparel-holdout/blue_shoes
