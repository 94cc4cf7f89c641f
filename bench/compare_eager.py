#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Inference speed of TagLens against PyTorch eager, in the same run.

Runs `taglens-cli bench` and PyTorch eager (torchvision's inception_v3, eval, channels_last,
inference_mode, the same number of threads) on the same weights, alternating rounds so that
both see the same machine state, and prints images/s for each and their ratio.

Usage: /usr/bin/python3 bench/compare_eager.py --cli build/app/cli/taglens-cli --weights W.pth
       [--threads 2] [--batch 8] [--images 48] [--rounds 3]
Debian's /usr/bin/python3 has python3-torch and python3-torchvision; the python3 first on
PATH may not.
"""
import argparse
import re
import statistics
import subprocess
import sys
import time

import torch
import torchvision


def eager_rate(model, batch, images):
    x = torch.randn(batch, 3, 299, 299).contiguous(memory_format=torch.channels_last)
    with torch.inference_mode():
        model(x)  # warm-up
        rounds = max(1, images // batch)
        start = time.perf_counter()
        for _ in range(rounds):
            model(x)
        return rounds * batch / (time.perf_counter() - start)


def taglens_rate(cli, weights, threads, batch, images):
    out = subprocess.run([cli, "bench", "--model", weights, "--threads", str(threads),
                          "--batches", str(batch), "--images", str(images)],
                         check=True, capture_output=True, text=True).stdout
    match = re.search(r"batch\s+%d:\s+([0-9.]+) img/s" % batch, out)
    if not match:
        sys.exit("unexpected taglens-cli bench output:\n" + out)
    extra = [line for line in out.splitlines() if line.startswith(("decode", "preprocess"))]
    return float(match.group(1)), extra


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--weights", required=True, help="an Inception-v3 state_dict (.pth)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--images", type=int, default=48)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    model = torchvision.models.inception_v3(weights=None, aux_logits=True, init_weights=False,
                                            transform_input=True)
    model.load_state_dict(torch.load(args.weights))
    model.eval()
    model = model.to(memory_format=torch.channels_last)

    eager, ours, extra = [], [], []
    for r in range(args.rounds):
        eager.append(eager_rate(model, args.batch, args.images))
        rate, extra = taglens_rate(args.cli, args.weights, args.threads, args.batch, args.images)
        ours.append(rate)
        print(f"round {r + 1}: pytorch eager channels_last {eager[-1]:.2f} img/s, taglens {ours[-1]:.2f} img/s",
              flush=True)
    e, t = statistics.median(eager), statistics.median(ours)
    for line in extra:
        print(line)
    print(f"pytorch eager channels_last: {e:.2f} img/s (median of {args.rounds})")
    print(f"taglens: {t:.2f} img/s (median of {args.rounds})")
    print(f"ratio taglens / eager: {t / e:.3f}")


if __name__ == "__main__":
    main()
