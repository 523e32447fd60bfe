"""PyTorch reference for `npm run bench`: the dlkit MNIST CNN (packages/vision/src/models/mnist-cnn.ts),
layer for layer, timed on the CPU with 2 threads.

Usage: python3 mnist_cnn.py train|infer [--batch N] [--seconds S]
Prints one JSON line: {"samplesPerSec": x, "peakRssMb": x, "torch": "<version>", "threads": 2}
"""
import argparse
import json
import resource
import time

import torch
import torch.nn as nn


def mnist_cnn():
    # Mirrors mnistCnn(): conv5x5(16)-ReLU-pool-BN, conv5x5(32)-ReLU-pool-BN,
    # flatten, dense 128 ReLU, dense 10 (softmax folded into the loss / applied at inference).
    return nn.Sequential(
        nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.BatchNorm2d(16, eps=1e-3, momentum=0.1),
        nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2), nn.BatchNorm2d(32, eps=1e-3, momentum=0.1),
        nn.Flatten(), nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, 10),
    )


def timed(step, seconds, batch):
    for _ in range(3):  # warm-up
        step()
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        n += batch
    return n / (time.perf_counter() - start)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["train", "infer"])
    p.add_argument("--batch", type=int, default=None)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = mnist_cnn()
    batch = a.batch or (64 if a.mode == "train" else 256)
    x = torch.rand(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))
    if a.mode == "train":
        model.train()
        opt = torch.optim.Adam(model.parameters(), 1e-3)

        def step():
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            loss.item()
    else:
        model.eval()

        def step():
            with torch.no_grad():
                torch.softmax(model(x), 1).sum().item()

    rate = timed(step, a.seconds, batch)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB -> MB on Linux
    print(json.dumps({"samplesPerSec": rate, "peakRssMb": peak, "torch": torch.__version__, "threads": a.threads}))


if __name__ == "__main__":
    main()
