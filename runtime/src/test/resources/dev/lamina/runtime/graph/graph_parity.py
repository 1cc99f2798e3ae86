"""PyTorch side of GraphParityTest: the three graph networks written by hand as torch modules.

Usage: graph_parity.py NETWORK WEIGHTS CHECK WIRING

NETWORK is ResidualMlp, TwoInputs or TwoHeads. WEIGHTS is the safetensors file Lamina's GraphNetwork saved
(names such as block1.bn.running_mean, which are this module's state_dict names). CHECK is a safetensors file
the Java test wrote: input.<name> (the inputs), lossweight.<output> (the fixed weights of the scalar loss),
eval.<output> (eval-mode outputs, computed first), train.<output> (train-mode outputs), grad.<parameter>
(gradients of sum(output * lossweight) over every output, in train mode) and after.<buffer> (BatchNorm's
running statistics after that train-mode pass). WIRING is "graph" for the graph as specified, or "miswired"
for a deliberately wrong forward (concat order swapped, a residual dropped), which the test expects to fail.

Prints one line per compared tensor, "max_abs_difference <key> <value>"; the Java test judges them. Needs
only torch (Debian's python3-torch): safetensors files are read here with the standard library.
"""
import json
import struct
import sys

import torch
import torch.nn.functional as F
from torch import nn


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        assert entry["dtype"] == "F32", (name, entry["dtype"])
        begin, end = entry["data_offsets"]
        tensors[name] = torch.frombuffer(bytearray(body[begin:end]), dtype=torch.float32).reshape(entry["shape"])
    return tensors


class Stage(nn.Module):
    """A node's layers: Linear, optionally BatchNorm1d, optionally ReLU; parameters named as Lamina's."""

    def __init__(self, n_in, n_out, batch_norm=False, relu=True):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_out, n_in))
        self.bias = nn.Parameter(torch.empty(n_out))
        self.bn = nn.BatchNorm1d(n_out, eps=1e-5, momentum=0.1) if batch_norm else None
        self.relu = relu

    def forward(self, x):
        x = F.linear(x, self.weight, self.bias)
        if self.bn is not None:
            x = self.bn(x)
        return F.relu(x) if self.relu else x


class ResidualMlp(nn.Module):
    def __init__(self, miswired):
        super().__init__()
        self.miswired = miswired
        self.stem = Stage(32, 16)
        self.block1 = Stage(16, 16, batch_norm=True)
        self.block2 = Stage(16, 16)
        self.logits = Stage(16, 4, relu=False)

    def forward(self, x):
        stem = self.stem(x)
        block1 = stem + self.block1(stem)
        block2 = self.block2(block1) if self.miswired else block1 + self.block2(block1)
        return {"logits": self.logits(block2)}


class TwoInputs(nn.Module):
    def __init__(self, miswired):
        super().__init__()
        self.miswired = miswired
        self.fp = Stage(64, 16)
        self.desc = Stage(5, 4)
        self.joint = Stage(20, 8)
        self.out = Stage(8, 3, relu=False)

    def forward(self, fingerprint, descriptors):
        fp = self.fp(fingerprint)
        desc = self.desc(descriptors)
        joint = self.joint(torch.cat([desc, fp] if self.miswired else [fp, desc], dim=1))
        return {"out": self.out(joint)}


class TwoHeads(nn.Module):
    def __init__(self, miswired):
        super().__init__()
        self.trunk = Stage(24, 12)
        self.a = Stage(12, 2, relu=False)
        self.b = Stage(12, 1, relu=False)
        self.miswired = miswired

    def forward(self, x):
        trunk = self.trunk(x)
        # Miswired: head b reads the trunk before its ReLU (the raw input would not fit head b's Linear).
        b_in = F.linear(x, self.trunk.weight, self.trunk.bias) if self.miswired else trunk
        return {"a": self.a(trunk), "b": self.b(b_in)}


def report(key, actual, expected):
    assert tuple(actual.shape) == tuple(expected.shape), (key, tuple(actual.shape), tuple(expected.shape))
    difference = (actual.double() - expected.double()).abs().max().item()
    print(f"max_abs_difference {key} {difference:.6e}")


def main():
    network, weights_file, check_file, wiring = sys.argv[1:5]
    assert wiring in ("graph", "miswired"), wiring
    torch.manual_seed(0)
    model = {"ResidualMlp": ResidualMlp, "TwoInputs": TwoInputs, "TwoHeads": TwoHeads}[network](wiring == "miswired")
    missing, unexpected = model.load_state_dict(read_safetensors(weights_file), strict=False)
    assert not unexpected, f"unexpected in the weights file: {unexpected}"
    assert all(name.endswith("num_batches_tracked") for name in missing), f"missing from the weights file: {missing}"
    check = read_safetensors(check_file)
    inputs = {k[len("input."):]: v for k, v in check.items() if k.startswith("input.")}

    model.eval()
    with torch.no_grad():
        for name, value in model(**inputs).items():
            report("eval." + name, value, check["eval." + name])

    model.train()
    outputs = model(**inputs)
    loss = sum((value * check["lossweight." + name]).sum() for name, value in outputs.items())
    loss.backward()
    for name, value in outputs.items():
        report("train." + name, value.detach(), check["train." + name])
    for name, parameter in model.named_parameters():
        report("grad." + name, parameter.grad, check["grad." + name])
    for name, buffer in model.named_buffers():
        if not name.endswith("num_batches_tracked"):
            report("after." + name, buffer, check["after." + name])


if __name__ == "__main__":
    main()
