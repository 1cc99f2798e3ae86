#!/usr/bin/env python3
"""PyTorch side of the inference benchmark: the measurements of dev.lamina.benchmarks.InferenceBenchmark.

The model is the one Lamina exported with the run: model.py (the generated nn.Module), model.safetensors (the
same weights as <Network>.lamina.safetensors) and, for MNIST, preprocess.py (the fitted min-max scaling).
It runs eagerly under torch.no_grad() (switched on once in every caller thread), with
torch.set_num_threads(N). A prediction is what LaminaModel.predict returns: raw input -> features -> forward
-> softmax (sigmoid for one logit) -> the probabilities as Python floats and the predicted class.

  MnistMlp    raw pixels 0..255 of the MNIST test CSV (a float32 numpy row each) -> preprocess.py -> model
  Tox21SrMmp  SMILES of examples/data/tox21/sr-mmp.tab -> RDKit Morgan fingerprint (radius 2, 2048 bits,
              Debian's python3-rdkit) -> model. Lamina fingerprints with CDK's ECFP4, whose bits sit at other
              positions: the same work, not the same features (the export's preprocess.py says so).
              Without RDKit (--precomputed-fingerprints, or when it is not installed) the script times the
              model on fingerprints computed beforehand, and labels those lines "fingerprints": "precomputed".

Measurements, one JSON line each on standard output (progress on standard error):
  latency     one caller, one row per call: p50, p99 (direct, and through the micro-batcher)
  throughput  1, 2, 8 Python threads calling predict(one row) directly or through a micro-batcher with
              BatchingPredictor's rules (a worker thread; the first request of a batch waits up to max-wait
              for others, at most max-batch rows in one forward pass)
  batch       one caller, 32 rows per call

  /usr/bin/python3 benchmarks/pytorch_inference_bench.py --mnist-export RUN_DIR --tox21-export RUN_DIR
      [--threads 1] [--callers 1,2,8] [--seconds 5] [--latency-calls 20000] [--batch 32]
      [--max-batch 32] [--max-wait-us 2000]
"""

import argparse
import gzip
import importlib.util
import json
import os
import queue
import sys
import threading
import time

import numpy as np
import torch

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def log(message):
    print("[pytorch_inference] " + message, file=sys.stderr, flush=True)


def load_module(name, path):
    """A module from a file, under its own name: both exports have a model.py and a preprocess.py."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_export(run_dir, tag):
    model_module = load_module("lamina_model_" + tag, os.path.join(run_dir, "model.py"))
    classes = [v for v in vars(model_module).values()
               if isinstance(v, type) and issubclass(v, torch.nn.Module) and v.__module__ == model_module.__name__
               and v.__name__ == model_module.NETWORK]
    model = classes[0].load(os.path.join(run_dir, "model.safetensors"))
    preprocess = load_module("lamina_preprocess_" + tag, os.path.join(run_dir, "preprocess.py")).preprocess
    return model, preprocess


# --------------------------------------------------------------------------- raw inputs, as RawInputs.java reads them

def mnist_pixels(repo_root):
    with gzip.open(os.path.join(repo_root, "examples/data/mnist/mnist_test.csv.gz"), "rt") as f:
        rows = [line.rstrip("\n").split(",") for line in f]
    return [np.array(row[1:], dtype=np.float32) for row in rows if len(row) == 785 and row[0].isdigit()]


def tox21_smiles(repo_root):
    with open(os.path.join(repo_root, "examples/data/tox21/sr-mmp.tab"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    column = lines[0].split("\t").index("SMILES")
    cells = [line.split("\t") for line in lines[1:]]
    return [c[column] for c in cells if len(c) > column and c[column].strip()]


# --------------------------------------------------------------------------- predictors

def rdkit_fingerprinter():
    try:
        from rdkit import Chem, DataStructs, RDLogger
        from rdkit.Chem import AllChem
    except ImportError:
        return None
    RDLogger.DisableLog("rdApp.*")

    def fingerprint(smiles):
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            raise ValueError("RDKit cannot read " + smiles)
        bits = np.zeros((2048,), dtype=np.float32)
        DataStructs.ConvertToNumpyArray(AllChem.GetMorganFingerprintAsBitVect(mol, 2, nBits=2048), bits)
        return bits
    return fingerprint


def classify(probabilities):
    """Per row: (predicted class, probabilities as floats), as Lamina's Prediction holds them."""
    rows = probabilities.tolist()
    if len(rows[0]) == 1:
        return [(1 if r[0] >= 0.5 else 0, [1 - r[0], r[0]]) for r in rows]
    return [(max(range(len(r)), key=r.__getitem__), r) for r in rows]


def make_predict(model, features):
    """predict(list of raw inputs) -> list of predictions, in one forward pass."""
    single_logit = None

    def predict(raws):
        nonlocal single_logit
        x = features(raws)
        out = model(x)
        if single_logit is None:
            single_logit = out.shape[1] == 1
        return classify(torch.sigmoid(out) if single_logit else torch.softmax(out, dim=1))
    return predict


class MicroBatcher:
    """BatchingPredictor's rules in Python: a worker thread takes the first waiting request, waits up to
    max_wait for more (at most max_batch, and only while callers inside predict are not in the batch yet),
    predicts them in one forward pass and hands each caller its row."""

    def __init__(self, predict_many, max_batch, max_wait):
        self.predict_many = predict_many
        self.max_batch = max_batch
        self.max_wait = max_wait
        self.requests = queue.Queue()
        self.closed = False
        self.callers = 0
        self.callers_lock = threading.Lock()
        self.worker = threading.Thread(target=self.run, daemon=True)
        self.worker.start()

    def predict(self, raw):
        done = threading.Event()
        slot = [raw, done, None, None]
        with self.callers_lock:
            self.callers += 1
        try:
            self.requests.put(slot)
            done.wait()
        finally:
            with self.callers_lock:
                self.callers -= 1
        if slot[3] is not None:
            raise slot[3]
        return slot[2]

    def run(self):
        torch.set_grad_enabled(False)
        while not self.closed:
            try:
                batch = [self.requests.get(timeout=0.1)]
            except queue.Empty:
                continue
            deadline = time.perf_counter() + self.max_wait
            while len(batch) < self.max_batch and len(batch) < self.callers:
                try:
                    batch.append(self.requests.get(timeout=max(0.0, deadline - time.perf_counter())))
                except queue.Empty:
                    break
            try:
                for slot, prediction in zip(batch, self.predict_many([slot[0] for slot in batch])):
                    slot[2] = prediction
            except Exception as e:  # noqa: BLE001 - handed to the callers
                for slot in batch:
                    slot[3] = e
            for slot in batch:
                slot[1].set()

    def close(self):
        self.closed = True
        self.worker.join()


# --------------------------------------------------------------------------- measurements

def percentile(sorted_values, fraction):
    """Nearest rank, as Latency.percentile in Java."""
    rank = int(-(-fraction * len(sorted_values) // 1))
    return sorted_values[max(0, min(len(sorted_values) - 1, rank - 1))]


def latency(call, n, calls):
    torch.set_grad_enabled(False)
    for i in range(calls // 4):
        call(i % n)
    nanos = []
    clock = time.perf_counter_ns
    for i in range(calls):
        start = clock()
        call(i % n)
        nanos.append(clock() - start)
    mean = sum(nanos) / len(nanos) / 1e3
    nanos.sort()
    return {"calls": calls, "p50_us": round(percentile(nanos, 0.5) / 1e3, 1),
            "p99_us": round(percentile(nanos, 0.99) / 1e3, 1), "mean_us": round(mean, 1)}, 1e6 / mean


def throughput(call, n, callers, seconds):
    counts = [0] * callers
    stop = threading.Event()
    failures = []

    def caller(c):
        torch.set_grad_enabled(False)
        i = c * (n // callers)
        try:
            while not stop.is_set():
                counts[c] += call(i)
                i = (i + 1) % n
        except Exception as e:  # noqa: BLE001 - reported after the run
            failures.append(e)

    threads = [threading.Thread(target=caller, args=(c,)) for c in range(callers)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    before = sum(counts)
    start = time.perf_counter()
    time.sleep(seconds)
    after = sum(counts)
    elapsed = time.perf_counter() - start
    stop.set()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    return (after - before) / elapsed


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def measure(network, inputs, predict_many, args, extra):
    n = len(inputs)
    log("%s: %d inputs, %d intra-op thread(s)" % (network, n, torch.get_num_threads()))

    def emit(scenario, mode, callers, batch_size, stats, rows_per_second):
        line = {"impl": "pytorch", "network": network, "scenario": scenario, "mode": mode, "callers": callers,
                "batch_size": batch_size, "threads": torch.get_num_threads()}
        if mode == "micro-batched":
            line.update({"max_batch": args.max_batch, "max_wait_us": args.max_wait_us})
        line.update(stats or {})
        line.update({"rows_per_second": round(rows_per_second, 1), "rss_mb": round(rss_mb(), 1)})
        line.update(extra)
        log(json.dumps(line))
        print(json.dumps(line), flush=True)

    def direct(i):
        predict_many([inputs[i]])
        return 1
    stats, rate = latency(direct, n, args.latency_calls)
    emit("latency", "direct", 1, 1, stats, rate)
    batcher = MicroBatcher(predict_many, args.max_batch, args.max_wait_us / 1e6)
    try:
        def batched(i):
            batcher.predict(inputs[i])
            return 1
        calls = int(max(100, min(args.latency_calls, 2e6 / max(1, args.max_wait_us))))
        stats, rate = latency(batched, n, calls)
        emit("latency", "micro-batched", 1, 1, stats, rate)
        for callers in args.callers:
            emit("throughput", "direct", callers, 1, None, throughput(direct, n, callers, args.seconds))
            emit("throughput", "micro-batched", callers, 1, None, throughput(batched, n, callers, args.seconds))
    finally:
        batcher.close()
    size = min(args.batch, n)

    def batch(i):
        start = min(i, n - size)
        return len(predict_many(inputs[start:start + size]))
    stats, _ = latency(batch, n, max(100, args.latency_calls // size))
    emit("batch", "direct", 1, size, stats, throughput(batch, n, 1, args.seconds))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--mnist-export", help="MnistMlp's run folder (model.py, model.safetensors, preprocess.py)")
    p.add_argument("--tox21-export", help="Tox21SrMmp's run folder")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default %(default)s)")
    p.add_argument("--callers", default="1,2,8", help="caller threads of the throughput runs (default %(default)s)")
    p.add_argument("--seconds", type=float, default=5.0, help="timed seconds per throughput run, after as long a warm-up")
    p.add_argument("--latency-calls", type=int, default=20000, help="single-row calls timed one by one")
    p.add_argument("--batch", type=int, default=32, help="rows per call of the batched run")
    p.add_argument("--max-batch", type=int, default=32, help="the micro-batcher's max batch")
    p.add_argument("--max-wait-us", type=int, default=2000, help="the micro-batcher's max wait")
    p.add_argument("--precomputed-fingerprints", action="store_true",
                   help="time Tox21 on fingerprints computed beforehand, even with RDKit installed")
    p.add_argument("--repo-root", default=REPO_ROOT, help="the repository, for examples/data")
    args = p.parse_args()
    args.callers = [int(c) for c in args.callers.split(",")]
    if not args.mnist_export and not args.tox21_export:
        p.error("pass --mnist-export, --tox21-export or both")
    torch.set_num_threads(args.threads)
    torch.set_grad_enabled(False)
    log("torch %s, %d thread(s), BLAS: %s" % (torch.__version__, torch.get_num_threads(),
                                               os.environ.get("LD_LIBRARY_PATH", "system libblas.so.3")))

    if args.mnist_export:
        model, preprocess = load_export(args.mnist_export, "mnist")
        predict_many = make_predict(model, lambda raws: preprocess(np.stack(raws)))
        measure("MnistMlp", mnist_pixels(args.repo_root), predict_many, args, {})

    if args.tox21_export:
        model, _ = load_export(args.tox21_export, "tox21")
        fingerprint = rdkit_fingerprinter()
        smiles = tox21_smiles(args.repo_root)
        readable = []
        for s in smiles:
            try:
                (fingerprint or (lambda _: None))(s)
                readable.append(s)
            except ValueError:
                log("skipped a SMILES RDKit cannot read: " + s)
        if fingerprint is not None and not args.precomputed_fingerprints:
            import rdkit
            predict_many = make_predict(model, lambda raws: torch.from_numpy(np.stack([fingerprint(s) for s in raws])))
            measure("Tox21SrMmp", readable, predict_many, args,
                    {"fingerprints": "rdkit-morgan2-2048", "rdkit": rdkit.__version__})
        else:
            if fingerprint is None:
                log("RDKit is not installed (Debian: apt-get install python3-rdkit): timing the model on the"
                    " fingerprints of examples/data/tox21/sr-mmp.morgan2-2048.rdkit.tsv.gz, computed beforehand")
                inputs = precomputed_fingerprints(args.repo_root)
            else:
                inputs = [fingerprint(s) for s in readable]
            predict_many = make_predict(model, lambda rows: torch.from_numpy(np.stack(rows)))
            measure("Tox21SrMmp", inputs, predict_many, args, {"fingerprints": "precomputed"})


def precomputed_fingerprints(repo_root):
    """RDKit's Morgan bits as the repository ships them (on-bit indices per molecule)."""
    rows = []
    with gzip.open(os.path.join(repo_root, "examples/data/tox21/sr-mmp.morgan2-2048.rdkit.tsv.gz"), "rt") as f:
        header = f.readline().rstrip("\n").split("\t")
        column = header.index("morgan_r2_2048_on_bits")
        for line in f:
            cells = line.rstrip("\n").split("\t")
            bits = np.zeros((2048,), dtype=np.float32)
            if len(cells) > column and cells[column]:
                bits[[int(b) for b in cells[column].split(",")]] = 1
            rows.append(bits)
    return rows


if __name__ == "__main__":
    main()
