#!/usr/bin/env python3
"""The Python PyTorch peer of bench/run.sh: the same work as the C# side, timed the same way.

Tasks (one JSON object is printed on stdout):
  train-bare  forward + BCE-with-logits + backward + Adam step on in-memory tensors -> images/s
  infer       normalise + forward + sigmoid over pre-decoded uint8 images [N,3,S,S] -> images/s, p50/p99 ms
"""
import argparse
import json
import statistics
import time

import torch
import torchvision


def network(name, labels):
    from torchvision.models.resnet import BasicBlock, Bottleneck, ResNet
    if name in ("resnet18-imagenet", "resnet18x"):
        return ResNet(BasicBlock, [2, 2, 2, 3], num_classes=labels)  # the CNTK ResNet18 layout
    if name == "resnet18":
        return torchvision.models.resnet18(num_classes=labels)
    if name == "resnet50":
        return torchvision.models.resnet50(num_classes=labels)
    raise SystemExit(f"unknown model {name}")


def train_bare(args):
    torch.manual_seed(0)
    model = network(args.model, args.labels)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    x = torch.rand(args.batch, 3, args.size, args.size)
    y = (torch.rand(args.batch, args.labels) > 0.8).float()

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - start
    return {"images_per_second": args.batch * args.steps / seconds, "seconds": seconds}


def infer(args):
    torch.manual_seed(0)
    model = network(args.model, args.labels).eval()
    raw = open(args.images, "rb").read()
    per_image = 3 * args.size * args.size
    count = min(args.count, len(raw) // per_image)
    pixels = torch.frombuffer(bytearray(raw[: count * per_image]), dtype=torch.uint8).reshape(count, 3, args.size, args.size)
    mean = torch.tensor([123.15, 115.90, 103.06]).reshape(1, 3, 1, 1)

    def run(batch):
        with torch.inference_mode():
            return torch.sigmoid(model(batch.float() - mean))

    for i in range(args.warmup):
        run(pixels[i * args.batch % count:][: args.batch])
    latencies = []
    start = time.perf_counter()
    for first in range(0, count, args.batch):
        t = time.perf_counter()
        run(pixels[first: first + args.batch])
        latencies.append((time.perf_counter() - t) * 1000)
    seconds = time.perf_counter() - start
    latencies.sort()
    return {
        "images_per_second": count / seconds,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "images": count,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=["train-bare", "infer"])
    parser.add_argument("--model", default="resnet18")
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--labels", type=int, default=11)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--images", help="raw uint8 [N,3,S,S] file written by the C# side")
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    result = train_bare(args) if args.task == "train-bare" else infer(args)
    result.update(task=args.task, model=args.model, size=args.size, batch=args.batch, threads=args.threads,
                  torch=torch.__version__)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
