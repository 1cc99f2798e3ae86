#!/usr/bin/env python3
"""PyTorch reference runs for Lamina (a comparison tool, not a product dependency).

Trains, with plain PyTorch, the same two networks that Lamina trains, on the same data
and the same split, following the PyTorch teaching notebook 08
(/work/shared/seed/pytorch-notebook-08.en.md):

  mnist  784-300-300-10 MLP (BatchNorm, ReLU, Dropout 0.2), CrossEntropyLoss, Adam 1e-3
  tox21  2048-300-100-1 MLP (BatchNorm, ReLU, Dropout 0.2), BCEWithLogitsLoss, Adam 1e-3,
         on the precomputed RDKit Morgan fingerprints (radius 2, 2048 bits) for SR-MMP,
         split exactly like Lamina's Java TrainTestSplit (java.util.Collections.shuffle
         with java.util.Random(1234), the first ceil(0.2 n) shuffled indices are the test set)

Usage (from the repository root; run with Debian's python3, which has torch):
  /usr/bin/python3 reference/pytorch/train_reference.py mnist|tox21 \
      [--epochs N] [--threads N] [--seed N] [--batch-size N] [--data-dir DIR]
"""

import argparse
import gzip
import json
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn, optim

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SHARED_DATA = "/work/shared/data"


# --------------------------------------------------------------------------- data files

def find_data_file(data_dir, rel):
    """data_dir/rel (data_dir relative to the repo root), else the shared copy."""
    if not os.path.isabs(data_dir):
        data_dir = os.path.join(REPO_ROOT, data_dir)
    for base in (data_dir, SHARED_DATA):
        path = os.path.join(base, rel)
        if os.path.isfile(path):
            return path
    sys.exit("data file %s not found under %s or %s" % (rel, data_dir, SHARED_DATA))


def read_mnist_csv(path):
    """No header; each line: label, 784 pixels 0..255. Returns (uint8 pixels [n,784], int64 labels)."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    flat = np.array(raw.replace(b"\n", b",").rstrip(b",").split(b","), dtype=np.int64)
    table = flat.reshape(lines, 785)
    return table[:, 1:].astype(np.float64), table[:, 0].copy()


def min_max_scale(train, test):
    """sklearn MinMaxScaler(feature_range=(0,1)) fitted per column on train, applied to both.
    A constant column (max == min) gets scale 1, i.e. becomes x - min."""
    lo = train.min(axis=0)
    rng = train.max(axis=0) - lo
    rng[rng == 0.0] = 1.0
    scale = 1.0 / rng
    offset = -lo * scale
    return train * scale + offset, test * scale + offset


def read_tox21(path):
    """Header Compound<TAB>activity<TAB>morgan_r2_2048_on_bits; bits are comma-separated indices."""
    xs, ys = [], []
    with gzip.open(path, "rt", encoding="ascii") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == ["Compound", "activity", "morgan_r2_2048_on_bits"], header
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            cols = line.split("\t")
            bits = cols[2] if len(cols) > 2 else ""
            row = np.zeros(2048, dtype=np.float32)
            if bits.strip():
                row[[int(b) for b in bits.split(",")]] = 1.0
            xs.append(row)
            ys.append(float(cols[1]))
    return np.stack(xs), np.array(ys, dtype=np.float32)


# --------------------------------------------------------------------------- java.util.Random port

class JavaRandom:
    """Bit-exact port of java.util.Random (the parts Collections.shuffle uses)."""
    MULT = 0x5DEECE66D
    ADD = 0xB
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULT) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * self.MULT + self.ADD) & self.MASK
        return _int32(self.seed >> (48 - bits))

    def next_int(self, bound):
        if bound <= 0:
            raise ValueError("bound must be positive")
        r = self.next(31)
        m = bound - 1
        if (bound & m) == 0:  # power of two
            return _int32((bound * r) >> 31)
        u = r
        while True:
            r = u % bound  # u >= 0, so Java's % and Python's % agree
            if _int32(u - r + m) >= 0:
                return r
            u = self.next(31)


def _int32(x):
    x &= 0xFFFFFFFF
    return x - (1 << 32) if x & 0x80000000 else x


def java_shuffle(lst, rnd):
    """java.util.Collections.shuffle for a RandomAccess list."""
    for i in range(len(lst), 1, -1):
        j = rnd.next_int(i)
        lst[i - 1], lst[j] = lst[j], lst[i - 1]


def lamina_split(n, seed=1234, test_fraction=0.2):
    """Same split as Lamina's TrainTestSplit: test = first ceil(f*n) of the shuffled order."""
    order = list(range(n))
    java_shuffle(order, JavaRandom(seed))
    test_count = int(math.ceil(test_fraction * n))
    return order[test_count:], order[:test_count]


# --------------------------------------------------------------------------- metrics

def roc_auc(scores, labels):
    """Mann-Whitney rank formula; tied scores get their average rank."""
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels)
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=np.float64)
    s = scores[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0  # 1-based average rank
        i = j + 1
    pos = labels == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return (ranks[pos].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


# --------------------------------------------------------------------------- training

def mlp(sizes):
    layers = []
    for k in range(len(sizes) - 2):
        layers += [nn.Linear(sizes[k], sizes[k + 1]), nn.BatchNorm1d(sizes[k + 1]), nn.ReLU(), nn.Dropout(0.2)]
    layers.append(nn.Linear(sizes[-2], sizes[-1]))
    return nn.Sequential(*layers)


def train_epoch(net, loss_fn, opt, x, y, batch_size, gen):
    """One epoch over a fresh random permutation; returns the mean minibatch loss.
    Same as DataLoader(TensorDataset(x, y), batch_size, shuffle=True) (last batch kept)."""
    net.train()
    perm = torch.randperm(x.shape[0], generator=gen)
    losses = []
    for start in range(0, x.shape[0], batch_size):
        idx = perm[start:start + batch_size]
        opt.zero_grad()
        out = net(x[idx])
        loss = loss_fn(out.squeeze(1) if out.shape[1] == 1 else out, y[idx])
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return float(np.mean(losses))


def run_mnist(args):
    tr_path = find_data_file(args.data_dir, "mnist/mnist_train.csv.gz")
    te_path = find_data_file(args.data_dir, "mnist/mnist_test.csv.gz")
    print("data: %s, %s" % (tr_path, te_path))
    xtr, ytr = read_mnist_csv(tr_path)
    xte, yte = read_mnist_csv(te_path)
    xtr, xte = min_max_scale(xtr, xte)
    xtr = torch.tensor(xtr, dtype=torch.float32)
    xte = torch.tensor(xte, dtype=torch.float32)
    ytr = torch.tensor(ytr, dtype=torch.long)
    yte = torch.tensor(yte, dtype=torch.long)
    print("train %s, test %s" % (tuple(xtr.shape), tuple(xte.shape)))

    net = mlp([784, 300, 300, 10])
    loss_fn = nn.CrossEntropyLoss()
    opt = optim.Adam(net.parameters(), lr=args.lr)
    gen = torch.Generator().manual_seed(args.seed)

    print("epoch  train_loss  train_acc  test_loss  test_acc  train_s  epoch_s")
    rows = []
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        train_loss = train_epoch(net, loss_fn, opt, xtr, ytr, args.batch_size, gen)
        t1 = time.perf_counter()
        net.eval()
        with torch.no_grad():
            train_acc = (net(xtr).argmax(dim=1) == ytr).float().mean().item()
            out = net(xte)
            test_loss = loss_fn(out, yte).item()
            test_acc = (out.argmax(dim=1) == yte).float().mean().item()
        t2 = time.perf_counter()
        rows.append(dict(epoch=epoch, train_loss=train_loss, train_accuracy=train_acc,
                         test_loss=test_loss, test_accuracy=test_acc,
                         train_seconds=t1 - t0, epoch_seconds=t2 - t0))
        print("%5d  %10.4f  %9.4f  %9.4f  %8.4f  %7.2f  %7.2f"
              % (epoch, train_loss, train_acc, test_loss, test_acc, t1 - t0, t2 - t0), flush=True)
    return rows


def run_tox21(args):
    path = find_data_file(args.data_dir, "tox21/sr-mmp.morgan2-2048.rdkit.tsv.gz")
    print("data: %s" % path)
    x, y = read_tox21(path)
    train_idx, test_idx = lamina_split(len(y), seed=args.split_seed)
    print("rows %d, train %d, test %d (split seed %d); first test indices %s"
          % (len(y), len(train_idx), len(test_idx), args.split_seed, test_idx[:10]))
    xtr = torch.tensor(x[train_idx])
    ytr = torch.tensor(y[train_idx])
    xte = torch.tensor(x[test_idx])
    yte = torch.tensor(y[test_idx])
    print("train actives %d/%d, test actives %d/%d"
          % (int(ytr.sum()), len(ytr), int(yte.sum()), len(yte)))

    net = mlp([2048, 300, 100, 1])
    loss_fn = nn.BCEWithLogitsLoss()
    opt = optim.Adam(net.parameters(), lr=args.lr)
    gen = torch.Generator().manual_seed(args.seed)

    print("epoch  train_loss  test_loss  test_acc  test_auc  train_s  epoch_s")
    rows = []
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        train_loss = train_epoch(net, loss_fn, opt, xtr, ytr, args.batch_size, gen)
        t1 = time.perf_counter()
        net.eval()
        with torch.no_grad():
            logits = net(xte).squeeze(1)
            test_loss = loss_fn(logits, yte).item()
            test_acc = ((logits > 0).float() == yte).float().mean().item()
            test_auc = roc_auc(logits.numpy(), yte.numpy().astype(np.int64))
        t2 = time.perf_counter()
        rows.append(dict(epoch=epoch, train_loss=train_loss, test_loss=test_loss,
                         test_accuracy=test_acc, test_auc=test_auc,
                         train_seconds=t1 - t0, epoch_seconds=t2 - t0))
        print("%5d  %10.4f  %9.4f  %8.4f  %8.4f  %7.2f  %7.2f"
              % (epoch, train_loss, test_loss, test_acc, test_auc, t1 - t0, t2 - t0), flush=True)
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("network", choices=["mnist", "tox21"])
    p.add_argument("--epochs", type=int, default=None, help="default: 10 (mnist), 20 (tox21)")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--seed", type=int, default=1234, help="torch seed: init, dropout, batch order")
    p.add_argument("--split-seed", type=int, default=1234, help="tox21 java.util.Random split seed")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--data-dir", default="examples/data",
                   help="relative to the repo root; falls back to %s" % SHARED_DATA)
    args = p.parse_args()
    if args.epochs is None:
        args.epochs = 10 if args.network == "mnist" else 20

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    print("torch %s, threads %d, seed %d, epochs %d, batch %d, lr %g"
          % (torch.__version__, torch.get_num_threads(), args.seed, args.epochs, args.batch_size, args.lr))

    rows = run_mnist(args) if args.network == "mnist" else run_tox21(args)
    last = rows[-1]
    result = dict(network=args.network, epochs=args.epochs, batch_size=args.batch_size,
                  threads=args.threads, seed=args.seed, torch=torch.__version__,
                  test_accuracy=round(last["test_accuracy"], 6),
                  final_train_loss=round(last["train_loss"], 6),
                  final_test_loss=round(last["test_loss"], 6),
                  seconds_per_epoch=round(float(np.mean([r["epoch_seconds"] for r in rows])), 3),
                  train_seconds_per_epoch=round(float(np.mean([r["train_seconds"] for r in rows])), 3))
    if args.network == "mnist":
        result["final_train_accuracy"] = round(last["train_accuracy"], 6)
    else:
        result["split_seed"] = args.split_seed
        result["test_auc"] = round(last["test_auc"], 6)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
