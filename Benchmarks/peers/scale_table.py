#!/usr/bin/env python3
"""Side-by-side table of one Benchmarks/run-scale.sh run (results.jsonl): kartotek beside yaz, mrrc, pymarc and
tantivy, every number from that one run, ratios against the peer."""
import json
import sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
def find(pred):
    return next((r for r in rows if pred(r)), None)

run = find(lambda r: r.get("bench") == "run") or {}
n = run.get("records", 0)
print(f"\n## {n:,} records — one run, {run.get('cores')} cores, started {run.get('started')} (load {run.get('load')})\n")
print("| | kartotek | peer | ratio |")
print("|---|---:|---:|---:|")
def row(name, ours, peer, peer_name, higher_is_better=True, fmt="{:,.0f}"):
    o = fmt.format(ours) if ours is not None else "—"
    p = (fmt.format(peer) + f" ({peer_name})") if peer is not None else "—"
    ratio = f"{ours / peer:.2f}×" if ours and peer else ""
    print(f"| {name} | {o} | {p} | {ratio} |")

yaz = find(lambda r: str(r.get("tool", "")).startswith("yaz"))
mrrc = find(lambda r: str(r.get("tool", "")).startswith("mrrc"))
pym = find(lambda r: str(r.get("tool", "")).startswith("pymarc"))
for r in rows:
    if r.get("bench") == "parse":
        for peer, name in ((yaz, "yaz-marcdump -n"), (mrrc, "mrrc"), (pym, "pymarc")):
            if peer and "records_per_s" in peer:
                row(f"parse rec/s, structure, {r['threads']} thread(s)", r["records_per_s"], peer["records_per_s"], name)
sp = find(lambda r: r.get("bench") == "scale-parse")
if sp:
    row("parse into the compact model, rec/s (all cores)", sp["records_per_s"], yaz.get("records_per_s") if yaz else None, "yaz-marcdump -n")
tv = find(lambda r: r.get("bench") == "peer-search")
ks = find(lambda r: r.get("bench") == "search" and r.get("tool") == "kartotek")
if tv and ks:
    row("index build docs/s, same documents (incl. reading them)", ks["docs_per_s"], tv["docs_per_s"], "tantivy, 2 threads")
    row("index bytes/doc", ks["bytes_per_doc"], tv["index_bytes"] / tv["docs"], "tantivy", fmt="{:,.1f}")
    for kind in ("term", "title", "phrase", "prefix", "and2", "filtered", "facets"):
        q = find(lambda r: r.get("bench") == "search-query" and r.get("kind") == kind)
        t = tv["queries"].get(kind)
        if q and t:
            row(f"{kind} p50 µs", q["median_us"], t["median_us"], "tantivy", fmt="{:,.1f}")
            row(f"{kind} p99 µs", q["p99_us"], t["p99_us"], "tantivy", fmt="{:,.1f}")
    row("search process peak RSS MB (tantivy: whole Python process)", None, tv.get("maxrss_mb"), "tantivy", fmt="{:,.0f}")
for r in rows:
    if r.get("bench") == "scale-build":
        row(f"catalogue index build from MARC, rec/s, {r['threads']} thread(s)", r["records_per_s"], None, "")
si = find(lambda r: r.get("bench") == "scale-index")
if si:
    row("catalogue index bytes/record", si["bytes_per_record"], None, "", fmt="{:,.1f}")
    row("RSS after build + write, MiB (peak)", si["rss_mb"], None, "", fmt="{:,.0f}")
    row("peak RSS, MiB", si["peak_rss_mb"], None, "", fmt="{:,.0f}")
so = find(lambda r: r.get("bench") == "scale-open")
if so:
    row("index open ms", so["index_open_ms"], None, "", fmt="{:,.2f}")
for r in rows:
    if r.get("bench") == "scale-query":
        print(f"| catalogue query mix {r['kind']} p50 / p99 µs | {r['p50_us']:,.0f} / {r['p99_us']:,.0f} | | |")
