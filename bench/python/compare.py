#!/usr/bin/env python3
"""bench/run.sh's driver: runs the same work in C# (bench/PeerBench) and in Python (peer.py), alternating
and repeated, prints one table with each figure and the C#/Python ratio, and writes bench/out/results.json."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "bench", "out")
CSHARP = ["dotnet", os.path.join(ROOT, "bench", "PeerBench", "bin", "Release", "net10.0", "linux-x64", "PeerBench.dll")]
PYTHON = ["/usr/bin/python3", os.path.join(HERE, "peer.py")]
# MultiLabel tunes glibc's malloc in-process (Native/MallocTuning.cs); the same settings, given to the Python
# peer through the environment, show how much of the lead is that tuning (reported beside, not in the ratios).
TUNED_MALLOC = {"MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": "2147483647"}


def run(command, env=None):
    started = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=None if env is None else {**os.environ, **env})
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"failed: {' '.join(command)}")
    line = [l for l in result.stdout.splitlines() if l.startswith("{")][-1]
    value = json.loads(line)
    value["wall_seconds"] = time.time() - started
    return value


def alternate(name, csharp, python, repeats, log):
    """Runs both sides `repeats` times, alternating which goes first; returns the median of each figure."""
    runs = {"cs": [], "py": []}
    for r in range(repeats):
        order = [("cs", csharp), ("py", python)] if r % 2 == 0 else [("py", python), ("cs", csharp)]
        for side, command in order:
            if command is None:
                continue
            value = run(command)
            runs[side].append(value)
            log(f"  {name} [{side}] run {r + 1}: " + ", ".join(f"{k}={v:.4g}" for k, v in value.items() if isinstance(v, float)))
    return {side: median_of(values) for side, values in runs.items() if values}


def median_of(values):
    keys = [k for k, v in values[0].items() if isinstance(v, (int, float))]
    return {k: statistics.median(v[k] for v in values) for k in keys}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--data", required=True)
    parser.add_argument("--engines", default="torch,onnx")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    quick = args.quick
    repeats = 2 if quick else 3
    t = ["--threads", str(args.threads)]
    engines = args.engines.split(",")
    log_lines = []

    def log(text):
        print(text, file=sys.stderr, flush=True)
        log_lines.append(text)

    log(f"# bench/run.sh{' --quick' if quick else ''}: {args.threads} threads, {repeats} alternating repeats, load {os.getloadavg()[0]:.2f}")
    rows = []
    pipeline_shares = {}
    cache = os.path.join(OUT, "cache")

    # Training: the bare loop in both languages, and the project's full Learner.Fit epoch.
    for model, size, bare_steps, fit_images in [("resnet18", 128, 8 if quick else 20, 256 if quick else 640),
                                                 ("resnet50", 224, 6 if quick else 12, 96 if quick else 192)]:
        common = ["--model", model, "--size", str(size), "--batch", "16"] + t
        bare = alternate(f"train-bare {model}@{size}",
                         CSHARP + ["train-bare", "--steps", str(bare_steps), "--warmup", "2"] + common,
                         PYTHON + ["train-bare", "--steps", str(bare_steps), "--warmup", "2"] + common, repeats, log)
        fit = alternate(f"train-fit {model}@{size}",
                        CSHARP + ["train-fit", "--data", args.data, "--images", str(fit_images), "--cache", cache] + common,
                        None, repeats, log)
        tuned = run(PYTHON + ["train-bare", "--steps", str(bare_steps), "--warmup", "2"] + common, env=TUNED_MALLOC)
        log(f"  train-bare {model}@{size} [py, MultiLabel's malloc settings]: images_per_second={tuned['images_per_second']:.4g}")
        pipeline = run(CSHARP + ["pipeline", "--data", args.data, "--size", str(size), "--batch", "16", "--cache", cache] + t)
        step_ms = 1000 * 16 / bare["cs"]["images_per_second"]
        share = pipeline["ms_per_batch"] / step_ms
        log(f"  data pipeline {model}@{size}: {pipeline['ms_per_batch']:.1f} ms per batch of 16 = {100 * share:.1f}% of a {step_ms:.0f} ms step")
        py = bare["py"]["images_per_second"]
        rows.append((f"train bare loop {model} {size}px b16", "images/s", bare["cs"]["images_per_second"], py))
        rows.append((f"train Learner.Fit {model} {size}px b16 (vs Python bare)", "images/s", fit["cs"]["images_per_second"], py))
        rows.append((f"  (Python bare loop with MultiLabel's malloc settings)", "images/s", bare["cs"]["images_per_second"], tuned["images_per_second"]))
        rows.append((f"data pipeline (copy, augment, normalise) share of a {model} {size}px step", "%", 100 * share, None))
        pipeline_shares[f"{model}_{size}"] = share

    # Inference over the same decoded images.
    count32, count1 = (256, 100) if quick else (500, 500)
    for size in (128, 224):
        images = os.path.join(OUT, f"images-{size}.u8")
        run(CSHARP + ["images", "--data", args.data, "--size", str(size), "--count", "500", "--out", images, "--cache", cache])
        for batch, count in ((32, count32), (1, count1)):
            common = ["--size", str(size), "--batch", str(batch), "--images", images, "--count", str(count)] + t
            python = None
            results = {}
            for engine in engines:
                pair = alternate(f"infer {engine} {size}px b{batch}", CSHARP + ["infer", "--engine", engine] + common,
                                 PYTHON + ["infer", "--model", "resnet18-imagenet"] + common if engine == engines[0] else None,
                                 repeats, log)
                results[engine] = pair["cs"]
                if "py" in pair:
                    python = pair["py"]
            for engine, value in results.items():
                rows.append((f"infer {engine} resnet18-imagenet {size}px b{batch}", "images/s", value["images_per_second"], python["images_per_second"]))
                if batch == 1:
                    rows.append((f"infer {engine} resnet18-imagenet {size}px b1 latency p50", "ms", value["p50_ms"], python["p50_ms"]))
                    rows.append((f"infer {engine} resnet18-imagenet {size}px b1 latency p99", "ms", value["p99_ms"], python["p99_ms"]))

    # Peak memory of training on the full apparel set at 128 px (the default recipe's batch of 32).
    steps = ["--steps", "40"] if quick else []
    rss = run(CSHARP + ["train-fit", "--data", args.data, "--model", "resnet18-imagenet", "--size", "128", "--batch", "32",
                        "--cache", cache] + steps + t)
    log(f"  peak RSS of training on {rss['train_images']} images at 128 px ({'first 40 steps' if quick else 'one full epoch'}): {rss['peak_rss_mb']:.0f} MB")
    rows.append((f"peak RSS, training {int(rss['train_images'])} apparel images 128px" + (" (40 steps)" if quick else " (1 epoch)"), "MB", rss["peak_rss_mb"], None))

    def ratio(cs, py):
        return cs / py if py else None

    print()
    print(f"| work | unit | C# | Python | C#/Python |")
    print(f"|---|---|---:|---:|---:|")
    for name, unit, cs, py in rows:
        r = ratio(cs, py)
        print(f"| {name} | {unit} | {cs:.1f} | {'' if py is None else f'{py:.1f}'} | {'' if r is None else f'{r:.2f}'} |")

    def find(prefix, unit):
        return [(n, c, p) for n, u, c, p in rows if n.startswith(prefix) and u == unit]

    fit_ratios = [c / p for n, c, p in find("train Learner.Fit", "images/s")]
    best = {}
    for size in (128, 224):
        options = [(c, p) for n, c, p in find("infer ", "images/s") if f"{size}px b32" in n]
        best[size] = max(c for c, _ in options) / options[0][1]
    latency = {}
    for size in (128, 224):
        options = [(c, p) for n, c, p in find("infer ", "ms") if f"{size}px b1 latency p50" in n]
        latency[size] = min(c for c, _ in options) / options[0][1]
    results = {
        "train_fit_vs_python_bare": min(fit_ratios),
        "inference_best_vs_python": min(best.values()),
        "latency_b1_vs_python": max(latency.values()),
        "peak_rss_mb": rss["peak_rss_mb"],
        "quick": quick,
        "threads": args.threads,
        "detail": {
            "train_fit_vs_python_bare": dict(zip(["resnet18_128", "resnet50_224"], fit_ratios)),
            "data_pipeline_share_of_step": pipeline_shares,
            "inference_best_vs_python_b32": {f"{k}px": v for k, v in best.items()},
            "latency_b1_p50_vs_python": {f"{k}px": v for k, v in latency.items()},
            "rows": [{"work": n, "unit": u, "csharp": c, "python": p} for n, u, c, p in rows],
        },
    }
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    print()
    print(json.dumps({k: v for k, v in results.items() if k != "detail"}, indent=2))


if __name__ == "__main__":
    main()
