#!/usr/bin/python3
"""Writes the PyTorch parity fixtures for the seed MNIST network (784-300-BN-ReLU-Drop-300-BN-ReLU-Drop-10).

Run once, from the repository root, with Debian's python3-torch:

    /usr/bin/python3 runtime/src/test/python/make_parity_fixtures.py

It writes into runtime/src/test/resources/parity/seed-mlp/:

  weights.safetensors  the network's parameters and BatchNorm running statistics under Lamina's names
                       (hidden1.weight, hidden1.bn.running_mean, ...), which are this module's state_dict
                       names minus BatchNorm's num_batches_tracked;
  fixture.safetensors  input           the first 16 MNIST test images, pixels / 255, shape (16, 784)
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

SEED = 20240611
BATCH = 16
EPS = 1e-5
MOMENTUM = 0.1

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "resources", "parity", "seed-mlp"))
MNIST_TEST = os.environ.get("LAMINA_MNIST_TEST", "/work/shared/data/mnist/mnist_test.csv.gz")


class LinearBnStage(nn.Module):
    """Linear -> BatchNorm1d -> ReLU -> Dropout, with the Linear's parameters directly on the stage.

    state_dict names: weight, bias, bn.weight, bn.bias, bn.running_mean, bn.running_var
    (and bn.num_batches_tracked, which Lamina does not keep).
    """

    def __init__(self, in_features, out_features, p):
        super().__init__()
        linear = nn.Linear(in_features, out_features)  # PyTorch's default initialisation
        self.weight = linear.weight
        self.bias = linear.bias
        self.bn = nn.BatchNorm1d(out_features, eps=EPS, momentum=MOMENTUM)
        self.dropout = nn.Dropout(p)

    def forward(self, x):
        return self.dropout(F.relu(self.bn(F.linear(x, self.weight, self.bias))))


class LinearStage(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        linear = nn.Linear(in_features, out_features)
        self.weight = linear.weight
        self.bias = linear.bias

    def forward(self, x):
        return F.linear(x, self.weight, self.bias)


class MnistMlp(nn.Module):
    def __init__(self, p=0.2):
        super().__init__()
        self.hidden1 = LinearBnStage(784, 300, p)
        self.hidden2 = LinearBnStage(300, 300, p)
        self.logits = LinearStage(300, 10)

    def forward(self, x):
        return self.logits(self.hidden2(self.hidden1(x)))


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


def mnist_batch(count):
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
    return torch.tensor(rows, dtype=torch.float32)


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)

    model = MnistMlp(p=0.2)
    # Non-trivial BatchNorm state, so that eval mode really tests gamma, beta and the running statistics.
    generator = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        for stage in (model.hidden1, model.hidden2):
            n = stage.bn.num_features
            stage.bn.weight.copy_(torch.empty(n).uniform_(0.5, 1.5, generator=generator))
            stage.bn.bias.copy_(torch.randn(n, generator=generator) * 0.2)
            stage.bn.running_mean.copy_(torch.randn(n, generator=generator) * 0.3)
            stage.bn.running_var.copy_(torch.empty(n).uniform_(0.3, 2.0, generator=generator))

    weights = lamina_state(model)
    x = mnist_batch(BATCH)

    with torch.no_grad():
        model.eval()
        eval_output = model(x)

        # Train mode without Dropout: BatchNorm normalises with the batch statistics and updates its running
        # statistics (momentum 0.1 on the new batch, unbiased variance).
        model.train()
        for stage in (model.hidden1, model.hidden2):
            stage.dropout.p = 0.0
        train_output = model(x)
        after = lamina_state(model)

    metadata = {
        "generator": "runtime/src/test/python/make_parity_fixtures.py",
        "torch": torch.__version__,
        "seed": str(SEED),
        "lamina.network": "MnistMlp",
    }
    os.makedirs(OUT_DIR, exist_ok=True)
    write_safetensors(os.path.join(OUT_DIR, "weights.safetensors"), weights, metadata)
    fixture = {
        "input": x,
        "eval.output": eval_output,
        "train.output": train_output,
    }
    for stage in ("hidden1", "hidden2"):
        for stat in ("running_mean", "running_var"):
            fixture["train.%s.bn.%s" % (stage, stat)] = after["%s.bn.%s" % (stage, stat)]
    fixture_metadata = dict(metadata)
    del fixture_metadata["lamina.network"]
    write_safetensors(os.path.join(OUT_DIR, "fixture.safetensors"), fixture, fixture_metadata)

    print("torch %s, wrote %s" % (torch.__version__, OUT_DIR))
    for name, tensor in list(weights.items()) + list(fixture.items()):
        print("  %-32s %-12s mean %+.5f std %.5f" % (
            name, tuple(tensor.shape), tensor.float().mean().item(), tensor.float().std().item()))


if __name__ == "__main__":
    main()
