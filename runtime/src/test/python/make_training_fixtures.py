#!/usr/bin/python3
"""Writes the PyTorch reference numbers for TrainingParityTest (training steps, losses, schedules).

Run once, from the repository root, with Debian's python3-torch:

    /usr/bin/python3 runtime/src/test/python/make_training_fixtures.py

It writes into runtime/src/test/resources/training/parity/ (see the README there):

  initial-multi.safetensors   start parameters of 784 - Linear 16 - BatchNorm - ReLU - Linear 10 (stages hidden,
                              logits); the same names and shapes serve the ReLU-first layout Adam runs on
  initial-binary.safetensors  start parameters of 784 - Linear 16 - BatchNorm - ReLU - Linear 1 (hidden, logit)
  fixture.safetensors         data, per-step losses and final parameters of every optimizer case, per-epoch
                              numbers of the trainer cases, loss values and gradients
  schedules.json              learning rates of StepLR and CosineAnnealingLR, epoch by epoch (full precision)

No Dropout anywhere, so every number is deterministic. The safetensors files are written by hand, as in
make_parity_fixtures.py. Everything is seeded and computed on one thread: re-running reproduces the files.
"""

import csv
import gzip
import json
import math
import os
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

SEED = 20240612
ROWS = 128          # rows 0..63 train, 64..127 test
TRAIN = 64
BATCH = 32
EPOCHS = 3          # 2 minibatches x 3 epochs = 6 optimizer steps
HIDDEN = 16

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "resources", "training", "parity"))
MNIST_TEST = os.environ.get("LAMINA_MNIST_TEST", "/work/shared/data/mnist/mnist_test.csv.gz")


class HiddenStage(nn.Module):
    """Linear -> BatchNorm1d -> ReLU, or Linear -> ReLU -> BatchNorm1d with relu_first, under Lamina's names:
    weight, bias, bn.weight, bn.bias, bn.running_mean, bn.running_var (the same in both orders)."""

    def __init__(self, in_features, out_features, relu_first):
        super().__init__()
        linear = nn.Linear(in_features, out_features)
        self.weight = linear.weight
        self.bias = linear.bias
        self.bn = nn.BatchNorm1d(out_features, eps=1e-5, momentum=0.1)
        self.relu_first = relu_first

    def forward(self, x):
        z = F.linear(x, self.weight, self.bias)
        return self.bn(F.relu(z)) if self.relu_first else F.relu(self.bn(z))


class Net(nn.Module):
    """Stages 'hidden' and 'logits' (10 outputs) or 'logit' (1 output), as the Java architectures."""

    def __init__(self, outputs, relu_first=False):
        super().__init__()
        self.hidden = HiddenStage(784, HIDDEN, relu_first)
        self.out_name = "logits" if outputs > 1 else "logit"
        setattr(self, self.out_name, nn.Linear(HIDDEN, outputs))

    def forward(self, x):
        return getattr(self, self.out_name)(self.hidden(x))


def lamina_state(model):
    return {name: t.detach().clone() for name, t in model.state_dict().items()
            if not name.endswith("num_batches_tracked")}


def write_safetensors(path, tensors, metadata):
    header = {"__metadata__": dict(metadata)}
    chunks = []
    offset = 0
    for name, tensor in tensors.items():
        values = tensor.detach().to(torch.float32).contiguous().reshape(-1).tolist()
        data = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(data)]}
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


def mnist_rows(count):
    pixels, labels = [], []
    with gzip.open(MNIST_TEST, "rt", newline="") as f:
        for row in csv.reader(f):
            if not row[0].strip().isdigit():
                continue
            values = [float(v) / 255.0 for v in row[1:]]
            if len(values) != 784:
                sys.exit("unexpected MNIST row of %d pixels" % len(values))
            pixels.append(values)
            labels.append(float(row[0]))
            if len(labels) == count:
                break
    return torch.tensor(pixels, dtype=torch.float32), torch.tensor(labels, dtype=torch.float32)


def initial_model(outputs, seed):
    torch.manual_seed(seed)
    model = Net(outputs)
    generator = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        bn = model.hidden.bn
        bn.weight.copy_(torch.empty(HIDDEN).uniform_(0.5, 1.5, generator=generator))
        bn.bias.copy_(torch.randn(HIDDEN, generator=generator) * 0.2)
        bn.running_mean.copy_(torch.randn(HIDDEN, generator=generator) * 0.3)
        bn.running_var.copy_(torch.empty(HIDDEN).uniform_(0.5, 2.0, generator=generator))
    return model


def loss_of(binary, outputs, labels):
    if binary:
        return F.binary_cross_entropy_with_logits(outputs, labels.reshape(-1, 1))
    return F.cross_entropy(outputs, labels.long())


def correct_of(binary, outputs, labels):
    if binary:
        return ((outputs.reshape(-1) > 0).float() == labels).float().mean().item()
    return (outputs.argmax(1) == labels.long()).float().mean().item()


def roc_auc(scores, labels):
    """Mann-Whitney U with average ranks for ties: scikit-learn's roc_auc_score."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2.0 + 1
        i = j + 1
    positives = sum(1 for y in labels if y == 1)
    negatives = len(labels) - positives
    rank_sum = sum(r for r, y in zip(ranks, labels) if y == 1)
    return (rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives)


def make_optimizer(kind, params):
    name, kwargs = kind
    return (torch.optim.SGD if name == "sgd" else torch.optim.Adam)(params, **kwargs)


# Adam runs on the ReLU-first layout. With Linear -> BatchNorm the Linear's bias has a true gradient of exactly
# zero (BatchNorm subtracts the batch mean), so its computed gradient is pure rounding noise; Adam divides by
# that noise's own RMS and moves the bias (and so the running mean) by up to lr per step in a direction no two
# implementations share. With ReLU in between, every gradient is real and Adam is comparable.
OPTIMIZER_CASES = [
    # case name, network outputs, relu_first, optimizer
    ("sgd", 10, False, ("sgd", dict(lr=0.1))),
    ("sgd-momentum-wd", 10, False, ("sgd", dict(lr=0.1, momentum=0.9, weight_decay=1e-3))),
    ("sgd-nesterov", 10, False, ("sgd", dict(lr=0.1, momentum=0.9, nesterov=True))),
    ("adam", 10, True, ("adam", dict(lr=1e-2))),
    ("adam-wd", 10, True, ("adam", dict(lr=1e-2, weight_decay=1e-2))),
    ("bce-sgd-momentum", 1, False, ("sgd", dict(lr=0.1, momentum=0.9))),
]

TRAINER_CASES = [
    # case name, outputs, relu_first, optimizer, scheduler factory
    ("trainer-sgd-steplr", 10, False, ("sgd", dict(lr=0.1, momentum=0.9, weight_decay=1e-3)),
     lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)),
    ("trainer-adam-cosine", 10, True, ("adam", dict(lr=1e-2)),
     lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS, eta_min=1e-3)),
    ("trainer-bce-adam", 1, True, ("adam", dict(lr=1e-2)), None),
]


def main():
    torch.set_num_threads(1)
    x, digits = mnist_rows(ROWS)
    even = (digits.long() % 2 == 0).float()
    initial = {10: initial_model(10, SEED), 1: initial_model(1, SEED + 10)}
    metadata = {"generator": "runtime/src/test/python/make_training_fixtures.py", "torch": torch.__version__,
                "seed": str(SEED)}
    os.makedirs(OUT_DIR, exist_ok=True)
    write_safetensors(os.path.join(OUT_DIR, "initial-multi.safetensors"), lamina_state(initial[10]),
                      dict(metadata, **{"lamina.network": "TrainParity"}))
    write_safetensors(os.path.join(OUT_DIR, "initial-binary.safetensors"), lamina_state(initial[1]),
                      dict(metadata, **{"lamina.network": "BinaryParity"}))

    fixture = {"input": x, "digits": digits, "even": even}
    train_x, test_x = x[:TRAIN], x[TRAIN:]

    def labels_for(outputs):
        return (digits if outputs > 1 else even)[:TRAIN], (digits if outputs > 1 else even)[TRAIN:]

    # Optimizer cases: 3 epochs of 2 minibatches (rows 0-31, 32-63), no shuffle, constant learning rate.
    for case, outputs, relu_first, kind in OPTIMIZER_CASES:
        model = Net(outputs, relu_first)
        model.load_state_dict(initial[outputs].state_dict())
        model.train()
        optimizer = make_optimizer(kind, model.parameters())
        train_y, _ = labels_for(outputs)
        losses = []
        for _ in range(EPOCHS):
            for start in range(0, TRAIN, BATCH):
                loss = loss_of(outputs == 1, model(train_x[start:start + BATCH]), train_y[start:start + BATCH])
                losses.append(loss.item())
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
        fixture[case + "/losses"] = torch.tensor(losses)
        for name, tensor in lamina_state(model).items():
            fixture[case + "/" + name] = tensor

    # Trainer cases: what Trainer.train reports per epoch, with a scheduler stepped once per epoch.
    for case, outputs, relu_first, kind, scheduler_factory in TRAINER_CASES:
        model = Net(outputs, relu_first)
        model.load_state_dict(initial[outputs].state_dict())
        optimizer = make_optimizer(kind, model.parameters())
        scheduler = scheduler_factory(optimizer) if scheduler_factory else None
        train_y, test_y = labels_for(outputs)
        rows = {k: [] for k in ("train_loss", "train_accuracy", "test_loss", "test_accuracy", "test_roc_auc",
                                "learning_rate")}
        for _ in range(EPOCHS):
            rows["learning_rate"].append(optimizer.param_groups[0]["lr"])
            model.train()
            losses = []
            for start in range(0, TRAIN, BATCH):
                loss = loss_of(outputs == 1, model(train_x[start:start + BATCH]), train_y[start:start + BATCH])
                losses.append(loss.item())
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            if scheduler:
                scheduler.step()
            model.eval()
            with torch.no_grad():
                train_out, test_out = model(train_x), model(test_x)
                rows["train_loss"].append(sum(losses) / len(losses))
                rows["train_accuracy"].append(correct_of(outputs == 1, train_out, train_y))
                rows["test_loss"].append(loss_of(outputs == 1, test_out, test_y).item())
                rows["test_accuracy"].append(correct_of(outputs == 1, test_out, test_y))
                rows["test_roc_auc"].append(
                    roc_auc(test_out.reshape(-1).tolist(), test_y.tolist()) if outputs == 1 else float("nan"))
        for key, values in rows.items():
            fixture[case + "/" + key] = torch.tensor(values, dtype=torch.float64)
        for name, tensor in lamina_state(model).items():
            fixture[case + "/" + name] = tensor

    # Losses and their gradients, including logits far outside exp's float range.
    ce_logits = torch.tensor([
        [2.0, -1.0, 0.5, 0.0, 1.0, -3.0, 0.25, 0.0, -0.5, 1.5],
        [1000.0, -1000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [1000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1000.0],
        [-200.0, 300.0, 299.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0] * 10,
        [88.0, 89.0, 90.0, 91.0, -88.0, -89.0, -90.0, -91.0, 0.0, 5.0],
    ], requires_grad=True)
    ce_labels = torch.tensor([0.0, 0.0, 9.0, 2.0, 7.0, 4.0])
    ce_loss = F.cross_entropy(ce_logits, ce_labels.long())
    ce_loss.backward()
    fixture["ce/logits"] = ce_logits.detach()
    fixture["ce/labels"] = ce_labels
    fixture["ce/loss"] = ce_loss.detach().reshape(1)
    fixture["ce/gradient"] = ce_logits.grad

    bce_logits = torch.tensor([[v] for v in (
        -1000.0, -1000.0, -100.0, -20.0, -1.0, 0.0, 0.0, 1e-3, 2.0, 20.0, 100.0, 1000.0, 1000.0, 88.8, -88.8,
        17.5)], requires_grad=True)
    bce_labels = torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0])
    bce_loss = F.binary_cross_entropy_with_logits(bce_logits, bce_labels.reshape(-1, 1))
    bce_loss.backward()
    fixture["bce/logits"] = bce_logits.detach()
    fixture["bce/labels"] = bce_labels
    fixture["bce/loss"] = bce_loss.detach().reshape(1)
    fixture["bce/gradient"] = bce_logits.grad
    # Each logit's own loss (batch of one), to pin every element, not only the mean.
    fixture["bce/elementwise"] = F.binary_cross_entropy_with_logits(
        bce_logits.detach(), bce_labels.reshape(-1, 1), reduction="none")
    fixture["ce/elementwise"] = F.cross_entropy(ce_logits.detach(), ce_labels.long(), reduction="none")

    write_safetensors(os.path.join(OUT_DIR, "fixture.safetensors"), fixture, metadata)

    # Learning-rate schedules, read before each epoch's scheduler.step(), as Lamina steps them per epoch.
    def sequence(factory, epochs, lr=0.1):
        optimizer = torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=lr)
        scheduler = factory(optimizer)
        rates = []
        for _ in range(epochs):
            rates.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            scheduler.step()
        return rates

    schedules = {
        "generator": metadata["generator"],
        "torch": torch.__version__,
        "initial_lr": 0.1,
        "StepLR(step_size=3, gamma=0.5)": sequence(
            lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5), 10),
        "StepLR(step_size=1, gamma=0.9)": sequence(
            lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=1, gamma=0.9), 12),
        "CosineAnnealingLR(T_max=10, eta_min=0.0001)": sequence(
            lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10, eta_min=1e-4), 10),
        "CosineAnnealingLR(T_max=4, eta_min=0.0)": sequence(
            lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.0), 10),
    }
    with open(os.path.join(OUT_DIR, "schedules.json"), "w") as out:
        json.dump(schedules, out, indent=2)
        out.write("\n")

    print("torch %s, wrote %s" % (torch.__version__, OUT_DIR))
    for case, _, _, _ in OPTIMIZER_CASES:
        print("  %-20s losses %s" % (case, " ".join("%.5f" % v for v in fixture[case + "/losses"].tolist())))
    for case, _, _, _, _ in TRAINER_CASES:
        print("  %-20s train_loss %s test_accuracy %s" % (
            case, " ".join("%.5f" % v for v in fixture[case + "/train_loss"].tolist()),
            " ".join("%.4f" % v for v in fixture[case + "/test_accuracy"].tolist())))


if __name__ == "__main__":
    main()
