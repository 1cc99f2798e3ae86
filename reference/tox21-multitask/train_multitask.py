#!/usr/bin/env python3
"""PyTorch reference for Lamina's 12-task Tox21 network: the same molecules, fingerprints, labels and splits.

Reads what dev.lamina.examples.Tox21Export wrote (X.npy, y.npy, tasks.txt, splits/*.npy), trains

    2048 -> Linear 512 -> BatchNorm -> ReLU -> Dropout 0.3 -> Linear 128 -> BatchNorm -> ReLU -> Dropout 0.3
         -> Linear 12

with BCEWithLogitsLoss masked to the labelled entries (the mean over labelled entries of the batch), Adam
lr 1e-3, batch 64, up to 40 epochs, early stopping on the mean validation ROC AUC (patience 5), restoring the
best epoch, then reports per-task and mean test ROC AUC and PR AUC (average precision) per split method and seed,
and their mean and sample standard deviation over the seeds. Needs torch and numpy only.
"""
import argparse
import copy
import json
import os
import time

import numpy as np
import torch
from torch import nn


def roc_auc(scores, labels):
    """Mann-Whitney rank formula; tied scores get their average rank. NaN without both classes."""
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
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    pos = labels == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def average_precision(scores, labels):
    """sklearn's average_precision_score: sum over distinct thresholds of (R_n - R_(n-1)) * P_n."""
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.float64)
    if labels.sum() == 0 or labels.sum() == len(labels):
        return float("nan")
    order = np.argsort(-scores, kind="mergesort")
    s, y = scores[order], labels[order]
    tp, fp = np.cumsum(y), np.cumsum(1 - y)
    last = np.r_[np.where(np.diff(s))[0], len(s) - 1]
    tps, fps = tp[last], fp[last]
    precision = tps / (tps + fps)
    recall = tps / tps[-1]
    return float(np.sum((recall - np.r_[0.0, recall[:-1]]) * precision))


def per_task(metric, logits, y):
    """The metric of each task over its labelled rows."""
    values = []
    for t in range(y.shape[1]):
        labelled = ~np.isnan(y[:, t])
        values.append(metric(logits[labelled, t], y[labelled, t]) if labelled.any() else float("nan"))
    return values


def network(inputs, tasks):
    return nn.Sequential(
        nn.Linear(inputs, 512), nn.BatchNorm1d(512), nn.ReLU(), nn.Dropout(0.3),
        nn.Linear(512, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.3),
        nn.Linear(128, tasks))


def masked_bce(logits, y):
    """BCEWithLogitsLoss over the labelled (non-NaN) entries only, averaged over them."""
    mask = ~torch.isnan(y)
    losses = nn.functional.binary_cross_entropy_with_logits(logits, torch.nan_to_num(y), reduction="none")
    return (losses * mask).sum() / mask.sum().clamp(min=1)


def predict(net, x):
    net.eval()
    with torch.no_grad():
        return net(x).numpy()


def run(x, y, rows, seed, args):
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    train, val, test = (torch.from_numpy(rows[k].astype(np.int64)) for k in ("train", "val", "test"))
    x_train, y_train = x[train], torch.from_numpy(y[rows["train"]])
    net = network(x.shape[1], y.shape[1])
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    best, best_auc, best_epoch, waited, history = None, -1.0, 0, 0, []
    for epoch in range(1, args.epochs + 1):
        net.train()
        perm = torch.randperm(len(train), generator=gen)
        losses = []
        for start in range(0, len(train), args.batch_size):
            idx = perm[start:start + args.batch_size]
            if len(idx) < 2:  # BatchNorm cannot train on one sample; DataLoader(drop_last=False) would fail too
                continue
            opt.zero_grad()
            loss = masked_bce(net(x_train[idx]), y_train[idx])
            loss.backward()
            opt.step()
            losses.append(loss.item())
        val_auc = float(np.nanmean(per_task(roc_auc, predict(net, x[val]), y[rows["val"]])))
        history.append({"epoch": epoch, "train_loss": float(np.mean(losses)), "val_roc_auc": val_auc})
        if val_auc > best_auc:
            best, best_auc, best_epoch, waited = copy.deepcopy(net.state_dict()), val_auc, epoch, 0
        else:
            waited += 1
            if waited >= args.patience:
                break
    net.load_state_dict(best)
    logits, y_test = predict(net, x[test]), y[rows["test"]]
    auc, pr = per_task(roc_auc, logits, y_test), per_task(average_precision, logits, y_test)
    return {"best_epoch": best_epoch, "epochs_run": len(history), "val_roc_auc": best_auc,
            "test_roc_auc": auc, "test_pr_auc": pr,
            "test_mean_roc_auc": float(np.nanmean(auc)), "test_mean_pr_auc": float(np.nanmean(pr)),
            "test_labelled_per_task": [int((~np.isnan(y_test[:, t])).sum()) for t in range(y.shape[1])],
            "history": history}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default=os.path.join(here, "data"), help="Tox21Export's output directory")
    p.add_argument("--methods", default="random,scaffold")
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--patience", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", default=os.path.join(here, "results.json"))
    args = p.parse_args()
    torch.set_num_threads(args.threads)

    x = torch.from_numpy(np.load(os.path.join(args.data, "X.npy")).astype(np.float32))
    y = np.load(os.path.join(args.data, "y.npy"))
    with open(os.path.join(args.data, "tasks.txt")) as f:
        tasks = [line.rstrip("\n") for line in f]
    print(f"{x.shape[0]} molecules, {len(tasks)} tasks, {np.isnan(y).mean() * 100:.1f}% of labels missing")

    results = {"torch": torch.__version__, "threads": args.threads, "tasks": tasks, "runs": [], "summary": {}}
    for method in args.methods.split(","):
        means = {"test_mean_roc_auc": [], "test_mean_pr_auc": []}
        per_task_auc = []
        for seed in (int(s) for s in args.seeds.split(",")):
            rows = {k: np.load(os.path.join(args.data, "splits", f"{method}_seed{seed}_{k}.npy"))
                    for k in ("train", "val", "test")}
            started = time.time()
            r = run(x, y, rows, seed, args)
            r.update({"method": method, "seed": seed, "sizes": {k: int(len(v)) for k, v in rows.items()},
                      "seconds": round(time.time() - started, 1)})
            results["runs"].append(r)
            for k in means:
                means[k].append(r[k])
            per_task_auc.append(r["test_roc_auc"])
            print(f"{method:8s} seed {seed}: best epoch {r['best_epoch']:2d}/{r['epochs_run']:2d}, val ROC AUC"
                  f" {r['val_roc_auc']:.4f}, test ROC AUC {r['test_mean_roc_auc']:.4f}, PR AUC"
                  f" {r['test_mean_pr_auc']:.4f} ({r['seconds']} s)")
        summary = {k: {"mean": float(np.mean(v)), "std": float(np.std(v, ddof=1)) if len(v) > 1 else 0.0}
                   for k, v in means.items()}
        summary["test_roc_auc_per_task_mean"] = dict(zip(tasks, np.nanmean(np.array(per_task_auc), 0).tolist()))
        results["summary"][method] = summary
        print(f"{method:8s} mean +- std: test ROC AUC {summary['test_mean_roc_auc']['mean']:.4f} +-"
              f" {summary['test_mean_roc_auc']['std']:.4f}, PR AUC {summary['test_mean_pr_auc']['mean']:.4f} +-"
              f" {summary['test_mean_pr_auc']['std']:.4f}")
        print("  per task ROC AUC: " + ", ".join(f"{t} {v:.3f}"
                                                 for t, v in summary["test_roc_auc_per_task_mean"].items()))
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)
    print("wrote " + args.out)


if __name__ == "__main__":
    main()
