#!/usr/bin/env python3
"""Groups perf samples of training epochs into what a step spends its time on, per implementation.

Input: the files benchmarks/profile.sh writes, one per implementation and configuration:
  <impl>--<network>--b<batch>.perf.txt   `perf report -n --sort comm,dso,sym -t TAB` of the timed epochs
  <impl>--<network>--b<batch>.json       that run's JSON line (samples per second, samples, epochs)
Each sample is 1/FREQ s of CPU time; the samples of a category, divided by the training steps recorded,
give its CPU microseconds per training step. Samples are attributed by thread, shared object and symbol:
the JVM's compiler and collector threads are one category, and on the training thread the matrix
products are MKL's or OpenBLAS's sgemm, the dropout masks ATen's bernoulli or uniform kernel with its
random generator, and so on (CATEGORIES below); what no category claims is "other".

  /usr/bin/python3 benchmarks/perf_categories.py DIR [--freq 1999]
"""

import argparse
import glob
import json
import math
import os
import re
import sys

# Threads of the JVM that are not the training thread; they mostly run on the other core.
JVM_BACKGROUND = r"^(C[12] Compiler|GC Thread|G1 |VM |Common-Cleaner|Reference Handl|Finalizer|Signal Disp|Service Thr|Sweeper|Monitor Defl|Notification)"
JVM_BACKGROUND_LABEL = "JVM background threads (JIT compilers, garbage collector; mostly on the other core)"

# First match wins: (label, shared-object pattern, symbol pattern); None matches anything.
CATEGORIES = [
    ("matrix products (sgemm: MKL in libtorch, OpenBLAS for Debian's torch)",
     r"openblas|libblas|mkl", None),
    ("matrix products (sgemm: MKL in libtorch, OpenBLAS for Debian's torch)",
     None, r"gemm|mkl_blas|mkl_serv|sgemv|blas_thread"),
    ("dropout masks (bernoulli or uniform draws, random numbers)", None,
     r"bernoulli|random|mt19937|Generator|uniform|philox"),
    ("Adam (fused kernel, or its element-wise steps)", None, r"adam|addcdiv|addcmul|lerp|sqrt_kernel|_foreach"),
    ("batch norm", None, r"batch_norm|batchnorm"),
    ("other ATen kernels (element-wise, reductions, gather, softmax)", r"libtorch_cpu|libm\.|libm-",
     r"at::native|Vectorized|vectorized|cpu_kernel|reduce|index_select|softmax|copy_|fill|threshold"
     r"|serial_for_each|vec::|AVX|avx|log|exp|TensorIteratorBase::for_each|loop_2d|callback_fn"),
    ("libtorch without symbols (Debian's build is stripped: kernels and framework together)",
     r"libtorch|libc10", r"^0x[0-9a-f]+$"),
    ("memory: kernel (page faults, mapping)", r"\[kernel", None),
    ("memory: malloc, free, memset, memcpy", r"libc[.-]", r"malloc|free|memset|memmove|memcpy|_int_|tcache|brk|mmap"),
    ("libtorch framework (dispatcher, autograd engine, tensor objects)", r"libtorch|libc10|libgomp|libiomp", None),
    ("Java on the training thread: JIT-compiled code, JVM, JNI (Lamina, DJL)", r"libjvm|libdjl_torch|JIT|perf-\d+\.map|libjava|unknown", None),
    ("Python: interpreter and torch's bindings", r"python|libtorch_python", None),
]
OTHER = "other"


def categorise(thread, dso, symbol):
    if re.search(JVM_BACKGROUND, thread):
        return JVM_BACKGROUND_LABEL
    for label, dso_pattern, symbol_pattern in CATEGORIES:
        if dso_pattern and not re.search(dso_pattern, dso):
            continue
        if symbol_pattern and not re.search(symbol_pattern, symbol):
            continue
        return label
    return OTHER


def read_report(path):
    """(samples, thread, dso, symbol) rows of `perf report -n --stdio --sort comm,dso,sym -t TAB`."""
    rows = []
    with open(path, errors="replace") as f:
        for line in f:
            fields = [field.strip() for field in line.rstrip("\n").split("\t")]
            if line.startswith("#") or len(fields) != 5 or not fields[1].isdigit():
                continue
            rows.append((int(fields[1]), fields[2], fields[3], re.sub(r"^\[[.kgu]\]\s*", "", fields[4])))
    return rows


def steps_per_epoch(samples, batch):
    steps = math.ceil(samples / batch)
    return steps - 1 if samples % batch == 1 else steps


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("directory")
    p.add_argument("--freq", type=int, default=1999, help="perf's sampling frequency (default %(default)s)")
    args = p.parse_args()

    runs = {}
    for report in sorted(glob.glob(os.path.join(args.directory, "*.perf.txt"))):
        stem = report[:-len(".perf.txt")]
        impl, network, batch = os.path.basename(stem).split("--")
        with open(stem + ".json") as f:
            lines = [line for line in f.read().splitlines() if line.startswith("{")]
        if not lines:
            continue  # the implementation does not train this network (script-* are MNIST only)
        result = json.loads(lines[-1])
        steps = steps_per_epoch(result["samples"], result["batch_size"]) * result["timed_epochs"]
        per_category = {}
        for samples, thread, dso, symbol in read_report(report):
            label = categorise(thread, dso, symbol)
            per_category[label] = per_category.get(label, 0.0) + samples / args.freq / steps * 1e6
        wall = 1e6 * result["batch_size"] / result["samples_per_second"]
        runs.setdefault((network, int(batch[1:])), []).append((impl, per_category, wall))
    if not runs:
        sys.exit("no *.perf.txt in %s; run benchmarks/profile.sh first" % args.directory)

    labels = [label for label, _, _ in CATEGORIES]
    labels = list(dict.fromkeys(labels)) + [JVM_BACKGROUND_LABEL, OTHER]
    for (network, batch), impls in sorted(runs.items()):
        print("%s, batch %d: CPU microseconds per training step, from perf samples of the timed epochs" % (network, batch))
        print()
        print("| where | " + " | ".join(impl for impl, _, _ in impls) + " |")
        print("|---|" + "---:|" * len(impls))
        for label in labels:
            if any(per.get(label, 0) >= 0.5 for _, per, _ in impls):
                print("| %s | %s |" % (label, " | ".join("%.0f" % per.get(label, 0.0) for _, per, _ in impls)))
        print("| **all CPU time** | %s |" % " | ".join("**%.0f**" % sum(per.values()) for _, per, _ in impls))
        print("| fastest epoch's wall time per step | %s |" % " | ".join("%.0f" % wall for _, _, wall in impls))
        print()


if __name__ == "__main__":
    main()
