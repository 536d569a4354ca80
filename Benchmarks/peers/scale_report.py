#!/usr/bin/env python3
"""Markdown tables for Docs/PERFORMANCE.md from several Benchmarks/run-scale.sh runs (one results.jsonl per size),
each column from one run; ratios are kartotek ÷ the peer of the same run.

Usage: python3 Benchmarks/peers/scale_report.py scratch/scale-100000 scratch/scale-1000000 scratch/scale-10000000
"""
import json
import os
import sys


def load(d):
    rows = [json.loads(l) for l in open(os.path.join(d, "results.jsonl")) if l.startswith("{")]
    return rows


def find(rows, pred):
    return next((r for r in rows if pred(r)), None)


runs = [load(d) for d in sys.argv[1:]]
sizes = [find(r, lambda x: x.get("bench") == "run")["records"] for r in runs]


def label(n):
    return f"{n // 1_000_000} M" if n >= 1_000_000 else f"{n // 1000} k"


def fmt(v, f="{:,.0f}"):
    return "—" if v is None else f.format(v)


def row(name, values):
    print(f"| {name} | " + " | ".join(values) + " |")


header = "| | " + " | ".join(label(n) for n in sizes) + " |"
rule = "|---|" + "---:|" * len(sizes)

print("**Parsing the same ISO 2709 file** (records/s; ÷ = kartotek ÷ peer)\n")
print(header); print(rule)
for r0 in ("kartotek structure, 1 thread", "kartotek structure, 2 threads", "kartotek into the compact model (2 threads)"):
    vals = []
    for rows in runs:
        yaz = find(rows, lambda x: str(x.get("tool", "")).startswith("yaz"))
        if r0.endswith("model (2 threads)"):
            k = find(rows, lambda x: x.get("bench") == "scale-parse")
        else:
            t = 1 if "1 thread" in r0 else 2
            k = find(rows, lambda x: x.get("bench") == "parse" and x.get("threads") == t)
        v = k and k["records_per_s"]
        vals.append(fmt(v) + (f" ({v / yaz['records_per_s']:.2f}× yaz)" if v and yaz else ""))
    row(r0, vals)
for tool in ("yaz-marcdump -n", "mrrc MARCReader", "pymarc MARCReader"):
    row(tool, [fmt((find(rows, lambda x: x.get("tool") == tool) or {}).get("records_per_s")) for rows in runs])
print()

print("**Search on the same documents** (the records exported with `kartotek-bench export-docs`; both engines "
      "build with 2 threads, read the documents themselves and answer the same 7 × 300 queries; p50 / p99 µs)\n")
print(header); print(rule)
def both(f):
    out = []
    for rows in runs:
        t = find(rows, lambda x: x.get("bench") == "peer-search")
        k = find(rows, lambda x: x.get("bench") == "search" and x.get("tool") == "kartotek")
        out.append(f(t, k) if t and k else "—")
    return out
row("build docs/s, kartotek / tantivy", both(lambda t, k: f"{k['docs_per_s']:,.0f} / {t['docs_per_s']:,.0f} ({k['docs_per_s'] / t['docs_per_s']:.2f}×)"))
row("index bytes/doc, kartotek / tantivy", both(lambda t, k: f"{k['bytes_per_doc']:.1f} / {t['index_bytes'] / t['docs']:.1f}"))
row("kartotek segments (unmerged)", both(lambda t, k: str(k.get("segments", 1))))
for kind in ("term", "title", "phrase", "prefix", "and2", "filtered", "facets"):
    def cell(t, k, kind=kind):
        rows_k = None
        for rows in runs:
            if find(rows, lambda x: x is k):
                rows_k = rows
        q = find(rows_k, lambda x: x.get("bench") == "search-query" and x.get("kind") == kind)
        tq = t["queries"][kind]
        return (f"{q['median_us']:,.0f} / {q['p99_us']:,.0f} vs {tq['median_us']:,.0f} / {tq['p99_us']:,.0f} "
                f"({q['median_us'] / tq['median_us']:.2f}×)")
    row(f"{kind}: kartotek vs tantivy", both(cell))
row("tantivy process peak RSS MB", both(lambda t, k: f"{t.get('maxrss_mb', 0):,.0f}"))
print()

print("**The catalogue at scale** (records → index documents through the catalogue's own mapping, `kartotek-bench scale`)\n")
print(header); print(rule)
def get(rows, bench, key, **match):
    r = find(rows, lambda x: x.get("bench") == bench and all(x.get(k) == v for k, v in match.items()))
    return r and r.get(key)
row("input MB", [fmt(get(r, "scale-parse", "input_mb"), "{:,.1f}") for r in runs])
row("compact model tables, bytes/record", [fmt(get(r, "scale-parse", "table_bytes_per_record"), "{:,.0f}") for r in runs])
for t in (1, 2):
    row(f"index build rec/s, {t} thread{'s' if t > 1 else ''}", [fmt(get(r, "scale-build", "records_per_s", threads=t)) for r in runs])
row("segments", [fmt(get(r, "scale-build", "segments", threads=2)) for r in runs])
row("index bytes/record", [fmt(get(r, "scale-index", "bytes_per_record"), "{:,.1f}") for r in runs])
row("RSS after the build, MiB (peak)", [f"{fmt(get(r, 'scale-build', 'rss_mb', threads=2))} ({fmt(get(r, 'scale-build', 'peak_rss_mb', threads=2))})" for r in runs])
row("RSS after build, heap trimmed: anonymous + file-backed MiB", [
    (f"{fmt(get(r, 'scale-memory', 'rss_anon_mb', threads=2))} + {fmt(get(r, 'scale-memory', 'rss_file_mb', threads=2))}"
     if get(r, 'scale-memory', 'rss_anon_mb', threads=2) is not None else "—") for r in runs])
row("index open ms / `Catalogue(directory:)` ms", [f"{fmt(get(r, 'scale-open', 'index_open_ms'), '{:.2f}')} / {fmt(get(r, 'scale-open', 'catalogue_open_ms'), '{:.2f}')}" for r in runs])
for kind in ("term", "title", "phrase", "prefix", "and2", "year-range", "facets"):
    row(f"query {kind} p50 / p99 µs", [f"{fmt(get(r, 'scale-query', 'p50_us', kind=kind))} / {fmt(get(r, 'scale-query', 'p99_us', kind=kind))}" for r in runs])
print()
for rows, n in zip(runs, sizes):
    a = find(rows, lambda x: x.get("bench") == "run")
    b = find(rows, lambda x: x.get("bench") == "run-end") or {}
    print(f"- {label(n)}: started {a.get('started')} (load {a.get('load')}), finished {b.get('finished')} (load {b.get('load')})")
