#!/usr/bin/env python3
"""PyTorch side of the Lamina benchmark: the same configurations as dev.lamina.benchmarks.Benchmark.

For each configuration: the data preloaded as tensors, a fresh network, one warm-up epoch, then N timed
epochs (the fastest counts) of the training loop alone (a fresh random permutation per epoch, x[idx] per batch, zero_grad,
forward, loss, backward, Adam step, loss.item()). Prints one JSON line per configuration on standard
output, in the Java benchmark's format; progress goes to standard error.

  MnistMlp    784-300-BN-ReLU-Drop0.2-300-BN-ReLU-Drop0.2-10, CrossEntropyLoss, Adam 1e-3,
              MNIST CSV scaled per pixel column with min-max fitted on the training set
  Tox21SrMmp  2048-300-BN-ReLU-Drop0.2-100-BN-ReLU-Drop0.2-1, BCEWithLogitsLoss, Adam 1e-3,
              RDKit Morgan radius-2 2048-bit fingerprints of SR-MMP, a seeded 80/20 split
  MnistCnn    notebook 09: Conv(1,3)-ReLU-MaxPool-Conv(3,6)-ReLU-MaxPool-Flatten-BN(294)-Drop0.2-Linear(294,10),
              Adam 1e-3, the MNIST pixels as 1x28x28 images
  MnistCnnStrong  Conv(1,8)-BN-ReLU-MaxPool-Conv(8,16)-BN-ReLU-MaxPool-Flatten-Drop0.2-Linear(784,64)-ReLU-
              Linear(64,10), Adam 3e-3 (Lamina's cosine schedule changes the rate per epoch only)

Usage (Debian's python3-torch; from anywhere):
  /usr/bin/python3 benchmarks/pytorch_bench.py [--threads N|default] [--configs MnistMlp:32,...]
      [--timed-epochs N] [--repo-root DIR]
Another torch (a venv with PyTorch 2.x, see benchmarks/README.md) runs the same script:
  venv/bin/python benchmarks/pytorch_bench.py --impl pytorch-2 [--fused-adam] ...
"""

import argparse
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn, optim

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_CONFIGS = "MnistMlp:32,MnistMlp:128,MnistMlp:1024,Tox21SrMmp:32,MnistCnn:32,MnistCnnStrong:64"
SEED = 42


def log(message):
    print("[pytorch_bench] " + message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- data (as in reference/pytorch)

def read_mnist_csv(path):
    """No header; each line: label, 784 pixels 0..255. Returns (float64 pixels [n,784], int64 labels)."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    flat = np.array(raw.replace(b"\n", b",").rstrip(b",").split(b","), dtype=np.int64)
    table = flat.reshape(lines, 785)
    return table[:, 1:].astype(np.float64), table[:, 0].copy()


def min_max_scale(train):
    """sklearn's MinMaxScaler fitted on the training set; a constant column becomes x - min."""
    lo = train.min(axis=0)
    rng = train.max(axis=0) - lo
    rng[rng == 0.0] = 1.0
    return (train - lo) / rng


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


def load_mnist(repo_root):
    path = os.path.join(repo_root, "examples", "data", "mnist", "mnist_train.csv.gz")
    x, y = read_mnist_csv(path)
    return (torch.tensor(min_max_scale(x), dtype=torch.float32), torch.tensor(y, dtype=torch.long))


def load_tox21(repo_root):
    """80/20 split by a seeded permutation: the speed does not depend on which molecules are held out."""
    path = os.path.join(repo_root, "examples", "data", "tox21", "sr-mmp.morgan2-2048.rdkit.tsv.gz")
    x, y = read_tox21(path)
    order = np.random.RandomState(1234).permutation(len(y))
    train = order[int(np.ceil(0.2 * len(y))):]
    return torch.tensor(x[train]), torch.tensor(y[train])


def load_mnist_images(repo_root):
    x, y = load_mnist(repo_root)
    return x.reshape(-1, 1, 28, 28).contiguous(), y


def mnist_cnn():
    """The example MnistCnn, as notebook 09 writes it."""
    return nn.Sequential(
        nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.BatchNorm1d(294), nn.Dropout(0.2), nn.Linear(294, 10))


def mnist_cnn_strong():
    """The example MnistCnnStrong."""
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.2), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))


NETWORKS = {
    # name: (network builder, loss, data loader, Adam's learning rate)
    "MnistMlp": (lambda: mlp([784, 300, 300, 10]), nn.CrossEntropyLoss, load_mnist, 1e-3),
    "Tox21SrMmp": (lambda: mlp([2048, 300, 100, 1]), nn.BCEWithLogitsLoss, load_tox21, 1e-3),
    "MnistCnn": (mnist_cnn, nn.CrossEntropyLoss, load_mnist_images, 1e-3),
    "MnistCnnStrong": (mnist_cnn_strong, nn.CrossEntropyLoss, load_mnist_images, 3e-3),
}


# --------------------------------------------------------------------------- training

def mlp(sizes):
    layers = []
    for k in range(len(sizes) - 2):
        layers += [nn.Linear(sizes[k], sizes[k + 1]), nn.BatchNorm1d(sizes[k + 1]), nn.ReLU(), nn.Dropout(0.2)]
    layers.append(nn.Linear(sizes[-2], sizes[-1]))
    return nn.Sequential(*layers)


def train_epoch(net, loss_fn, opt, x, y, batch_size, gen):
    """One epoch over a fresh permutation, the loop a PyTorch user writes; returns the mean batch loss."""
    net.train()
    n = x.shape[0]
    perm = torch.randperm(n, generator=gen)
    binary = y.dim() == 1 and y.dtype == torch.float32
    total, count = 0.0, 0
    for start in range(0, n, batch_size):
        idx = perm[start:start + batch_size]
        if idx.shape[0] < 2:
            continue  # BatchNorm needs two samples, as in the Java benchmark
        opt.zero_grad()
        out = net(x[idx])
        loss = loss_fn(out.squeeze(1) if binary else out, y[idx])
        loss.backward()
        opt.step()
        total += loss.item()
        count += 1
    return total / max(1, count)


def perf_control(command):
    """Under benchmarks/profile.sh: switch perf's recording on for the timed epochs only (see PerfControl.java)."""
    fifo = os.environ.get("LAMINA_PERF_CONTROL")
    if fifo:
        with open(fifo, "a") as f:
            f.write(command + "\n")


def peak_rss_reset():
    """Linux: restart the high-water mark (VmHWM) at the current resident size."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_rss_mb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def measure(name, batch_size, data, threads, thread_setting, impl, fused_adam, timed_epochs):
    build, loss_class, _, lr = NETWORKS[name]
    x, y = data
    torch.manual_seed(SEED)
    net = build()
    loss_fn = loss_class()
    opt = optim.Adam(net.parameters(), lr=lr, fused=True) if fused_adam else optim.Adam(net.parameters(), lr=lr)
    gen = torch.Generator().manual_seed(SEED)
    train_epoch(net, loss_fn, opt, x, y, batch_size, gen)  # warm-up
    seconds = float("inf")
    perf_control("enable")
    for _ in range(timed_epochs):  # the fastest epoch counts, as in Lamina's Benchmark
        start = time.perf_counter()
        loss = train_epoch(net, loss_fn, opt, x, y, batch_size, gen)
        seconds = min(seconds, time.perf_counter() - start)
        if not np.isfinite(loss):
            raise RuntimeError("%s batch %d diverged: loss %s" % (name, batch_size, loss))
    perf_control("disable")
    n = x.shape[0]
    return {"impl": impl, "torch": torch.__version__, "network": name, "batch_size": batch_size, "threads": threads,
            "samples_per_second": round(n / seconds, 1), "seconds": round(seconds, 3),
            "peak_rss_mb": round(peak_rss_mb(), 1), "samples": n, "timed_epochs": timed_epochs,
            "thread_setting": thread_setting}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", default="1",
                   help="torch.set_num_threads; 'default' keeps PyTorch's choice (default 1)")
    p.add_argument("--configs", default=DEFAULT_CONFIGS, help="NETWORK:BATCH,... (default %(default)s)")
    p.add_argument("--repo-root", default=REPO_ROOT, help="the repository, for examples/data")
    p.add_argument("--impl", default="pytorch",
                   help="the name in the JSON lines, e.g. pytorch-2.13 when run by another torch (default %(default)s)")
    p.add_argument("--timed-epochs", type=int, default=1,
                   help="epochs timed after the warm-up; the fastest counts (default %(default)s)")
    p.add_argument("--fused-adam", action="store_true",
                   help="Adam(fused=True), PyTorch >= 2.4's one-kernel CPU Adam, the kernel Lamina calls")
    args = p.parse_args()

    if args.threads == "default":
        thread_setting = "default"
    else:
        torch.set_num_threads(int(args.threads))
        thread_setting = "explicit"
    threads = torch.get_num_threads()
    log("torch %s, %d intra-op thread(s) (%s)" % (torch.__version__, threads, thread_setting))

    loaded = {}
    for item in args.configs.split(","):
        name, batch = item.strip().split(":")
        if name not in NETWORKS:
            sys.exit("unknown network %s; choose one of %s" % (name, ", ".join(NETWORKS)))
        if name not in loaded:
            t0 = time.perf_counter()
            loaded[name] = NETWORKS[name][2](args.repo_root)
            log("loaded %s data: %d training samples in %.1f s" % (name, loaded[name][0].shape[0],
                                                                   time.perf_counter() - t0))
        log("pytorch %s batch %s, threads %d" % (name, batch, threads))
        peak_rss_reset()
        print(json.dumps(measure(name, int(batch), loaded[name], threads, thread_setting, args.impl,
                                 args.fused_adam, args.timed_epochs)), flush=True)


if __name__ == "__main__":
    main()
