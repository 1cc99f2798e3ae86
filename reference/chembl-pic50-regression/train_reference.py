#!/usr/bin/python3
"""PyTorch reference for Lamina's pIC50 regression example (ChemblPic50Data).

Trains 2048 -> Linear 512 -> ReLU -> Dropout 0.2 -> Linear 128 -> ReLU -> Linear 1 with MSELoss and Adam
(lr 1e-3, batch 64, up to 60 epochs), early stopping on validation RMSE with patience 8 and the best epoch's
weights restored, on the fingerprints, targets and splits ChemblPic50Export wrote. Targets are not
standardised. Prints test RMSE, MAE and R^2 per seed, their mean and sample standard deviation, and the
baseline that predicts the training mean.

Needs torch and numpy only (Debian python3-torch, python3-numpy).
"""

import argparse
import json
import math
import os
import time

import numpy as np
import torch
from torch import nn


def java_shuffled_order(n, seed):
    """Collections.shuffle(0..n-1, new java.util.Random(seed)), bit for bit: to check splits.json."""
    mask = (1 << 48) - 1
    state = (seed ^ 0x5DEECE66D) & mask

    def next31():
        nonlocal state
        state = (state * 0x5DEECE66D + 0xB) & mask
        return state >> 17

    def next_int(bound):
        if bound & -bound == bound:
            return (bound * next31()) >> 31
        while True:
            bits = next31()
            value = bits % bound
            if bits - value + (bound - 1) < (1 << 31):
                return value

    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = next_int(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def check_split(split, n, seed, validation, test):
    """Whether Lamina's split is still the documented one (first ceil(test n) test, next validation, rest train)."""
    order = java_shuffled_order(n, seed)
    t, v = math.ceil(test * n), math.ceil(validation * n)
    return split["test"] == order[:t] and split["validation"] == order[t:t + v] and split["train"] == order[t + v:]


def network():
    return nn.Sequential(nn.Linear(2048, 512), nn.ReLU(), nn.Dropout(0.2),
                         nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, 1))


def metrics(pred, target):
    err = pred - target
    ss_res = float((err ** 2).sum())
    ss_tot = float(((target - target.mean()) ** 2).sum())
    return {"rmse": math.sqrt(ss_res / len(target)), "mae": float(err.abs().mean()), "r2": 1 - ss_res / ss_tot}


def predict(model, x):
    model.eval()
    with torch.no_grad():
        return model(x).squeeze(1)


def run(x, y, split, seed, args):
    torch.manual_seed(seed)
    train, val, test = (torch.tensor(split[k], dtype=torch.long) for k in ("train", "validation", "test"))
    model = network()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.MSELoss()
    shuffle = torch.Generator().manual_seed(seed)
    best_rmse, best_epoch, best_state, waited = math.inf, 0, None, 0
    started = time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = train[torch.randperm(len(train), generator=shuffle)]
        total = 0.0
        for start in range(0, len(order), args.batch_size):
            rows = order[start:start + args.batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x[rows]).squeeze(1), y[rows])
            loss.backward()
            optimizer.step()
            total += float(loss) * len(rows)
        val_rmse = metrics(predict(model, x[val]), y[val])["rmse"]
        if args.verbose:
            print(f"  seed {seed} epoch {epoch}: train_loss {total / len(order):.4f} val_rmse {val_rmse:.4f}")
        if val_rmse < best_rmse:
            best_rmse, best_epoch, waited = val_rmse, epoch, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            waited += 1
            if waited >= args.patience:
                break
    model.load_state_dict(best_state)
    result = metrics(predict(model, x[test]), y[test])
    mean = float(y[train].mean())
    baseline = metrics(torch.full((len(test),), mean), y[test])
    return {"seed": seed, "epochs_run": epoch, "best_epoch": best_epoch, "val_rmse": best_rmse,
            "test": result, "baseline_test": baseline, "train_mean": mean, "seconds": time.time() - started}


def mean_std(values):
    mean = sum(values) / len(values)
    std = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1)) if len(values) > 1 else 0.0
    return mean, std


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export-dir", default=os.path.join(here, "export"))
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--patience", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--verbose", action="store_true", help="print every epoch")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    x = torch.from_numpy(np.load(os.path.join(args.export_dir, "fingerprints.npy")).astype(np.float32))
    y = torch.from_numpy(np.load(os.path.join(args.export_dir, "targets.npy")))
    with open(os.path.join(args.export_dir, "splits.json")) as f:
        splits = json.load(f)
    assert x.shape == (splits["size"], 2048) and y.shape == (splits["size"],)

    results = []
    for seed_text, split in splits["seeds"].items():
        seed = int(seed_text)
        documented = check_split(split, splits["size"], seed, splits["validation"], splits["test"])
        r = run(x, y, split, seed, args)
        r["split_is_documented_algorithm"] = documented
        results.append(r)
        t, b = r["test"], r["baseline_test"]
        print(f"seed {seed}: test RMSE {t['rmse']:.4f} MAE {t['mae']:.4f} R2 {t['r2']:.4f} | best epoch"
              f" {r['best_epoch']} of {r['epochs_run']}, val RMSE {r['val_rmse']:.4f} | baseline (train mean"
              f" {r['train_mean']:.3f}) RMSE {b['rmse']:.4f} | {r['seconds']:.1f} s"
              + ("" if documented else " | WARNING: split differs from the documented algorithm"))
    summary = {}
    for name, pick in (("rmse", lambda r: r["test"]["rmse"]), ("mae", lambda r: r["test"]["mae"]),
                       ("r2", lambda r: r["test"]["r2"]), ("baseline_rmse", lambda r: r["baseline_test"]["rmse"])):
        summary[name] = mean_std([pick(r) for r in results])
    print("mean +- std over seeds (sample std): "
          + ", ".join(f"{k} {m:.4f} +- {s:.4f}" for k, (m, s) in summary.items()))
    if args.json:
        with open(args.json, "w") as f:
            settings = {k: v for k, v in vars(args).items() if k not in ("export_dir", "json", "verbose")}
            json.dump({"settings": settings, "torch": torch.__version__, "runs": results,
                       "summary": {k: {"mean": m, "std": s} for k, (m, s) in summary.items()}}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
