#!/usr/bin/env bash
# MARCXML read benchmark, Kartotek beside the peers on the same file in the same run (issue 3).
#
# Usage: Benchmarks/run-xml.sh [N=10] [ROUNDS=7]
#   Builds kartotek-bench in release, makes scratch/bench/uva_utf8_xN.xml (the 2,000 real UVA records ×N,
#   converted to UTF-8 and written as MARCXML by yaz) and runs, on that one file: kartotek's batch path
#   ("structure": MARCXMLBatchReader, every subfield walked as a view) and owning records ("materialise":
#   MARCXMLReader.next()), `yaz-marcdump -i marcxml -n`, mrrc's MARCXML reader (parse_xml_to_array) and, for
#   reference, mrrc's ISO 2709 reader on the same records. The readers take turns: ROUNDS rounds of one
#   warm-up and one timed run each, so that load from other processes on a shared machine falls on all of
#   them alike; the table gives each reader's median over the rounds. Prints every result as JSON and a
#   ratio table.
# Needs the peers (Scripts/install-peers.sh) and ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
ROUNDS=${2:-7}
swift build -c release --product kartotek-bench >/dev/null
mapfile -t inputs < <(Benchmarks/peers/make_bench_input.sh "$N")
mrc=${inputs[1]}
xml=${inputs[2]}
out=$(mktemp)
for _ in $(seq "$ROUNDS"); do
  .build/release/kartotek-bench xml "$xml" --runs 1 | tee -a "$out"
  python3 Benchmarks/peers/parse_peers.py "$mrc" --xml "$xml" --runs 1 --tools yaz-xml,mrrc-xml,mrrc | tee -a "$out"
done
python3 - "$out" <<'PY'
import json, statistics, sys
raw = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
groups = {}
for r in raw:
    groups.setdefault((r.get("tool"), r.get("variant")), []).append(r)
rows = []
for (tool, variant), rs in groups.items():
    ok = [r for r in rs if "seconds_median" in r]
    if not ok:
        rows.append(rs[0])
        continue
    med = statistics.median(r["seconds_median"] for r in ok)
    r = dict(ok[0])
    r.update(seconds_median=med, rounds=len(ok), records_per_s=r["records"] / med,
             mb_per_s=r["bytes"] / med / 1e6)
    rows.append(r)
def rate(pred):
    for r in rows:
        if pred(r) and "records_per_s" in r: return r["records_per_s"]
yaz = rate(lambda r: r.get("tool", "").startswith("yaz-marcdump -i marcxml"))
mrrc = rate(lambda r: r.get("tool", "") == "mrrc parse_xml_to_array")
print(f"\n{'reader':44} {'input':6} {'median s':>9} {'rec/s':>10} {'MB/s':>8} {'÷ yaz':>7} {'÷ mrrc':>7}")
for r in rows:
    if "records_per_s" not in r:
        print(f"{r.get('tool')}: {r.get('error')}")
        continue
    name = r["tool"] + (f" {r['variant']}" if "variant" in r else "")
    kind = "xml" if r.get("input", "").endswith(".xml") else "iso"
    rps = r["records_per_s"]
    print(f"{name:44} {kind:6} {r['seconds_median']:>9.3f} {rps:>10,.0f} {r['mb_per_s']:>8.1f} {rps / yaz if yaz else 0:>7.2f} {rps / mrrc if mrrc else 0:>7.2f}")
PY
rm -f "$out"
