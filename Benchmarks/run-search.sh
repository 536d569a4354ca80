#!/usr/bin/env bash
# Search benchmark, Kartotek beside tantivy on the same generated corpus and query sets in one run (issue 5).
#
# Usage: Benchmarks/run-search.sh [N=100000] [QUERIES_PER_KIND=1000]
#   1. ../shared/peers/gen_docs.py --n N (seed 42) → scratch/search/data-N/docs.jsonl (skipped when present)
#   2. tantivy: ../shared/peers/bench_engines.py --engine tantivy (build + 7 query kinds)
#   3. the same docs and queries exported as TSV (bench_engines.py --export-tsv) → kartotek-bench search-peers
# Prints both results as JSON lines and a side-by-side table with ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
NQ=${2:-1000}
SHARED=${SHARED:-../shared}
SCRATCH=./scratch/search
DATA="$SCRATCH/data-$N"; WORK="$SCRATCH/work-$N"
mkdir -p "$DATA" "$WORK"
swift build -c release --product kartotek-bench >/dev/null
[ -s "$DATA/docs.jsonl" ] || python3 "$SHARED/peers/gen_docs.py" --n "$N" --out "$DATA" >&2
# Each engine starts with no dirty pages of the other's index still being written back (on a 2-core machine the
# kernel's writeback of ~200 MB would otherwise run during the next engine's build).
sync
python3 "$SHARED/peers/bench_engines.py" --engine tantivy --data "$DATA" --work "$WORK" --nq "$NQ" > "$WORK/tantivy.stdout" 2>&1
[ -s "$WORK/docs.tsv" ] || python3 "$SHARED/peers/bench_engines.py" --export-tsv --data "$DATA" --work "$WORK" --nq "$NQ" >&2
out="$WORK/kartotek.jsonl"
sync
.build/release/kartotek-bench search-peers "$WORK/docs.tsv" "$WORK/queries.tsv" --index "$WORK/kartotek.kix" | tee "$out"
python3 - "$WORK/tantivy.json" "$out" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
k = [json.loads(l) for l in open(sys.argv[2])]
kb = next(r for r in k if r["bench"] == "search")
kq = {r["kind"]: r for r in k if r["bench"] == "search-query"}
print(f"\n{t['docs']:,} docs      {'tantivy':>14} {'kartotek':>14} {'ratio':>8}")
print(f"build docs/s    {t['docs_per_s']:>14,.0f} {kb['docs_per_s']:>14,.0f} {kb['docs_per_s']/t['docs_per_s']:>7.2f}×")
tb = t['index_bytes'] / t['docs']
print(f"index bytes/doc {tb:>14.1f} {kb['bytes_per_doc']:>14.1f} {kb['bytes_per_doc']/tb:>7.2f}×")
for kind in ["term", "title", "phrase", "prefix", "and2", "filtered", "facets"]:
    tq = t["queries"][kind]; q = kq[kind]
    print(f"{kind:8} p50 µs  {tq['median_us']:>14.1f} {q['median_us']:>14.1f} {q['median_us']/tq['median_us']:>7.2f}×   "
          f"p99 {tq['p99_us']:>9.1f} {q['p99_us']:>9.1f}   empty {tq['empty_results']}/{q['empty_results']}")
PY
