#!/usr/bin/env python3
"""Formats benchmarks/target/inference.jsonl (benchmarks/inference.sh) as the side-by-side table (Markdown).

One row per network and measurement, Lamina next to PyTorch; the last column says how many times faster
Lamina is (PyTorch's latency over Lamina's, Lamina's rows per second over PyTorch's). Then the goals, and
Lamina's resident size over the memory run.

  /usr/bin/python3 benchmarks/inference_table.py benchmarks/target/inference.jsonl
"""

import json
import sys


def read(path):
    rows = {}
    rss = []
    notes = set()
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            row = json.loads(line)
            if row["scenario"] == "rss":
                rss.append(row)
                continue
            if row.get("fingerprints") == "precomputed":
                notes.add("PyTorch's Tox21SrMmp rows time precomputed fingerprints: no RDKit was installed.")
            key = (row["network"], row["scenario"], row["mode"], row["callers"], row["batch_size"])
            rows.setdefault(key, {})[row["impl"]] = row
    return rows, rss, notes


def number(value, digits=0):
    return "{:,.{}f}".format(value, digits)


def main(path):
    rows, rss, notes = read(path)
    networks = []
    for key in rows:
        if key[0] not in networks:
            networks.append(key[0])
    print("| network | measurement | Lamina | PyTorch | Lamina faster by |")
    print("|---|---|---:|---:|---:|")
    goals = []
    for network in networks:
        latency = rows.get((network, "latency", "direct", 1, 1), {})
        if "lamina" in latency and "pytorch" in latency:
            for field, label in (("p50_us", "p50"), ("p99_us", "p99")):
                a, b = latency["lamina"][field], latency["pytorch"][field]
                print("| %s | latency %s, 1 row, 1 caller (us) | %s | %s | %.2fx |"
                      % (network, label, number(a), number(b), b / a))
            goals.append("%s single-row p50 latency <= PyTorch's: %s (%s against %s us)" % (
                network, "met" if latency["lamina"]["p50_us"] <= latency["pytorch"]["p50_us"] else "NOT met",
                number(latency["lamina"]["p50_us"]), number(latency["pytorch"]["p50_us"])))
        alone = rows.get((network, "latency", "micro-batched", 1, 1), {})
        if "lamina" in alone and "pytorch" in alone:
            a, b = alone["lamina"]["p50_us"], alone["pytorch"]["p50_us"]
            print("| %s | latency p50, 1 row, 1 caller, micro-batched (us) | %s | %s | %.2fx |"
                  % (network, number(a), number(b), b / a))
        for mode in ("direct", "micro-batched"):
            for key in sorted(k for k in rows if k[0] == network and k[1] == "throughput" and k[2] == mode):
                impls = rows[key]
                if "lamina" not in impls or "pytorch" not in impls:
                    continue
                a, b = impls["lamina"]["rows_per_second"], impls["pytorch"]["rows_per_second"]
                print("| %s | rows/s, %d caller%s, %s | %s | %s | %.2fx |"
                      % (network, key[3], "" if key[3] == 1 else "s", mode, number(a), number(b), a / b))
        best = {}
        for impl in ("lamina", "pytorch"):
            eight = [rows[k][impl]["rows_per_second"] for k in rows
                     if k[0] == network and k[1] == "throughput" and k[3] == 8 and impl in rows[k]]
            if eight:
                best[impl] = max(eight)
        if len(best) == 2:
            ratio = best["lamina"] / best["pytorch"]
            goals.append("%s 8-caller throughput >= 2x PyTorch's (each side's better mode): %s (%.2fx: %s against %s rows/s)"
                         % (network, "met" if ratio >= 2 else "NOT met", ratio, number(best["lamina"]),
                            number(best["pytorch"])))
        for key in sorted(k for k in rows if k[0] == network and k[1] == "batch"):
            impls = rows[key]
            if "lamina" in impls and "pytorch" in impls:
                a, b = impls["lamina"]["rows_per_second"], impls["pytorch"]["rows_per_second"]
                print("| %s | rows/s, batches of %d, 1 caller | %s | %s | %.2fx |"
                      % (network, key[4], number(a), number(b), a / b))
    print()
    micro = next((r.get("lamina", r.get("pytorch")) for k, r in rows.items() if k[2] == "micro-batched"), None)
    if micro:
        print("micro-batched: BatchingPredictor (maxBatch %d, maxWait %d us) in Lamina, a Python worker thread with "
              "the same rules for PyTorch." % (micro["max_batch"], micro["max_wait_us"]))
    for note in sorted(notes):
        print(note)
    for row in rss:
        mb = row["sample_rss_mb"]
        counts = row["sample_predictions"]
        # After the first tenth: the JIT, glibc's per-thread arenas and the heap settle first.
        settled = [m for c, m in zip(counts, mb) if c >= row["predictions"] // 10]
        print()
        print("Lamina %s, RSS over %s single-row predictions (%d callers): %s MB at the start, %s MB after a "
              "tenth, %s MB at the end (min %s, max %s after the first tenth)."
              % (row["network"], number(row["predictions"]), row["callers"], number(mb[0], 1),
                 number(settled[0], 1), number(mb[-1], 1), number(min(settled), 1), number(max(settled), 1)))
        print("Samples (predictions: MB): " + ", ".join("%s: %.1f" % (number(c), m) for c, m in zip(counts, mb)))
    if goals:
        print()
        for goal in goals:
            print("- " + goal)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/inference.jsonl")
