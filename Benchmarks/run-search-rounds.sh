#!/usr/bin/env bash
# The search benchmark (Benchmarks/run-search.sh) several times in a row, then per metric the median over the
# rounds of tantivy's figure, Kartotek's figure and their ratio (each ratio from one round), with the range of the
# ratios. On a shared machine single rounds swing by ±30 %; the medians of several rounds are what the docs quote.
#
# Usage: Benchmarks/run-search-rounds.sh [N=100000] [QUERIES_PER_KIND=1000] [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
NQ=${2:-1000}
ROUNDS=${3:-5}
WORK=./scratch/search/work-$N
out=$(mktemp -d)
for r in $(seq "$ROUNDS"); do
  Benchmarks/run-search.sh "$N" "$NQ" > "$out/round-$r.txt"
  cp "$WORK/tantivy.json" "$out/tantivy-$r.json"
  cp "$WORK/kartotek.jsonl" "$out/kartotek-$r.jsonl"
  tail -10 "$out/round-$r.txt"
done
python3 - "$out" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
rows = {}
for r in range(1, rounds + 1):
    t = json.load(open(f"{out}/tantivy-{r}.json"))
    k = [json.loads(l) for l in open(f"{out}/kartotek-{r}.jsonl") if l.startswith("{")]
    kb = next(x for x in k if x["bench"] == "search")
    kq = {x["kind"]: x for x in k if x["bench"] == "search-query"}
    rows.setdefault("build docs/s", []).append((t["docs_per_s"], kb["docs_per_s"]))
    rows.setdefault("index bytes/doc", []).append((t["index_bytes"] / t["docs"], kb["bytes_per_doc"]))
    for kind in ["term", "title", "phrase", "prefix", "and2", "filtered", "facets"]:
        rows.setdefault(f"{kind} p50 µs", []).append((t["queries"][kind]["median_us"], kq[kind]["median_us"]))
        rows.setdefault(f"{kind} p99 µs", []).append((t["queries"][kind]["p99_us"], kq[kind]["p99_us"]))
print(f"\nmedians over {rounds} rounds       {'tantivy':>10} {'kartotek':>10} {'ratio':>7}   ratio range")
for name, vals in rows.items():
    ratios = sorted(k / t for t, k in vals)
    print(f"{name:28} {statistics.median(t for t, _ in vals):>10,.1f} {statistics.median(k for _, k in vals):>10,.1f} "
          f"{statistics.median(ratios):>6.2f}×   {ratios[0]:.2f}–{ratios[-1]:.2f}")
PY
rm -rf "$out"
