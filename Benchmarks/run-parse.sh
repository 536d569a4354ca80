#!/usr/bin/env bash
# Parse benchmark, Kartotek beside the peers on the same file in the same run (issue 2).
#
# Usage: Benchmarks/run-parse.sh [N=10] [RUNS=5]
#   Builds kartotek-bench in release, makes scratch/bench/uva_utf8_xN.mrc (the 2,000 real UVA records ×N,
#   converted to UTF-8 by yaz) and runs, on that one file: kartotek structure and materialise passes on 1 and all
#   cores, `yaz-marcdump -n`, and mrrc. Prints every result as JSON and a ratio table.
# Needs the peers (Scripts/install-peers.sh) and ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
RUNS=${2:-5}
swift build -c release --product kartotek-bench >/dev/null
mapfile -t inputs < <(Benchmarks/peers/make_bench_input.sh "$N")
file=${inputs[1]}
out=$(mktemp)
.build/release/kartotek-bench parse "$file" --runs "$RUNS" | tee "$out"
python3 Benchmarks/peers/parse_peers.py "$file" --runs "$RUNS" --tools yaz,mrrc | tee -a "$out"
python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
def rate(pred):
    for r in rows:
        if pred(r): return r["records_per_s"]
yaz = rate(lambda r: r.get("tool", "").startswith("yaz"))
mrrc = rate(lambda r: r.get("tool", "").startswith("mrrc"))
print(f"\n{'reader':44} {'rec/s':>10} {'MB/s':>8} {'÷ yaz':>7} {'÷ mrrc':>7}")
for r in rows:
    name = r["tool"] + (f" {r['variant']} ×{r['threads']}" if "variant" in r else "")
    rps = r["records_per_s"]
    print(f"{name:44} {rps:>10,.0f} {r['mb_per_s']:>8.1f} {rps / yaz if yaz else 0:>7.2f} {rps / mrrc if mrrc else 0:>7.2f}")
PY
rm -f "$out"
