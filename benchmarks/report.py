#!/usr/bin/env python3
"""Writes docs/BENCHMARKS.md from the committed summary of one run of the JMH suite (scripts/run-benchmarks.sh).

Input: one summary written by benchmarks/summarize.py (benchmarks/results/DATE-jdkN.tsv: the single-thread run
with -prof gc, the two-thread run, the Redis run, the ZooKeeper run and the machine description). Every ratio
compares figures of that one run. Runs alone on a committed summary; a summary from before a benchmark existed
gives "not run" where its figures would be:

    python3 benchmarks/report.py                      the newest summary in benchmarks/results/
    python3 benchmarks/report.py --summary FILE --out FILE
"""
import argparse
import glob
import math
import os
import re
import sys

PKG = "dev.atomics.benchmarks."

OPS = ["load", "store", "inc", "fetchAdd", "cmpxchgStrong", "compareAndSet", "bitSet"]
HOT_OPS = ["load", "store", "inc", "fetchAdd", "cmpxchgStrong", "compareAndSet"]

# (benchmark class, engine param or None) -> (width, subject)
SUBJECTS = {
    ("OursWidth8", "JVM"): (8, "ours-jvm"),
    ("OursWidth8", "PATOMIC"): (8, "ours-patomic"),
    ("OursWidth8Mixed", "JVM"): (8, "ours-jvm-mixed"),
    ("AtomicLongWidth8", None): (8, "atomiclong"),
    ("VarHandleWidth8", None): (8, "varhandle"),
    ("AgronaWidth8", None): (8, "agrona"),
    ("JnaNaiveWidth8", None): (8, "jna-naive"),
    ("JnaFloor", None): (0, "jna-floor"),
    ("JnaFloorArity", None): (0, "jna-floor-arity"),
    ("BridgeFloor", None): (0, "bridge-floor"),
    ("Width16Calls", None): (16, "bridge-calls"),
    ("OursWidth1", "JVM"): (1, "ours-jvm"),
    ("OursWidth1", "PATOMIC"): (1, "ours-patomic"),
    ("VarHandleWidth1", None): (1, "varhandle"),
    ("AgronaWidth1", None): (1, "agrona"),
    ("OursWidth2", "JVM"): (2, "ours-jvm"),
    ("OursWidth2", "PATOMIC"): (2, "ours-patomic"),
    ("AgronaWidth2", None): (2, "agrona"),
    ("VarHandleWidth2", None): (2, "varhandle"),
    ("OursWidth4", "JVM"): (4, "ours-jvm"),
    ("AgronaWidth4", None): (4, "agrona"),
    ("VarHandleWidth4", None): (4, "varhandle"),
    ("SharedWidth8", "JVM"): (8, "shared-jvm"),
    ("SharedWidth8", "PATOMIC"): (8, "shared-patomic"),
    ("OursWidth16", None): (16, "ours-patomic"),
    ("SynchronizedWidth16", None): (16, "synchronized"),
    ("StampedLockWidth16", None): (16, "stampedlock"),
}

# benchmark classes whose "width" parameter gives the width (the mixed program measures several)
WIDTH_PARAM = {"OursWidth8Mixed"}

LABELS = {
    (8, "ours-jvm"): "atomics JVM engine",
    (8, "ours-patomic"): "atomics patomic engine",
    (8, "ours-jvm-mixed"): "atomics JVM engine, mixed program",
    (8, "atomiclong"): "AtomicLong",
    (8, "varhandle"): "VarHandle (direct buffer)",
    (8, "agrona"): "Agrona UnsafeBuffer",
    (8, "jna-naive"): "JNA Function.invoke (naive)",
    (8, "shared-jvm"): "atomics JVM engine, view of shared memory",
    (8, "shared-patomic"): "atomics patomic engine, view of shared memory",
    (1, "ours-jvm"): "atomics JVM engine",
    (1, "ours-patomic"): "atomics patomic engine",
    (1, "ours-jvm-mixed"): "atomics JVM engine, mixed program",
    (1, "varhandle"): "VarHandle (heap byte[])",
    (1, "agrona"): "Agrona UnsafeBuffer (byte / int CAS)",
    (2, "ours-jvm"): "atomics JVM engine",
    (2, "ours-patomic"): "atomics patomic engine",
    (2, "agrona"): "Agrona UnsafeBuffer (short / int CAS)",
    (2, "varhandle"): "VarHandle (heap short[])",
    (4, "ours-jvm"): "atomics JVM engine",
    (4, "agrona"): "Agrona UnsafeBuffer",
    (4, "varhandle"): "VarHandle (direct buffer)",
    (16, "ours-patomic"): "atomics patomic engine (cmpxchg16b)",
    (16, "synchronized"): "`synchronized` 16-byte buffer",
    (16, "stampedlock"): "`StampedLock` 16-byte buffer",
}

# Width 16: operations of OursWidth16 / SynchronizedWidth16 / StampedLockWidth16, and the subjects of ContendedWidth16.
OPS16 = ["load", "compareAndSet", "compareAndExchange", "fetchAdd"]
SUBJECTS16 = ["ours-patomic", "synchronized", "stampedlock"]
CONTENDED16 = [("OURS", "atomics patomic engine (cmpxchg16b)"), ("SYNCHRONIZED", "`synchronized` 16-byte buffer"),
               ("STAMPED_LOCK", "`StampedLock` 16-byte buffer")]

CONTENDED = [
    ("ContendedOurs", "JVM", "atomics JVM engine"),
    ("ContendedOurs", "PATOMIC", "atomics patomic engine"),
    ("ContendedAtomicLong", None, "AtomicLong"),
    ("ContendedVarHandle", None, "VarHandle (direct buffer)"),
    ("ContendedAgrona", None, "Agrona UnsafeBuffer"),
    ("ContendedJna", None, "JNA Function.invoke (naive)"),
]

# The bridge entry point each operation calls, by its number of arguments (see JnaFloorArity).
ARITY = {"load": 2, "store": 3, "inc": 2, "fetchAdd": 3, "cmpxchgStrong": 4, "compareAndSet": 4, "bitSet": 3}

JVM_TARGET = 1.3  # JVM engine against the best off-heap peer of its width (issue 25)
JVM_WIDTHS = (1, 2, 4, 8)
# The peers of the JVM engine; the target compares with the fastest of them, width by width and op by op. At
# widths 4 and 8 the VarHandle is a view of a direct buffer (off-heap, as the JVM engine's memory); at widths 1
# and 2 no off-heap API has a read-modify-write, so the references are Agrona's hand-written word-CAS and a
# VarHandle on a heap byte[] / short[] (see LABELS).
JVM_PEERS = ("agrona", "varhandle")
PATOMIC_TARGET = 1.5
REDIS_INC_TARGET = 1.0   # atomics-redis inc / fetchAdd against RedisAtomicLong.incrementAndGet
REDIS_CAS_TARGET = 0.5   # atomics-redis compareAndSet against RedisAtomicLong.compareAndSet

# (operation, atomics-redis benchmark, RedisAtomicLong benchmark, RedisAtomicLong method, target or None)
REDIS_ROWS = [
    ("inc", "oursInc", "theirsIncrementAndGet", "incrementAndGet", REDIS_INC_TARGET),
    ("fetchAdd", "oursFetchAdd", "theirsIncrementAndGet", "incrementAndGet", REDIS_INC_TARGET),
    ("compareAndSet", "oursCompareAndSet", "theirsCompareAndSet", "compareAndSet", REDIS_CAS_TARGET),
    ("load", "oursLoad", "theirsGet", "get", None),
]
ZK_TARGET = 1.0  # atomics-zookeeper inc / fetchAdd / compareAndSet against DistributedAtomicLong (issue 28)
# (operation as shown, atomics-zookeeper benchmark, DistributedAtomicLong benchmark or None, its method, target)
ZK_ROWS = [
    ("`inc`", "incOurs", "incTheirs", "increment", ZK_TARGET),
    ("`fetchAdd`", "fetchAddOurs", "incTheirs", "increment", ZK_TARGET),
    ("`compareAndSet`", "compareAndSetOurs", "compareAndSetTheirs", "compareAndSet", ZK_TARGET),
    ("`load`", "loadOurs", "loadTheirs", "get", None),
    ("`load` (linearizable)", "loadLinearizableOurs", None, None, None),
]
ZERO_BYTES = 0.1  # gc.alloc.rate.norm below this is "0 B/op": JMH's own counters leave ~1e-4..1e-2 B/op


class Figure:
    def __init__(self, score, error, unit, alloc=None):
        self.score = score
        self.error = error if error is not None and not math.isnan(error) else None
        self.unit = unit
        self.alloc = alloc

    def lo(self):
        return self.score - (self.error or 0.0)

    def hi(self):
        return self.score + (self.error or 0.0)


def num(x):
    if x is None:
        return None
    if isinstance(x, str):
        try:
            return float(x)
        except ValueError:
            return None
    return float(x)


def load_summary(path):
    """The machine description and the figures of a summary, each as the part of a JMH JSON entry report.py reads."""
    machine, entries, header = {}, [], None
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            if header is None and line.startswith("#"):
                k, _, v = line[1:].strip().partition("=")
                machine[k] = v
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            r = dict(zip(header, cells))
            params = dict(p.split("=", 1) for p in r["params"].split(",")) if r["params"] != "-" else {}
            e = {"benchmark": PKG + r["benchmark"], "params": params,
                 "primaryMetric": {"score": r["score"], "scoreError": r["error"], "scoreUnit": r["unit"]}}
            if r["alloc_b_op"] != "-":
                e["secondaryMetrics"] = {"gc.alloc.rate.norm": {"score": r["alloc_b_op"]}}
            entries.append(e)
    return machine, entries


def newest_summary(directory):
    found = sorted(glob.glob(os.path.join(directory, "*.tsv")))
    if not found:
        sys.exit(f"no benchmark summary (*.tsv) in {directory}")
    return found[-1]


def split_name(benchmark):
    name = benchmark[len(PKG):] if benchmark.startswith(PKG) else benchmark
    cls, _, method = name.rpartition(".")
    return cls, method


def figure_of(entry):
    pm = entry["primaryMetric"]
    alloc = None
    sm = entry.get("secondaryMetrics", {})
    if "gc.alloc.rate.norm" in sm:
        alloc = num(sm["gc.alloc.rate.norm"].get("score"))
    return Figure(num(pm["score"]), num(pm.get("scoreError")), pm["scoreUnit"], alloc)


def single_results(entries):
    res = {}
    for e in entries:
        cls, method = split_name(e["benchmark"])
        engine = (e.get("params") or {}).get("engine")
        key = SUBJECTS.get((cls, engine))
        if key is None:
            print(f"warning: unknown benchmark {cls}.{method} {engine}", file=sys.stderr)
            continue
        width = key[0]
        if cls in WIDTH_PARAM:
            width = int((e.get("params") or {}).get("width", width))
        res[(width, key[1], method)] = figure_of(e)
    return res


def contended_results(entries):
    res = {}
    for e in entries:
        cls, method = split_name(e["benchmark"])
        params = e.get("params") or {}
        engine = params.get("engine") or params.get("subject")
        res[(cls, engine, method)] = figure_of(e)
    return res


def fmt(x, digits=None):
    if x is None:
        return "–"
    if digits is None:
        ax = abs(x)
        digits = 2 if ax < 10 else 1 if ax < 100 else 0
    return f"{x:,.{digits}f}"


def cell(f):
    if f is None:
        return "–"
    if f.error is None:
        return fmt(f.score)
    return f"{fmt(f.score)} ± {fmt(f.error)}"


def ratio(a, b):
    if a is None or b is None or not b.score:
        return None
    return a.score / b.score


def ratio_cell(a, b):
    r = ratio(a, b)
    return "–" if r is None else f"{r:.2f}×"


def verdict(a, b, limit):
    """Whether a <= limit * b, and whether the error intervals could turn the verdict around."""
    r = ratio(a, b)
    if r is None:
        return None, "n/a"
    lo = a.lo() / b.hi() if b.hi() > 0 else r
    hi = a.hi() / b.lo() if b.lo() > 0 else math.inf
    holds = r <= limit
    if holds:
        text = "holds" if hi <= limit else "holds (within error)"
    else:
        text = "fails" if lo > limit else "fails (within error)"
    return holds, text


def alloc_cell(f):
    if f is None or f.alloc is None:
        return "–"
    if f.alloc < ZERO_BYTES:
        return f"0 ({f.alloc:.0e})" if f.alloc > 0 else "0"
    return fmt(f.alloc, 1)


def zk_setup(machine):
    if "zookeeper" not in machine:
        return "not run"
    server = (f"the ensemble `{machine['zookeeper_ensemble']}`" if machine.get("zookeeper_ensemble")
              else "one standalone server in each benchmark fork, fsync on")
    return f"ZooKeeper {machine['zookeeper'] or '?'}, Curator {machine.get('curator') or '?'}; {server}"


def server_targets(rows, figures):
    """The target rows of a server comparison (ROWS: op, ours, theirs, method, limit): per row with a limit and
    both figures, (op, ours, theirs, limit, verdict text); and how many held, of how many."""
    out, held, n = [], 0, 0
    for op, ours, theirs, _, limit in rows:
        a = figures.get(ours)
        b = figures.get(theirs) if theirs else None
        if limit is None or a is None or b is None:
            continue
        n += 1
        h, t = verdict(a, b, limit)
        held += bool(h)
        out.append((op, ours, theirs, limit, t))
    return out, held, n


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    for r in rows:
        out.append("| " + " | ".join(r) + " |")
    return "\n".join(out)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--summary", help="a summary written by summarize.py (default: the newest committed one)")
    ap.add_argument("--out", default=os.path.join(root, "docs", "BENCHMARKS.md"))
    args = ap.parse_args()
    summary = args.summary or newest_summary(os.path.join(root, "benchmarks", "results"))

    machine, entries = load_summary(summary)
    single_entries, contended_entries, redis, zk = [], [], {}, {}
    for e in entries:
        cls, method = split_name(e["benchmark"])
        if cls.startswith("Contended"):
            contended_entries.append(e)
        elif cls == "RedisCounters":
            redis[method] = figure_of(e)
        elif cls == "ZookeeperCounters":
            zk[method] = figure_of(e)
        else:
            single_entries.append(e)
    single = single_results(single_entries)
    contended = contended_results(contended_entries)
    summary_name = os.path.relpath(summary, root) if summary.startswith(root) else summary

    def get(width, subject, op):
        return single.get((width, subject, op))

    floor = get(0, "jna-floor", "noop")
    # the binding the patomic engine called through in this run: FFM on Java 22+ unless JNA was forced
    feature = re.search(r'version "(\d+)', machine.get("java", ""))
    ffm = (feature is not None and int(feature.group(1)) >= 22
           and "atomics.native.binding=jna" not in machine.get("java_options", ""))
    call = "FFM downcall" if ffm else "JNA direct call"
    L = []
    w = L.append

    w("# Benchmarks")
    w("")
    w("Generated by `scripts/run-benchmarks.sh` from one run of the JMH suite in the `benchmarks` module "
      f"(its summary: `{summary_name}`; JMH's raw JSON is not committed). Do not edit by hand: run the script "
      "again, or `python3 benchmarks/report.py` on a committed summary.")
    w("")
    w("## Machine and options")
    w("")
    w(table(["", ""], [
        ["date (UTC)", machine.get("date", "?")],
        ["commit", f"`{machine.get('commit', '?')}`"],
        ["CPU", machine.get("cpu", "?")],
        ["cores (`nproc`)", machine.get("nproc", "?")],
        ["kernel", machine.get("kernel", "?")],
        ["JVM", machine.get("java", "?")],
        ["Redis (Redis rows)", machine.get("redis", "?") + ", local, no persistence"],
        ["ZooKeeper (ZooKeeper rows)", zk_setup(machine)],
        ["JMH options", f"`{machine.get('jmh_options', '?')}` (`-f`: JVM forks per benchmark), "
                        "`-Xms1g -Xmx1g`; single-thread run with `-prof gc`"],
        ["load average (1, 5, 15 min) at start / end",
         f"{machine.get('loadavg_start', '?')} / {machine.get('loadavg_end', '?')}"],
    ]))
    w("")
    if machine.get("mode") == "quick":
        w("**Quick mode: short iterations, a smoke test of the pipeline. The figures are rough.**")
        w("")
    w("The machine has 2 cores shared with other work: a load average well above 0 at start or end means "
      "other processes ran during the measurement and figures are noisier (errors are JMH's 99.9% "
      "confidence half-intervals over the measured iterations of every fork). Ratios compare figures of this one run.")
    w("")

    # ---------------------------------------------------------------- native calls
    w("## Native calls: the binding and its targets")
    w("")
    bfloor = get(0, "bridge-floor", "noop")
    w(f"The patomic engine's calls go through the binding of this JVM ({machine.get('java', '?')[:40]}...): FFM "
      "downcalls on Java 22+, JNA on 17-21 (`atomics.native.binding`). `BridgeFloor.noop` is the empty call "
      "through that binding, `JnaFloor.noop` the empty JNA call: on 22+ the two side by side compare the "
      "bindings in one run. Targets (issue 25, JDK 25): 8-byte ops at most 12 ns; the 16-byte CAS at most "
      "1.1x the StampedLock-guarded pair uncontended and more CAS/us than it with 2 threads; the 16-byte load "
      "at most the empty call + 2 ns.")
    w("")
    rows = [["empty call, this binding (`BridgeFloor.noop`)", cell(bfloor), "", ""],
            ["empty call, JNA (`JnaFloor.noop`)", cell(floor), "", ""]]
    for op in ["inc", "fetchAdd", "cmpxchgStrong"]:
        f = get(8, "ours-patomic", op)
        v = "–" if f is None else ("holds" if f.score <= 12 else "fails")
        rows.append([f"patomic engine, 8-byte `{op}`", cell(f), "≤ 12 ns", v])
    cas16 = get(16, "ours-patomic", "compareAndSet")
    cas16_lock = get(16, "stampedlock", "compareAndSet")
    rows.append(["16-byte `compareAndSet` / StampedLock pair", f"{cell(cas16)} / {cell(cas16_lock)}",
                 "≤ 1.1×", f"{ratio_cell(cas16, cas16_lock)}: {verdict(cas16, cas16_lock, 1.1)[1]}"])
    load16 = get(16, "ours-patomic", "load")
    if load16 is not None and bfloor is not None:
        excess = load16.score - bfloor.score
        rows.append(["16-byte `load` − empty call", f"{cell(load16)} − {cell(bfloor)}", "≤ 2 ns",
                     f"{fmt(excess)} ns: {'holds' if excess <= 2 else 'fails'}"])
    c_ours = contended.get(("ContendedWidth16", "OURS", "casLoop"))
    c_lock = contended.get(("ContendedWidth16", "STAMPED_LOCK", "casLoop"))
    if c_ours is not None and c_lock is not None:
        rows.append(["16-byte CAS loop, 2 threads (ops/µs) / StampedLock pair", f"{cell(c_ours)} / {cell(c_lock)}",
                     "> 1×", f"{ratio_cell(c_ours, c_lock)}: {'holds' if c_ours.score > c_lock.score else 'fails'}"])
    for m, label in [("byAddress", "values by address, per-thread buffer"),
                     ("inRegisters", "values in registers (`atomics_bridge_cas16`)")]:
        f = get(16, "bridge-calls", m)
        if f is not None:
            rows.append([f"bridge-level 16-byte CAS, {label} (`Width16Calls.{m}`)", cell(f), "", ""])
    w(table(["", "figure", "target", "verdict"], rows))
    w("")

    # ---------------------------------------------------------------- what is measured
    w("## What each benchmark measures")
    w("")
    w("Every operation is the SEQ_CST one (each API's default). Operands come from state fields, results "
      "are returned to JMH's blackhole, and each compare-and-exchange expects the current value, so "
      "every CAS in the single-thread tables succeeds.")
    w("")
    w("- **atomics JVM engine** (`OursWidth8`, engine `JVM`): `Atomics.atomic(8, AtomicType.INT, Engine.JVM)` "
      "— VarHandle access modes on the object's direct buffer, behind the atomics-core API.")
    w("- **atomics JVM engine, widths 1 and 2** (`OursWidth1`/`OursWidth2`, engine `JVM`): 1- and 2-byte "
      "`AtomicInt`s owning their memory: loads of the containing word (1 byte) or 2-byte VarHandle loads, "
      "fenced byte stores or 2-byte VarHandle stores; read-modify-writes on the aligned 4-byte word holding "
      "the object (an owned object sits at the top of its word, so an add is one `xadd` and a CAS one "
      "`cmpxchg`; a view elsewhere in a word uses a CAS loop, as Agrona does).")
    w("- **atomics JVM engine, width 4** (`OursWidth4`, engine `JVM` only): a 4-byte `AtomicInt` owning its "
      "memory, 4-byte VarHandle access modes on its direct buffer, as at width 8. The patomic engine is left "
      "out at this width: its cost is the native call, which widths 1, 2 and 8 measure.")
    w("- **atomics patomic engine** (`OursWidth8`/`OursWidth1`/`OursWidth2`, engine `PATOMIC`): the same API, "
      f"each operation one native call into the bridge (an FFM downcall on Java 22+, a JNA direct call on 17-21; "
      f"this run: {call}s), which calls the patomic function pointer.")
    w("- **atomics JVM engine, mixed program** (`OursWidth8Mixed`, widths 8 and 1): the JVM engine after the "
      "setup used JVM objects of every width (int and bytes), patomic objects and a readonly view, as an "
      "application with several kinds of atomics does: the JIT then sees several `Ops` classes at "
      "atomics-core's dispatch sites and every width branch of the JVM engine taken.")
    w("- **AtomicLong** (`AtomicLongWidth8`): `get`, `set`, `incrementAndGet`, `getAndAdd`, "
      "`compareAndExchange` (cmpxchgStrong), `compareAndSet`, and `getAndAccumulate(mask, x | y)` for bitSet.")
    w("- **VarHandle (direct buffer)** (`VarHandleWidth8`): `byteBufferViewVarHandle(long[].class)` on an "
      "8-byte direct buffer: `getVolatile`, `setVolatile`, `getAndAdd`, `compareAndExchange`, "
      "`compareAndSet`, `getAndBitwiseOr`; at width 4 (`VarHandleWidth4`) the same on the `int[]` view of a "
      "4-byte direct buffer. At width 1 (`VarHandleWidth1`) the JVM has no byte view of a buffer, and at "
      "width 2 its `short[]` view has no read-modify-write, so those rows are `arrayElementVarHandle` on a heap "
      "`byte[]` (`short[]` for `VarHandleWidth2`), memory no other process can see: a lower bound, not a "
      "like-for-like peer.")
    w("- **Agrona UnsafeBuffer** (`AgronaWidth8`/`AgronaWidth4`/`AgronaWidth2`/`AgronaWidth1`, Agrona 2.6.0, "
      "bounds checks on as by default): "
      "`getLongVolatile`, `putLongVolatile`, `getAndAddLong`, `compareAndSetLong`; it has no "
      "compare-and-exchange returning the witness (no cmpxchgStrong figure) and no bitwise operation "
      "(bitSet is a `compareAndSetLong` loop). At width 4 the `Int` forms of the same methods. At width 1 "
      "(and 2): `getByteVolatile`/`putByteVolatile` "
      "(`getShortVolatile`/`putShortVolatile`), and every read-modify-write is a `compareAndSetInt` loop on "
      "the aligned 4-byte word holding the byte (short): what an Agrona user writes.")
    w("- **JNA floor** (`JnaFloor.noop`): one JNA direct-mapped call of `atomics_bridge_noop`, a native "
      "function that does nothing, through the same bridge library and calling machinery as every "
      "patomic-engine operation: the least any JNA path can cost.")
    w("- **JNA floor by argument count** (`JnaFloorArity`, a diagnostic): the same no-op direct-mapped with "
      "2, 3 and 4 arguments, the argument lists of the bridge entry points (the C calling convention lets "
      "the callee ignore extra arguments): what JNA charges per argument.")
    w("- **JNA Function.invoke (naive)** (`JnaNaiveWidth8`): the same patomic function pointers called "
      "with `com.sun.jna.Function.invokeVoid/invokeInt`: an `Object[]` of boxed arguments and a fresh "
      "`LongByReference` for every value passed or returned, as a first binding would.")
    w("- **Redis** (`RedisCounters`, µs/op): a counter on a key of a local redis-server (started by the script, "
      "no persistence), both subjects made from one `LettuceConnectionFactory` with Boot's defaults: "
      "atomics-redis's `AtomicInt` of width 8 (`inc` and `fetchAdd` are one `INCRBY`, `compareAndSet` one "
      "`EVALSHA` of its script, `load` a `GET`, on a connection of its own that never re-sends a command) against "
      "Spring Data Redis's `RedisAtomicLong` (`incrementAndGet`: `INCRBY` through a `RedisTemplate`; "
      "`compareAndSet`: `WATCH`, `GET`, `MULTI`, `SET`, `EXEC` in a session on a dedicated connection; `get`). "
      "Single thread, each compare-and-set expecting the current value.")
    w("- **ZooKeeper** (`ZookeeperCounters`, µs/op): a counter on a znode of one standalone ZooKeeper server "
      "that the benchmark's JVM starts for itself (curator-test's `TestingServer`, transaction log fsync on, "
      "as in production), both subjects on one Curator client: atomics-zookeeper's `AtomicInt` of width 8 "
      "(`inc`, `fetchAdd`, `compareAndSet`: a read and a `setData` conditional on the znode's version; "
      "`load`: a `getData`; the linearizable load: `getData`, then `multi(check(path, version))` through the "
      "leader) against Curator's `DistributedAtomicLong` (`increment`: its optimistic read and conditional "
      "`setData` loop, no lock; `compareAndSet`: single-shot; `get`). Single thread, each compare-and-set "
      "expecting the current value; every write is a round trip and a transaction log write.")
    w("- **Contended** (`Contended*`): two threads (`@Threads(2)`) on one shared counter: `fetchAdd` "
      "(getAndAdd) and a CAS increment loop retrying with the witnessed value (Agrona reloads, having no "
      "witness), in operations per microsecond, both threads together.")
    w("- **Width 16** (`OursWidth16`, `SynchronizedWidth16`, `StampedLockWidth16`, `ContendedWidth16`): a 16-byte "
      f"`AtomicUint` (patomic engine: `lock cmpxchg16b`, one {call} per operation, values through a "
      "per-thread native buffer, or on FFM in registers for CAS, store and the value-less read-modify-writes) against what a Java user has today, a 16-byte direct buffer (two longs) whose "
      "every access holds a lock: a `synchronized` block, or a `StampedLock` (loads optimistic, writes under the "
      "write lock). Operations: `load`, `compareAndSet` and `compareAndExchange` (each swapping between two "
      "preallocated values, so every CAS succeeds and the benchmark allocates nothing), `fetchAdd` of 1; two threads: "
      "a CAS increment loop retrying with the witness, and `fetchAdd`.")
    w("")

    # ---------------------------------------------------------------- width 8
    subjects8 = ["ours-jvm", "ours-patomic", "atomiclong", "varhandle", "agrona", "jna-naive"]
    w("## Single thread, width 8 (ns/op, lower is better)")
    w("")
    rows = []
    for op in OPS:
        rows.append([f"`{op}`"] + [cell(get(8, s, op)) for s in subjects8])
    w(table(["op"] + [LABELS[(8, s)] for s in subjects8], rows))
    w("")
    w(f"JNA floor (`atomics_bridge_noop`): **{cell(floor)} ns/op**.")
    w("")
    w("### Ratios, width 8")
    w("")
    w("Each figure divided by `AtomicLong`'s for the same operation; the JNA paths also divided by the "
      "JNA floor.")
    w("")
    rows = []
    for op in OPS:
        al = get(8, "atomiclong", op)
        r = [f"`{op}`"]
        r += [ratio_cell(get(8, s, op), al) for s in ["ours-jvm", "ours-patomic", "varhandle", "agrona", "jna-naive"]]
        r.append(ratio_cell(get(8, "ours-jvm", op), get(8, "varhandle", op)))
        r.append(ratio_cell(get(8, "ours-patomic", op), floor))
        r.append(ratio_cell(get(8, "jna-naive", op), floor))
        rows.append(r)
    w(table(["op", "JVM engine / AtomicLong", "patomic engine / AtomicLong", "VarHandle / AtomicLong",
             "Agrona / AtomicLong", "naive JNA / AtomicLong", "JVM engine / VarHandle",
             "patomic engine / JNA floor", "naive JNA / JNA floor"], rows))
    w("")

    mixed_rows = []
    for wd in (8, 1):
        for op in OPS:
            m = get(wd, "ours-jvm-mixed", op)
            if m is None:
                continue
            one = get(wd, "ours-jvm", op)
            peer = get(8, "atomiclong", op) if wd == 8 else get(wd, "agrona", op)
            mixed_rows.append([f"{wd}", f"`{op}`", cell(one), cell(m), ratio_cell(m, one), ratio_cell(m, peer)])
    if mixed_rows:
        w("### JVM engine in a program with several kinds of atomics")
        w("")
        w(table(["width", "op", "JVM engine (one kind)", "JVM engine (mixed program)", "mixed / one kind",
                 "mixed / AtomicLong (w8) or Agrona (w1)"], mixed_rows))
        w("")
        w("atomics-core calls its ops through `dev.atomics.engine.Dispatch`, which tests for the JVM engine's "
          "one `Ops` instance (`JvmOps`, every width) by identity and calls it statically bound, so these shared "
          "call sites stay inlined whatever else the program uses; inside, the width is a test of a final field. "
          "Before `Dispatch` (a plain interface call, megamorphic in such a program) an A/B run on this machine "
          "measured the mixed width-8 `load` at ~3.0 ns and `fetchAdd` at ~7.8 ns (best iterations), against "
          "~1.5 and ~6.5 ns with it.")
        w("")

    # ---------------------------------------------------------------- shared memory
    shared_rows = []
    for op in OPS:
        for engine in ("jvm", "patomic"):
            v = get(8, f"shared-{engine}", op)
            if v is None:
                continue
            own = get(8, f"ours-{engine}", op)
            shared_rows.append([f"`{op}`", engine, cell(own), cell(v), ratio_cell(v, own)])
    if shared_rows:
        w("## Views of named shared memory, width 8 (ns/op, lower is better)")
        w("")
        w("`SharedWidth8`: an 8-byte `AtomicIntView` on POSIX shared memory (`SharedMemory.atomicView`) against "
          "the same engine on memory the object owns (`OursWidth8`). A view of a shared mapping is guarded "
          "(`GuardedOps`): every operation reads the mapping's generation before and after its access, so that "
          "a peer truncating the object cannot crash the JVM (`MemoryFaultException` instead); that is most of "
          "the difference. On Java 22+ a JVM-engine view's buffer is a slice of a shared arena's segment "
          "(closing it unmaps at once) and its loads read the segment through its own var handle.")
        w("")
        w(table(["op", "engine", "owned object", "view of shared memory", "view / owned"], shared_rows))
        w("")

    # ---------------------------------------------------------------- widths 1, 2 and 4
    for wd in (1, 2, 4):
        subjects = [s_ for s_ in ["ours-jvm", "ours-patomic", "agrona", "varhandle"]
                    if any(get(wd, s_, op) for op in OPS)]
        if not subjects:
            continue
        w(f"## Single thread, width {wd} (ns/op, lower is better)")
        w("")
        if wd in (1, 2):
            w(f"`AtomicLong` has no {wd}-byte form; the VarHandle row is a heap "
              f"`{'byte' if wd == 1 else 'short'}[]` (see above), a lower bound.")
            w("")
        if wd == 4:
            w("The patomic engine is not run at width 4: its cost is the native call, the same at every width.")
            w("")
        patomic = "ours-patomic" in subjects
        rows = []
        for op in OPS:
            j = get(wd, "ours-jvm", op)
            r = [f"`{op}`"] + [cell(get(wd, s_, op)) for s_ in subjects]
            r += [ratio_cell(j, get(wd, "agrona", op)), ratio_cell(j, get(wd, "varhandle", op))]
            if patomic:
                r.append(ratio_cell(get(wd, "ours-patomic", op), floor))
            rows.append(r)
        w(table(["op"] + [LABELS[(wd, s_)] for s_ in subjects] + ["JVM engine / Agrona", "JVM engine / VarHandle"]
                + (["patomic engine / JNA floor"] if patomic else []), rows))
        w("")

    # ---------------------------------------------------------------- allocation
    w("## Allocation (`-prof gc`, `gc.alloc.rate.norm`, B/op)")
    w("")
    w(f"Below {ZERO_BYTES} B/op counts as 0: what JMH's own counters leave (shown in parentheses).")
    w("")
    alloc_subjects = [(8, "ours-jvm"), (4, "ours-jvm"), (2, "ours-jvm"), (1, "ours-jvm"), (8, "ours-patomic"),
                      (2, "ours-patomic"), (1, "ours-patomic"), (8, "atomiclong"), (8, "varhandle"), (8, "agrona"),
                      (8, "jna-naive")]
    # a summary from before width 4 was measured: leave out columns with no figure at all
    alloc_subjects = [(wd, s) for wd, s in alloc_subjects if any(get(wd, s, op) for op in OPS)]
    rows = []
    for op in OPS:
        rows.append([f"`{op}`"] + [alloc_cell(get(wd, s, op)) for wd, s in alloc_subjects])
    rows.append(["JNA floor `noop`"] + [alloc_cell(floor)] + ["–"] * (len(alloc_subjects) - 1))
    w(table(["op"] + [f"{LABELS[(wd, s)]} (w{wd})" for wd, s in alloc_subjects], rows))
    w("")

    # ---------------------------------------------------------------- contended
    w("## Two threads, one counter (ops/µs, both threads together; higher is better)")
    w("")
    rows = []
    al_fa = contended.get(("ContendedAtomicLong", None, "fetchAdd"))
    al_cas = contended.get(("ContendedAtomicLong", None, "casLoop"))
    for cls, engine, label in CONTENDED:
        if cls == "ContendedJna":
            fa = contended.get((cls, engine, "naiveFetchAdd"))
            cas = contended.get((cls, engine, "naiveCasLoop"))
        else:
            fa = contended.get((cls, engine, "fetchAdd"))
            cas = contended.get((cls, engine, "casLoop"))
        rows.append([label, cell(fa), ratio_cell(fa, al_fa), cell(cas), ratio_cell(cas, al_cas)])
        if cls == "ContendedOurs" and engine == "JVM":
            res = contended.get((cls, engine, "casLoopResult"))
            if res is not None:
                rows.append(["atomics JVM engine, CAS loop with `cmpxchgStrong` (`CmpxchgResult`)", "–", "–",
                             cell(res), ratio_cell(res, al_cas)])
    cfloor = contended.get(("ContendedJna", None, "floorNoop"))
    rows.append(["JNA floor (`noop`, no shared memory)", cell(cfloor), ratio_cell(cfloor, al_fa), "–", "–"])
    w(table(["subject", "fetchAdd", "/ AtomicLong", "CAS loop", "/ AtomicLong"], rows))
    w("")

    # ---------------------------------------------------------------- width 16
    w("## Width 16: a 16-byte compare-and-swap against a lock-guarded 16-byte buffer")
    w("")
    rows16 = []
    for op in OPS16:
        o = get(16, "ours-patomic", op)
        rows16.append([f"`{op}`"] + [cell(get(16, s_, op)) for s_ in SUBJECTS16]
                      + [ratio_cell(o, get(16, "synchronized", op)), ratio_cell(o, get(16, "stampedlock", op)),
                         alloc_cell(o)])
    if any(get(16, s_, op) for s_ in SUBJECTS16 for op in OPS16):
        w("Single thread (ns/op, lower is better):")
        w("")
        w(table(["op"] + [LABELS[(16, s_)] for s_ in SUBJECTS16]
                + ["patomic / synchronized", "patomic / StampedLock", "patomic B/op"], rows16))
        w("")
        rows16c = []
        for subject, label in CONTENDED16:
            rows16c.append([label, cell(contended.get(("ContendedWidth16", subject, "casLoop"))),
                            cell(contended.get(("ContendedWidth16", subject, "fetchAdd")))])
        o16 = get(16, "ours-patomic", "compareAndSet")
        o8 = get(8, "ours-patomic", "compareAndSet")
        a4 = get(0, "jna-floor-arity", "args4")
        if o16 is not None and (o8 is not None or a4 is not None) and not ffm:
            w(f"The 16-byte `compareAndSet` ({cell(o16)} ns) against the patomic engine's 8-byte `compareAndSet` "
              f"({cell(o8)} ns, {ratio_cell(o16, o8)}) and a no-op JNA call with the same 4 arguments ({cell(a4)} ns, "
              f"{ratio_cell(o16, a4)}): the JNA call is nearly all of it, as at the other widths.")
            w("")
        w("Two threads, one counter (ops/µs, both threads together; higher is better):")
        w("")
        w(table(["subject", "CAS loop", "fetchAdd"], rows16c))
        w("")
        w("What the rows do not show: the lock-guarded buffers are correct only among the threads of one JVM. "
          "A lock does not exist for another process mapping the same memory, so they cannot serve the shared "
          "(value, version) pairs or tagged pointers that a 16-byte CAS is for; the 16-byte `AtomicUint` works on "
          "shared memory with other JVMs and C programs (`CrossProcessTest`), and no thread ever waits for "
          "another to leave a critical section (a thread descheduled inside `synchronized` stalls every other). "
          "Single-threaded, an uncontended lock costs one or two CAS instructions on the lock word plus the "
          f"buffer's accesses, while the patomic engine pays a {call} (see the empty calls above) around one "
          "`lock cmpxchg16b`.")
        w("")
    else:
        w("Not run (no width-16 results: the CPU has no 16-byte compare-and-swap, or the run predates them).")
        w("")

    # ---------------------------------------------------------------- redis
    w("## Redis: a counter on a key (µs/op, lower is better)")
    w("")
    if redis:
        rows = []
        for op, ours, theirs, method, _ in REDIS_ROWS:
            rows.append([f"`{op}`", cell(redis.get(ours)), cell(redis.get(theirs)), f"`{method}`",
                         ratio_cell(redis.get(ours), redis.get(theirs))])
        w(table(["op", "atomics-redis", "RedisAtomicLong", "RedisAtomicLong method", "atomics-redis / RedisAtomicLong"], rows))
        w("")
        local = get(8, "ours-jvm", "inc")
        if local is not None and redis.get("oursInc") is not None:
            w(f"For scale: the same `inc` on memory (JVM engine, width 8, above) takes {cell(local)} ns, "
              f"{redis['oursInc'].score * 1000 / local.score:,.0f}× less than on a key of a local Redis: use "
              "shared memory within a machine, Redis across machines.")
            w("")
    else:
        w("Not run (no `--redis` results).")
        w("")

    # ---------------------------------------------------------------- zookeeper
    w("## ZooKeeper: atomics-zookeeper against Curator's DistributedAtomicLong (µs/op, lower is better)")
    w("")
    held_z = n_z = 0
    if zk:
        rows = []
        checked, held_z, n_z = server_targets(ZK_ROWS, zk)
        verdicts = {op: t for op, _, _, _, t in checked}
        for op, ours, theirs, method, limit in ZK_ROWS:
            a = zk.get(ours)
            b = zk.get(theirs) if theirs else None
            t = verdicts.get(op, "–")
            rows.append([op, cell(a), cell(b), f"`{method}`" if method else "(none)", ratio_cell(a, b),
                         f"≤ {limit}×" if limit is not None else "–", t])
        w(table(["op", "atomics-zookeeper", "DistributedAtomicLong", "DistributedAtomicLong method",
                 "ratio", "target", "verdict"], rows))
        w("")
        t5 = held_z == n_z and n_z > 0
        w(f"- Target (issue 28): atomics-zookeeper at most {ZK_TARGET}× `DistributedAtomicLong`'s latency for "
          f"`inc`, `fetchAdd` and `compareAndSet`: **{'holds' if t5 else 'does not hold'}** (met on {held_z} of "
          f"{n_z} operations).")
        w("- `load` is a plain `getData` on both sides (not linearizable: the server answering may lag the "
          "leader); the linearizable load adds a `multi(check(path, version))` through the leader, a quorum "
          "write and a log entry, and has no Curator counterpart.")
        w("")
    else:
        t5 = False
        w("Not run (no ZooKeeper results: the summary predates them).")
        w("")

    # ---------------------------------------------------------------- targets
    w("## Targets")
    w("")
    # 1. JVM engine vs the best off-heap peer, widths 1, 2, 4 and 8 (issue 25)
    rows = []
    held_j = n = 0
    for wd in JVM_WIDTHS:
        for op in OPS:
            j = get(wd, "ours-jvm", op)
            peers = [(get(wd, s_, op), s_) for s_ in JVM_PEERS if get(wd, s_, op) is not None]
            if j is None or not peers:
                continue
            best, best_s = min(peers, key=lambda fp: fp[0].score)
            n += 1
            h, t = verdict(j, best, JVM_TARGET)
            held_j += bool(h)
            al = get(8, "atomiclong", op) if wd == 8 else None
            rows.append([f"{wd}", f"`{op}`", cell(j), cell(best), LABELS[(wd, best_s)], ratio_cell(j, best), t,
                         cell(al), ratio_cell(j, al) if al is not None else "–"])
    w(f"### 1. JVM engine within {JVM_TARGET}× of the best off-heap peer (widths 1, 2, 4, 8)")
    w("")
    w("For each width and operation the peer is the fastest of Agrona's `UnsafeBuffer` and a VarHandle on a "
      "direct buffer (widths 4 and 8). At widths 1 and 2 no off-heap API has a compare-and-swap or fetch-op of "
      "that width: the peers there are Agrona with the hand-written CAS loop on the containing 4-byte word and a "
      "VarHandle on a heap `byte[]` / `short[]`. `AtomicLong` (width 8) is a reference, not a fair peer: an "
      "on-heap field whose accesses the JIT may hoist or combine, with none of the checks memory shared with "
      "other processes needs.")
    w("")
    if rows:
        w(table(["width", "op", "JVM engine", "best peer", "peer", "ratio", "verdict", "AtomicLong (reference)",
                 "/ AtomicLong"], rows))
        w("")
    t1 = held_j == n and n > 0
    w(f"- **{'holds' if t1 else 'does not hold'}** (met on {held_j} of {n} (width, operation) pairs).")
    missing = [str(wd) for wd in JVM_WIDTHS if not any(get(wd, "ours-jvm", op) for op in OPS)]
    if missing:
        w(f"- Not measured in this run at width {', '.join(missing)} (no figures in this summary).")
    w("")

    # 2. patomic engine vs JNA floor
    rows = []
    held = n2 = 0
    for wd in (8, 2, 1):
        for op in OPS:
            p = get(wd, "ours-patomic", op)
            if p is None or floor is None:
                continue
            n2 += 1
            h, t = verdict(p, floor, PATOMIC_TARGET)
            held += bool(h)
            same = get(0, "jna-floor-arity", f"args{ARITY[op]}")
            rows.append([f"{wd}", f"`{op}`", cell(p), ratio_cell(p, floor), t, f"{ARITY[op]}", cell(same),
                         ratio_cell(p, same)])
    w(f"### 2. patomic engine within {PATOMIC_TARGET}× of the JNA floor ({cell(floor)} ns/op)")
    w("")
    w(table(["width", "op", "patomic engine", "/ floor", "verdict", "bridge arguments",
             "floor, same arguments", "/ same-argument floor"], rows))
    w("")
    t2 = held == n2 and n2 > 0
    arity = [get(0, "jna-floor-arity", f"args{k}") for k in (2, 3, 4)]
    if any(arity):
        w("The floor is the 1-argument `atomics_bridge_noop`. A JNA direct call costs more with more arguments: "
          "the same no-op declared with 2, 3 and 4 arguments (`JnaFloorArity`, the arities of the bridge "
          "entry points) costs " + ", ".join(cell(f) for f in arity) + " ns/op. The last column divides "
          "by the no-op with the operation's own argument count: what remains is patomic's own work and the "
          "Java side of the engine.")
        w("")
    w(f"- **{'holds' if t2 else 'does not hold'}** (met on {held} of {n2} operations).")
    w("")

    # 3. allocation
    rows = []
    zero = n3 = 0
    for wd, s_ in [(8, "ours-jvm"), (4, "ours-jvm"), (2, "ours-jvm"), (1, "ours-jvm"), (8, "ours-patomic"),
                   (2, "ours-patomic"), (1, "ours-patomic"), (16, "ours-patomic")]:
        for op in (OPS16 if wd == 16 else HOT_OPS):
            f = get(wd, s_, op)
            if f is None or f.alloc is None:
                continue
            n3 += 1
            ok = f.alloc < ZERO_BYTES
            zero += ok
            rows.append([f"{LABELS[(wd, s_)]} (w{wd})", f"`{op}`", alloc_cell(f), "holds" if ok else "fails"])
    w("### 3. 0 B/op on the hot operations (every width, both engines (width 4: the JVM engine); width 16: "
      "results read field by field)")
    w("")
    w(table(["engine", "op", "B/op", "verdict"], rows))
    w("")
    t3 = zero == n3 and n3 > 0
    w(f"- **{'holds' if t3 else 'does not hold'}** (met on {zero} of {n3} (engine, operation) pairs).")
    w("")

    # 4. and 5. redis
    checked, held_r, n_r = server_targets(REDIS_ROWS, redis)
    rows = [[f"`{op}`", cell(redis[a]), cell(redis[b]), ratio_cell(redis[a], redis[b]), f"≤ {limit}×", t]
            for op, a, b, limit, t in checked]
    w(f"### 4. Redis: `inc`/`fetchAdd` ≤ {REDIS_INC_TARGET}× `RedisAtomicLong.incrementAndGet`, "
      f"compare-and-set ≤ {REDIS_CAS_TARGET}× `RedisAtomicLong.compareAndSet`")
    w("")
    if rows:
        w(table(["op", "atomics-redis", "RedisAtomicLong", "ratio", "target", "verdict"], rows))
        w("")
    t4 = held_r == n_r and n_r > 0
    w(f"- **{'holds' if t4 else 'does not hold'}** (met on {held_r} of {n_r} operations).")
    w("")

    w("### Summary")
    w("")
    w(f"- JVM engine ≤ {JVM_TARGET}× the best off-heap peer, widths 1, 2, 4, 8: "
      f"**{'holds' if t1 else 'does not hold'}** ({held_j}/{n}).")
    w(f"- patomic engine ≤ {PATOMIC_TARGET}× JNA floor: **{'holds' if t2 else 'does not hold'}** ({held}/{n2}).")
    w(f"- 0 B/op on hot operations: **{'holds' if t3 else 'does not hold'}** ({zero}/{n3}).")
    w(f"- Redis targets (inc, fetchAdd ≤ {REDIS_INC_TARGET}×, compare-and-set ≤ {REDIS_CAS_TARGET}× "
      f"`RedisAtomicLong`): **{'holds' if t4 else 'does not hold'}** ({held_r}/{n_r}).")
    if zk:
        w(f"- ZooKeeper targets (inc, fetchAdd, compare-and-set ≤ {ZK_TARGET}× `DistributedAtomicLong`): "
          f"**{'holds' if t5 else 'does not hold'}** ({held_z}/{n_z}).")
    else:
        w("- ZooKeeper targets: not run.")
    w("")
    # ------------------------------------------------------------ notes
    w("## Reading the results")
    w("")
    jl, vl, al = get(8, "ours-jvm", "load"), get(8, "varhandle", "load"), get(8, "atomiclong", "load")
    if jl and vl and al:
        w(f"- **JVM engine `load`** ({cell(jl)} ns against {cell(vl)} for the bare VarHandle and {cell(al)} for "
          "`AtomicLong`): a volatile load on x86 is a plain `mov`, so what surrounds it is all there is to "
          "measure. `AtomicLong.get` is one load from a heap field. Off-heap memory has no such access on "
          "Java 17 without `sun.misc.Unsafe`: a `byteBufferViewVarHandle` adds the buffer's null, scope, bounds and "
          f"alignment checks and one more dependent load (the buffer's address) ({ratio_cell(vl, al)} "
          "`AtomicLong` on its own), and the atomics-core API adds the object's engine test (`ops` identity), its "
          "width test and the unsigned mask: "
          f"{fmt(jl.score - vl.score)} ns here. The extension shift and the memory-order check, which an earlier "
          "version paid on every load, are gone (engines return sign-extended values; the order checks compare "
          "constants, which the JIT folds), and the buffer is a field of the object itself, not of its "
          "`MemoryRegion`. What remains is the VarHandle floor plus a few predicted branches; every "
          "read-modify-write and every SEQ_CST store costs a locked instruction that hides them.")
    n1 = [(wd, op) for wd in (1, 2) for op in OPS if get(wd, "ours-jvm", op) and get(wd, "agrona", op)]
    if n1:
        w("- **Widths 1 and 2 against Agrona**: Agrona's `UnsafeBuffer` reaches memory through `Unsafe` (one "
          "bounds check), the JVM engine through VarHandles on a `ByteBuffer` (the checks above, on each of the "
          "two accesses of a compare-and-exchange loop). The JVM engine makes up for it where it can do with "
          "one instruction what Agrona's loop does with two: an owned 1- or 2-byte object sits at the top of "
          "its word, so `inc`/`fetchAdd` are one `lock xadd` (the carry falls off the word) and `cmpxchgStrong` "
          "one `lock cmpxchg` (its neighbours are its own zero padding); bit operations are the word's atomic "
          "or/and/xor. Views elsewhere in a shared word use the CAS loop (covered by the model tests, "
          "`NarrowNeighboursTest` and jcstress). `load` cannot do better than the VarHandle floor.")
    same_ratios = []
    for wd in (8, 2, 1):
        for op in OPS:
            p = get(wd, "ours-patomic", op)
            same = get(0, "jna-floor-arity", f"args{ARITY[op]}")
            r = ratio(p, same)
            if r is not None:
                same_ratios.append(r)
    if floor and same_ratios and ffm:
        w(f"- **patomic engine**: this run called native code through FFM, so the JNA floors (target 2) are a "
          f"comparison, not the engine's cost: its operations take {min(same_ratios):.2f}× to "
          f"{max(same_ratios):.2f}× a no-op JNA call with the same arguments. Its own floor is the empty downcall "
          "(`BridgeFloor.noop`, first table).")
    elif floor and same_ratios:
        close = sum(1 for r in same_ratios if r <= 1.1)
        w(f"- **patomic engine**: against a no-op JNA call with the same number of arguments (last column of "
          f"target 2) the operations cost {min(same_ratios):.2f}× to {max(same_ratios):.2f}× "
          f"({close} of {len(same_ratios)} within 1.1×): the JNA call is nearly all of it, and JNA charges "
          "~10 ns per argument on this machine (see the argument-count floors). That is why the patomic engine "
          "prepares an operation descriptor (function pointer, width, memory orders) once per width and passes "
          "only its address: load and inc take 2 arguments, store, fetch-ops and bit operations 3, cmpxchg 4.")
    w("- **Allocation**: the hot operations allocate nothing once compiled, including `cmpxchgStrong`, whose "
      "`CmpxchgResult` escape analysis removes when the caller only reads its fields. The naive JNA binding "
      "allocates its argument array and a `Memory` per by-reference value on every call.")
    jc = contended.get(("ContendedOurs", "JVM", "casLoop"))
    jr = contended.get(("ContendedOurs", "JVM", "casLoopResult"))
    w("- **Contended**: with two threads on one counter the cache line moves between the cores on every "
      "operation, which costs more than any of the paths' own instructions: the JVM paths' `fetchAdd` figures "
      "are close to one another. A CAS loop is more sensitive: every instruction between its read and its CAS "
      "widens the window in which the other core takes the line and the CAS fails, and each failure costs "
      "another transfer. The earlier 0.50× had two causes: the loop used `cmpxchgStrong`, whose `CmpxchgResult` "
      "C2's escape analysis keeps inside a retry loop (an allocation per attempt, ~35 B/op"
      + (f"; that loop is the row `CmpxchgResult`, {ratio_cell(jr, al_cas)}" if jr else "") + "), and the path "
      "between load and CAS was longer (order checks not folded, the extension shift, the region's buffer). "
      "The loop now uses `compareAndExchange`, as the `AtomicLong`, VarHandle and Agrona loops do "
      f"(atomics JVM engine: {ratio_cell(jc, al_cas)} `AtomicLong`), and the path is the VarHandle's plus the "
      "API's argument checks. The patomic engine is bounded by the JNA call, not by contention.")
    w("")
    w("A verdict marked *within error* could turn the other way inside the 99.9% error intervals of the two "
      "figures; the ratio of the means decides it here.")
    w("")

    with open(args.out, "w") as f:
        f.write("\n".join(L))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
