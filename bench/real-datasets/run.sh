#!/usr/bin/env bash
# The measurements behind the README's loss, threshold and scene figures (issue 15), re-runnable.
#   bash bench/real-datasets/run.sh OUT [WHAT...]     WHAT: demo scenes scenes-loss rare apparel (default: all)
# Writes seeded holdout/rest label files (absolute paths into the shared datasets) into OUT, trains the default
# recipe (or a loss variant) on the rest, evaluates on the holdout at 0.5 and with the stored thresholds, and runs the
# thresholds harness (validation and holdout probabilities, every tuning variant). Each job takes the shared CPU lock
# /work/locks/cpu when it exists. Wall times: README demo ~3 min, scenes ~15 min, rare-label apparel ~5 min per loss,
# full apparel ~35 min (2 quiet cores).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd); shift
what=${*:-demo scenes scenes-loss rare apparel}
export OMP_WAIT_POLICY=PASSIVE
dotnet build "$repo/src/MultiLabel.Cli" -c Release --nologo -v quiet
dotnet build "$here/thresholds" -c Release --nologo -v quiet
ml="$repo/src/MultiLabel.Cli/bin/Release/net10.0/linux-x64/multilabel.dll"
harness="$here/thresholds/bin/Release/net10.0/linux-x64/thresholds.dll"
lock() { if [ -e /work/locks/cpu ]; then flock /work/locks/cpu "$@"; else "$@"; fi; }
cd "$out"
python3 "$here/make_splits.py"; python3 "$here/make_rare.py"

job() { # job NAME TRAIN HOLDOUT [train options]
  local name=$1 train=$2 hold=$3; shift 3
  lock bash -c "
    start=\$(date +%s); uptime
    dotnet '$ml' train --data '$train' --out 'runs/$name' --overwrite --quiet $*
    echo train_wall \$((\$(date +%s)-start))
    dotnet '$ml' evaluate --model 'runs/$name/model.mlpkg' --data '$hold' --json --quiet > 'runs/$name/holdout-tuned.json'
    dotnet '$ml' evaluate --model 'runs/$name/model.mlpkg' --data '$hold' --json --quiet --threshold 0.5 > 'runs/$name/holdout-05.json'
    dotnet '$harness' 'runs/$name/model.mlpkg' '$train' '$hold'" | tee "$name.log"
}

for w in $what; do
  case $w in
    demo) job demo "$repo/samples/apparel-mini" "$repo/samples/apparel-holdout" --epochs 5 ;;
    scenes) job scenes-s1 scenes-s1-rest.csv scenes-s1-holdout.csv; job scenes-s2 scenes-s2-rest.csv scenes-s2-holdout.csv ;;
    scenes-loss) for loss in asl focal; do job "scenes-s1-$loss" scenes-s1-rest.csv scenes-s1-holdout.csv --loss $loss; done ;;
    rare) for loss in bce asl focal; do job "rare-$loss" rare-train.csv rare-test.csv --loss $loss; done
          job rare-bce-pw rare-train.csv rare-test.csv --pos-weight auto ;;
    apparel) job apparel-s1 apparel-s1-rest.csv apparel-s1-holdout.csv ;;
  esac
done
