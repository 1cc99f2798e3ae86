#!/usr/bin/python3
"""Writes the PyTorch parity fixtures for a small MNIST CNN (Conv2d, BatchNorm over channels and over
features, ReLU, MaxPool2d, AvgPool2d, Flatten, Dropout, Linear).

Run once, from the repository root, with Debian's python3-torch:

    /usr/bin/python3 runtime/src/test/python/make_cnn_parity_fixtures.py

The network (input (1, 28, 28)), stage by stage, with Lamina's parameter names:

  conv1  Conv2d(1, 8, k3, p1), BatchNorm2d(8), ReLU, MaxPool2d(2)            -> (8, 14, 14)
  conv2  Conv2d(8, 16, k3, p2, d2), BatchNorm2d(16), ReLU, AvgPool2d(3, s2, p1) -> (16, 7, 7)
  conv3  Conv2d(16, 16, k3, s2, p1), ReLU                                      -> (16, 4, 4)
  head   Flatten, BatchNorm1d(256), Dropout(0.25), Linear(256, 10)            -> (10)

AvgPool2d counts padding zeros (count_include_pad=True, PyTorch's default); ceil_mode is off everywhere.
A Conv2d's and a Linear's parameters live on the stage itself (conv1.weight (8, 1, 3, 3), conv1.bias,
head.weight (10, 256), head.bias), BatchNorm is the submodule bn (conv1.bn.weight, .bias, .running_mean,
.running_var).

It writes into runtime/src/test/resources/parity/cnn/:

  weights.safetensors  every parameter and running statistic under Lamina's names, which are this module's
                       state_dict names minus BatchNorm's num_batches_tracked;
  fixture.safetensors  input           the first 16 MNIST test images, pixels / 255, shape (16, 1, 28, 28)
                       eval.output     the eval-mode output for input, shape (16, 10)
                       train.output    the train-mode output for input with Dropout off (p = 0; Dropout's
                                       random mask cannot match across implementations) and BatchNorm using
                                       and updating batch statistics, shape (16, 10)
                       train.<stage>.bn.running_mean / running_var
                                       the running statistics after that one train-mode forward pass.

The safetensors files are written by hand (no safetensors or numpy package needed). Everything is seeded and
computed on one thread, so the output is the same on every run.
"""

import csv
import gzip
import json
import os
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

SEED = 20240917
BATCH = 16
EPS = 1e-5
MOMENTUM = 0.1
DROPOUT = 0.25

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "resources", "parity", "cnn"))
MNIST_TEST = os.environ.get("LAMINA_MNIST_TEST", "/work/shared/data/mnist/mnist_test.csv.gz")

BN_STAGES = ("conv1", "conv2", "head")


class ConvStage(nn.Module):
    """Conv2d (weight and bias on the stage) -> optional BatchNorm2d (submodule bn) -> ReLU -> optional pool."""

    def __init__(self, in_channels, out_channels, kernel, stride, padding, dilation, batch_norm, pool):
        super().__init__()
        conv = nn.Conv2d(in_channels, out_channels, kernel, stride=stride, padding=padding, dilation=dilation)
        self.weight = conv.weight  # PyTorch's default initialisation
        self.bias = conv.bias
        self.options = dict(stride=stride, padding=padding, dilation=dilation)
        self.bn = nn.BatchNorm2d(out_channels, eps=EPS, momentum=MOMENTUM) if batch_norm else None
        self.pool = pool

    def forward(self, x):
        x = F.conv2d(x, self.weight, self.bias, **self.options)
        if self.bn is not None:
            x = self.bn(x)
        x = F.relu(x)
        return self.pool(x) if self.pool is not None else x


class HeadStage(nn.Module):
    """Flatten -> BatchNorm1d (submodule bn) -> Dropout -> Linear (weight and bias on the stage)."""

    def __init__(self, features, out_features, p):
        super().__init__()
        linear = nn.Linear(features, out_features)
        self.weight = linear.weight
        self.bias = linear.bias
        self.flatten = nn.Flatten()
        self.bn = nn.BatchNorm1d(features, eps=EPS, momentum=MOMENTUM)
        self.dropout = nn.Dropout(p)

    def forward(self, x):
        return F.linear(self.dropout(self.bn(self.flatten(x))), self.weight, self.bias)


class MnistCnnParity(nn.Module):
    def __init__(self, p=DROPOUT):
        super().__init__()
        self.conv1 = ConvStage(1, 8, 3, 1, 1, 1, True, nn.MaxPool2d(2, stride=2, padding=0))
        self.conv2 = ConvStage(8, 16, 3, 1, 2, 2, True,
                               nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=True))
        self.conv3 = ConvStage(16, 16, 3, 2, 1, 1, False, None)
        self.head = HeadStage(16 * 4 * 4, 10, p)

    def forward(self, x):
        return self.head(self.conv3(self.conv2(self.conv1(x))))


def lamina_state(model):
    """The state_dict under Lamina's names: everything but num_batches_tracked."""
    return {
        name: tensor.detach().clone()
        for name, tensor in model.state_dict().items()
        if not name.endswith("num_batches_tracked")
    }


def write_safetensors(path, tensors, metadata):
    """Writes float32 tensors in the safetensors layout: u64 LE header length, JSON header, raw LE data."""
    header = {"__metadata__": dict(metadata)}
    chunks = []
    offset = 0
    for name, tensor in tensors.items():
        values = tensor.detach().to(torch.float32).contiguous().reshape(-1).tolist()
        data = struct.pack("<%df" % len(values), *values)
        header[name] = {
            "dtype": "F32",
            "shape": list(tensor.shape),
            "data_offsets": [offset, offset + len(data)],
        }
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":"))
    text += " " * ((8 - len(text) % 8) % 8)
    encoded = text.encode("utf-8")
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(encoded)))
        out.write(encoded)
        for chunk in chunks:
            out.write(chunk)


def mnist_images(count):
    """The first count MNIST test images as (count, 1, 28, 28), pixels / 255."""
    rows = []
    with gzip.open(MNIST_TEST, "rt", newline="") as f:
        for row in csv.reader(f):
            if not row[0].strip().isdigit():  # a header line, if the file has one
                continue
            pixels = [float(v) / 255.0 for v in row[1:]]
            if len(pixels) != 784:
                sys.exit("unexpected MNIST row of %d pixels" % len(pixels))
            rows.append(pixels)
            if len(rows) == count:
                break
    if len(rows) != count:
        sys.exit("%s holds only %d images" % (MNIST_TEST, len(rows)))
    return torch.tensor(rows, dtype=torch.float32).reshape(count, 1, 28, 28)


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)

    model = MnistCnnParity()
    # Non-trivial BatchNorm state, so that eval mode really tests gamma, beta and the running statistics.
    generator = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        for stage in BN_STAGES:
            bn = getattr(model, stage).bn
            n = bn.num_features
            bn.weight.copy_(torch.empty(n).uniform_(0.5, 1.5, generator=generator))
            bn.bias.copy_(torch.randn(n, generator=generator) * 0.2)
            bn.running_mean.copy_(torch.randn(n, generator=generator) * 0.3)
            bn.running_var.copy_(torch.empty(n).uniform_(0.3, 2.0, generator=generator))

    weights = lamina_state(model)
    x = mnist_images(BATCH)

    with torch.no_grad():
        model.eval()
        eval_output = model(x)

        # Train mode without Dropout: BatchNorm normalises with the batch statistics (over N, H and W for
        # BatchNorm2d) and updates its running statistics (momentum 0.1 on the new batch, unbiased variance).
        model.train()
        model.head.dropout.p = 0.0
        train_output = model(x)
        after = lamina_state(model)

    metadata = {
        "generator": "runtime/src/test/python/make_cnn_parity_fixtures.py",
        "torch": torch.__version__,
        "seed": str(SEED),
        "lamina.network": "MnistCnnParity",
    }
    os.makedirs(OUT_DIR, exist_ok=True)
    write_safetensors(os.path.join(OUT_DIR, "weights.safetensors"), weights, metadata)
    fixture = {
        "input": x,
        "eval.output": eval_output,
        "train.output": train_output,
    }
    for stage in BN_STAGES:
        for stat in ("running_mean", "running_var"):
            fixture["train.%s.bn.%s" % (stage, stat)] = after["%s.bn.%s" % (stage, stat)]
    fixture_metadata = dict(metadata)
    del fixture_metadata["lamina.network"]
    write_safetensors(os.path.join(OUT_DIR, "fixture.safetensors"), fixture, fixture_metadata)

    print("torch %s, wrote %s" % (torch.__version__, OUT_DIR))
    for name, tensor in list(weights.items()) + list(fixture.items()):
        print("  %-32s %-16s mean %+.5f std %.5f" % (
            name, tuple(tensor.shape), tensor.float().mean().item(), tensor.float().std().item()))


if __name__ == "__main__":
    main()
