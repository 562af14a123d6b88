#!/usr/bin/env python3
"""Writes the committed summary of one benchmark run from JMH's raw JSON (scripts/run-benchmarks.sh).

The raw JSON (every iteration, percentiles, ~600 KB) stays out of git; the summary keeps one row per figure:

    benchmark  params  mode  threads  score  error  unit  alloc_b_op  jdk  date  machine

`benchmark` is JMH's name without the package, `params` JMH's parameters as `k=v` pairs joined by `,` (or `-`),
`error` JMH's 99.9% half-interval (or `-`), `alloc_b_op` the gc profiler's `gc.alloc.rate.norm` (or `-`).
Lines starting with `#` before the header carry the whole machine description (`# key=value`).
benchmarks/report.py writes docs/BENCHMARKS.md from such a file.

    summarize.py --machine machine.properties --out results/DATE-jdkN.tsv single.json contended.json redis.json
"""
import argparse
import json
import math
import re
import sys

PKG = "dev.atomics.benchmarks."
COLUMNS = ["benchmark", "params", "mode", "threads", "score", "error", "unit", "alloc_b_op", "jdk", "date",
           "machine"]


def read_machine(path):
    m = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                k, _, v = line.rstrip("\n").partition("=")
                m[k.strip()] = v.strip()
    return m


def number(x):
    """Eight significant digits: every figure the report rounds comes out as from the raw JSON."""
    if x is None:
        return "-"
    x = float(x)
    if math.isnan(x):
        return "-"
    return f"{x:.8g}"


def jdk_of(machine):
    found = re.search(r'version "(\d+)', machine.get("java", ""))
    return f"jdk{found.group(1)}" if found else "jdk"


def rows(entries, machine):
    jdk = jdk_of(machine)
    date = machine.get("date", "?")
    box = f"{machine.get('cpu', '?')} x{machine.get('nproc', '?')}"
    for e in entries:
        name = e["benchmark"]
        name = name[len(PKG):] if name.startswith(PKG) else name
        params = ",".join(f"{k}={v}" for k, v in sorted((e.get("params") or {}).items())) or "-"
        pm = e["primaryMetric"]
        alloc = (e.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm", {}).get("score")
        yield [name, params, e["mode"], str(e["threads"]), number(pm["score"]), number(pm.get("scoreError")),
               pm["scoreUnit"], number(alloc), jdk, date, box]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--machine", required=True, help="the machine.properties the run recorded")
    ap.add_argument("--out", required=True)
    ap.add_argument("json", nargs="+", help="JMH result files (-rf json)")
    args = ap.parse_args()
    machine = read_machine(args.machine)
    lines = [f"# {k}={v}" for k, v in machine.items()]
    lines.append("\t".join(COLUMNS))
    for path in args.json:
        with open(path) as f:
            entries = json.load(f)
        for row in rows(entries, machine):
            if any("\t" in c or "\n" in c for c in row):
                sys.exit(f"a field of {row[0]} holds a tab or newline")
            lines.append("\t".join(row))
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.out} ({len(lines) - len(machine) - 1} rows)")


if __name__ == "__main__":
    main()
