#!/usr/bin/env python3
"""Sporadic NaN input gradients from oneDNN's backward convolution (seen with libtorch 2.7.1, oneDNN 3.7.1).

Two stacked convolutions, Conv2d(1, 3, 3, padding=1) then Conv2d(3, 3, 3, padding=1), a fixed batch of 32
1x28x28 inputs and a fixed linear loss. The same backward pass is repeated; before each one, NaN-filled
tensors of 2,304 floats (16 x 16 x 3 x 3: the second convolution's weights in oneDNN's 16x16-padded
blocked layout) are allocated and freed, so the memory the backward pass gets holds NaN. The first
convolution's weight gradient should be finite and identical in every pass.

  python3 repro.py [--passes 300] [--poison 3] [--mkldnn on|off]

Seen with libtorch 2.7.1 (through DJL, 1 thread, AVX-512 CPU, `ONEDNN_VERBOSE=1` shows
`jit:avx512_core backward_data`): with oneDNN on, NaN in about two passes of three with --poison 3 and in
1 to 50 of 3,000 without; with oneDNN off, none. Debian's torch 1.13 (oneDNN 2.6.3): none either way.
"""
import argparse

import torch
from torch import nn


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--passes", type=int, default=300)
    p.add_argument("--poison", type=int, default=3)
    p.add_argument("--mkldnn", choices=["on", "off"], default="on")
    args = p.parse_args()
    torch.set_num_threads(1)
    torch.backends.mkldnn.enabled = args.mkldnn == "on"
    torch.manual_seed(1)
    net = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(3, 3, 3, padding=1), nn.Flatten())
    g = torch.Generator().manual_seed(3)
    x = torch.rand(32, 1, 28, 28, generator=g)
    loss_weights = torch.randn(32, 3 * 784, generator=g)
    first, non_finite, differing = None, 0, 0
    for _ in range(args.passes):
        for _ in range(args.poison):
            torch.full((16 * 16 * 9,), float("nan"))  # allocated and freed at once
        net.zero_grad(set_to_none=False)
        (net(x.clone()) * loss_weights).sum().backward()
        grad = net[0].weight.grad.clone()
        if not torch.isfinite(grad).all():
            non_finite += 1
        elif first is None:
            first = grad
        elif not torch.equal(first, grad):
            differing += 1
    print("torch %s, mkldnn %s, %d poisoned block(s) per pass: conv1.weight gradient not finite in %d and not"
          " identical to the first pass in %d of %d identical backward passes"
          % (torch.__version__, args.mkldnn, args.poison, non_finite, differing, args.passes))
    return 1 if non_finite or differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
