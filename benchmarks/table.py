#!/usr/bin/env python3
"""Formats benchmarks/target/results.jsonl as the comparison table (Markdown).

One row per network, batch size and thread count. With several runs of a configuration (compare.sh
--repeat) each implementation's best samples/s is shown: on a shared machine the fastest run is the one
least disturbed by other processes.

  /usr/bin/python3 benchmarks/table.py benchmarks/target/results.jsonl
"""

import json
import sys

IMPLS = ("lamina", "djl-raw", "pytorch")


def threads_label(impls):
    """The count, or for the implementations' defaults what each chose: 'default (1)', 'default (1, 2)'."""
    rows = [impls[name] for name in IMPLS if name in impls]
    if rows[0].get("thread_setting") != "default":
        return str(rows[0]["threads"])
    counts = sorted({row["threads"] for row in rows})
    if len(counts) == 1:
        return "default (%d)" % counts[0]
    return "default (%s)" % ", ".join("%s %d" % (name, impls[name]["threads"]) for name in IMPLS if name in impls)


def main(path):
    best = {}
    order = []
    impls_seen = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            row = json.loads(line)
            key = (row["network"], row["batch_size"], row.get("thread_setting", "explicit"),
                   row["threads"] if row.get("thread_setting") != "default" else -1)
            if key not in best:
                best[key] = {}
                order.append(key)
            if row["impl"] not in impls_seen:
                impls_seen.append(row["impl"])
            current = best[key].get(row["impl"])
            if current is None or row["samples_per_second"] > current["samples_per_second"]:
                best[key][row["impl"]] = row
    # default threads first, then by count; networks and batch sizes in the order they ran
    order.sort(key=lambda k: (k[2] != "default", k[3]))

    def sps(impls, name):
        row = impls.get(name)
        return "%.0f" % row["samples_per_second"] if row else "-"

    def ratio(impls, a, b):
        if a in impls and b in impls:
            return "%.2f" % (impls[a]["samples_per_second"] / impls[b]["samples_per_second"])
        return "-"

    def rss(impls):
        return " / ".join("%.0f" % impls[n]["peak_rss_mb"] if n in impls else "-" for n in IMPLS)

    print("| configuration | threads | Lamina samples/s | DJL raw samples/s | PyTorch samples/s "
          "| Lamina/PyTorch | Lamina/DJL-raw | peak RSS MB (Lamina / DJL raw / PyTorch) |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for key in order:
        impls = best[key]
        print("| %s batch %d | %s | %s | %s | %s | %s | %s | %s |" % (
            key[0], key[1], threads_label(impls), sps(impls, "lamina"), sps(impls, "djl-raw"),
            sps(impls, "pytorch"), ratio(impls, "lamina", "pytorch"), ratio(impls, "lamina", "djl-raw"),
            rss(impls)))
    print()
    print("samples/s: training samples / seconds of the fastest timed epoch's training loop; ratios above 1 "
          "mean Lamina is faster.")
    extras = [name for name in impls_seen if name not in IMPLS]
    if extras:
        print_all(best, order, [name for name in IMPLS if name in impls_seen] + extras)


def print_all(best, order, names):
    """Every implementation side by side (script-step, PyTorch 2.x, ...), each with Lamina's ratio to it."""
    print()
    print("All implementations, samples/s (Lamina's ratio to each in brackets):")
    print()
    print("| configuration | threads | " + " | ".join(names) + " |")
    print("|---|---|" + "---:|" * len(names))
    for key in order:
        impls = best[key]
        cells = []
        for name in names:
            row = impls.get(name)
            if row is None:
                cells.append("-")
            elif name == "lamina" or "lamina" not in impls:
                cells.append("%.0f" % row["samples_per_second"])
            else:
                cells.append("%.0f (%.2f)" % (row["samples_per_second"],
                                             impls["lamina"]["samples_per_second"] / row["samples_per_second"]))
        print("| %s batch %d | %s | %s |" % (key[0], key[1], threads_label(impls), " | ".join(cells)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/results.jsonl")
