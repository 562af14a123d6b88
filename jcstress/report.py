#!/usr/bin/env python3
"""Writes docs/JCSTRESS.md from one jcstress run's verbose console log (scripts/run-jcstress.sh)."""
import argparse
import re
from collections import OrderedDict

PKG = "dev.atomics.jcstress."

# What each litmus test checks, by class: (group, width, what the actors do, the forbidden outcome)
TESTS = OrderedDict([
    ("MessagePassing.Width1", ("message passing", "1", "data `store(RELAXED)`, flag `store(RELEASE)` / flag `load(ACQUIRE)`, data `load(RELAXED)`", "flag seen, data not (1, 0)")),
    ("MessagePassing.Width2", ("message passing", "2", "as width 1", "1, 0")),
    ("MessagePassing.Width4", ("message passing", "4", "as width 1", "1, 0")),
    ("MessagePassing.Width8", ("message passing", "8", "as width 1", "1, 0")),
    ("MessagePassing.Width1ReleaseRmw", ("message passing", "1", "flag raised by `fetchAdd(1, RELEASE)` (word CAS loop, release mode)", "1, 0")),
    ("MessagePassing.Width2RmwBothSides", ("message passing", "2", "flag `exchange(1, RELEASE)` / flag `fetchAdd(0, ACQUIRE)` (word CAS loops)", "1, 0")),
    ("MessagePassing.Width1SameWord", ("message passing", "1", "data and flag neighbouring bytes of one word; flag `binFetchOr(1, RELEASE)`", "1, 0")),
    ("StoreBuffering.Width1", ("store buffering", "1", "`store(1, SEQ_CST)` then `load(SEQ_CST)` of the other (fenced byte store, word load)", "both loads miss (0, 0)")),
    ("StoreBuffering.Width2", ("store buffering", "2", "as width 1 (2-byte VarHandle volatile modes)", "0, 0")),
    ("StoreBuffering.Width4", ("store buffering", "4", "as width 1", "0, 0")),
    ("StoreBuffering.Width8", ("store buffering", "8", "as width 1", "0, 0")),
    ("StoreBuffering.Width1Exchange", ("store buffering", "1", "stores as `exchange(1, SEQ_CST)` (word CAS loop, volatile mode)", "0, 0")),
    ("StoreBuffering.Width2Exchange", ("store buffering", "2", "as width 1, exchange", "0, 0")),
    ("StoreBuffering.Width1SameWord", ("store buffering", "1", "x and y neighbouring bytes of one word", "0, 0")),
    ("StoreBuffering.Width1ReleaseAcquireControl", ("control", "1", "RELEASE stores, ACQUIRE loads: `0, 0` is allowed, and seeing it shows the harness catches the reordering", "none")),
    ("NeighbourAtomicity.Width1FetchAdd", ("neighbour atomicity", "1", "`fetchAdd(1)` on bytes 2 and 3 of one word (byte 3 tops the word: one `xadd`; byte 2: CAS loop)", "any lost increment (not 1, 1)")),
    ("NeighbourAtomicity.Width2FetchAdd", ("neighbour atomicity", "2", "`fetchAdd(1)` on both halves of one word (upper: `xadd`, lower: CAS loop)", "not 1, 1")),
    ("NeighbourAtomicity.Width1FetchAddAgainstStore", ("neighbour atomicity", "1", "`inc()` on byte 2 against `store(5)` on byte 3", "not 1, 5")),
    ("NeighbourAtomicity.Width1StrongCas", ("neighbour atomicity", "1", "`compareAndSet` on bytes 1 and 2: a strong CAS must not fail for a neighbour's change", "a failed CAS")),
    ("NeighbourAtomicity.Width1AgainstPatomic", ("neighbour atomicity", "1", "JVM engine `fetchAdd` on byte 0 against patomic's 1-byte C11 `fetch_add` on byte 1", "not 1, 1")),
])

HEADER = re.compile(r"^\.*\s*\[(OK|FAILED|ERROR)\]\s+(\S+)")
ROW = re.compile(r"^\s+(.+?)\s{2,}([\d,]+)\s+([\d.]+%)\s+(Acceptable|Forbidden|Interesting)\s+(.*)$")


def parse(log):
    """Per test: the forks run (blocks with a "Fork:" line), the outcomes summed over them (or jcstress's own
    "Results across all configurations" summary, where present), and the worst status."""
    blocks = []
    cur = None
    with open(log, errors="replace") as f:
        for line in f:
            m = HEADER.match(line)
            if m:
                name = m.group(2)
                cur = {"name": name[len(PKG):] if name.startswith(PKG) else name, "status": m.group(1),
                       "kind": "other", "rows": [], "messages": []}
                blocks.append(cur)
                continue
            if cur is None:
                continue
            if line.strip().startswith("Fork:"):
                cur["kind"] = "fork"
            elif "Results across all configurations" in line:
                cur["kind"] = "summary"
            r = ROW.match(line)
            if r and r.group(1).strip() != "RESULT":
                cur["rows"].append((r.group(1).strip(), int(r.group(2).replace(",", "")), r.group(4)))
            elif "Exception" in line and not cur["messages"]:
                cur["messages"].append(line.strip())
    tests = OrderedDict()
    for b in blocks:
        t = tests.setdefault(b["name"], {"status": "OK", "forks": 0, "fork_rows": [], "summary_rows": None,
                                         "messages": []})
        if b["status"] != "OK":
            t["status"] = b["status"]
        t["messages"] += b["messages"]
        if b["kind"] == "fork":
            t["forks"] += 1
            t["fork_rows"] += b["rows"]
        elif b["kind"] == "summary":
            t["summary_rows"] = b["rows"]
    for t in tests.values():
        rows = t["summary_rows"] if t["summary_rows"] is not None else t["fork_rows"]
        t["outcomes"] = OrderedDict()
        t["samples"] = t["forbidden"] = 0
        for outcome, n, expect in rows:
            t["samples"] += n
            if expect == "Forbidden":
                t["forbidden"] += n
            t["outcomes"][(outcome, expect)] = t["outcomes"].get((outcome, expect), 0) + n
    return tests


def read_props(path):
    props = {}
    try:
        with open(path) as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("=")
                if k:
                    props[k] = v
    except FileNotFoundError:
        pass
    return props


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", required=True)
    ap.add_argument("--machine", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    tests = parse(a.log)
    m = read_props(a.machine)
    L = []
    w = L.append
    w("# jcstress: the JVM engine's memory orders")
    w("")
    w("Generated by `scripts/run-jcstress.sh` from one run of the litmus tests in the `jcstress` module "
      "(`jcstress-core` 0.16; raw console log: `jcstress/results/console.log`, HTML: `jcstress/results/index.html`, "
      "not committed). Do not edit by hand: run the script again.")
    w("")
    w("| | |")
    w("|---|---|")
    for k, label in [("date", "date (UTC)"), ("commit", "commit"), ("cpu", "CPU"), ("nproc", "cores"),
                     ("java", "JVM"), ("options", "jcstress options")]:
        v = m.get(k, "?")
        w(f"| {label} | {'`' + v + '`' if k in ('commit', 'options') else v} |")
    w(f"| load average at start / end | {m.get('loadavg_start', '?')} / {m.get('loadavg_end', '?')} |")
    w("")
    w("Each test runs its actors concurrently millions of times on both cores and counts every outcome. A "
      "*forbidden* outcome is one the C11 memory model rules out for the orders used; it must never appear. "
      "Two forks per test: one on the default JVM, one with C2's scheduling randomizers "
      "(`-XX:+StressLCM -XX:+StressGCM -XX:+StressIGVN -XX:+StressCCP`). x86 reorders only a store with a later "
      "load (store buffering), so on this machine message passing checks what the JIT may reorder and store "
      "buffering checks the fences as well; on ARM both check the hardware too.")
    w("")
    w("- **Message passing** (release/acquire): a writer stores data (RELAXED), then a flag with RELEASE; a "
      "reader loads the flag with ACQUIRE, then the data. Seeing the flag without the data is forbidden.")
    w("- **Store buffering** (SEQ_CST): each thread stores 1 to its location, then loads the other's, all "
      "SEQ_CST. Both loads missing both stores (`0, 0`) is forbidden: that is what a missing StoreLoad fence "
      "allows.")
    w("- **Neighbour atomicity** (1 and 2 bytes): two threads each write their own object of one 4-byte word, "
      "where the JVM engine's read-modify-writes act on the whole word; an arbiter reads both afterwards. "
      "Any lost or clobbered write is forbidden.")
    w("")
    rows = []
    total_forbidden = 0
    bad = 0
    for name, (group, width, what, forbidden) in TESTS.items():
        t = tests.get(name)
        if t is None:
            rows.append([f"`{name}`", group, width, what, forbidden, "–", "–", "–", "not run"])
            bad += 1
            continue
        total_forbidden += t["forbidden"]
        seen = ", ".join(f"`{o}` {n:,}" for (o, e), n in t["outcomes"].items() if n > 0) or "–"
        verdict = "passed" if t["status"] == "OK" and t["forbidden"] == 0 else t["status"].lower()
        if verdict != "passed":
            bad += 1
            if t["messages"]:
                verdict += ": " + t["messages"][0].replace("|", "/")
        rows.append([f"`{name}`", group, width, what, forbidden, str(t["forks"]), f"{t['samples']:,}",
                     f"{t['forbidden']:,}", seen + " — " + verdict])
    w("| test | kind | width | actors | forbidden | forks | samples | forbidden seen | outcomes seen — verdict |")
    w("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        w("| " + " | ".join(r) + " |")
    w("")
    extra = [n for n in tests if n not in TESTS]
    if extra:
        w("Also run: " + ", ".join(f"`{n}`" for n in extra) + ".")
        w("")
    w(f"**{len(TESTS) - bad} of {len(TESTS)} tests passed; forbidden outcomes seen: {total_forbidden:,}.**")
    w("")
    with open(a.out, "w") as f:
        f.write("\n".join(L))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
