#!/usr/bin/env bash
# National-scale benchmark with the peers in the same run (issue 7).
#
# Usage: Benchmarks/run-scale.sh N [QUERIES_PER_KIND=300]
#   env THREADS=1,2  thread counts for the index build (default 1 and all cores)
#       SEGMENT=500000  documents per index segment        TOOLS=yaz,mrrc,pymarc  parse peers (pymarc only N ≤ 1 M)
# On one generated file (scratch/scale-N/gen.mrc, kartotek-bench generate --records N --seed 1), in this order:
#   1. kartotek-bench scale: parse into the compact model, build the catalogue index on each thread count,
#      write, reopen, query mix, resident memory
#   2. kartotek-bench parse --structure-only (1 thread and all cores) and the parse peers (parse_peers.py)
#   3. the same records exported as the peers' documents (kartotek-bench export-docs); tantivy builds and answers
#      7 × QUERIES queries (../shared/peers/bench_engines.py via Benchmarks/peers/tantivy_bench.py); kartotek builds and answers the same documents and
#      queries (kartotek-bench search-peers)
# Everything lands in scratch/scale-N/results.jsonl; a side-by-side table with ratios is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: Benchmarks/run-scale.sh N [QUERIES]}
NQ=${2:-300}
SHARED=${SHARED:-../shared}
CORES=$(nproc)
THREADS=${THREADS:-1,$CORES}
SEGMENT=${SEGMENT:-500000}
if [ -z "${TOOLS:-}" ]; then TOOLS=yaz,mrrc; [ "$N" -le 1000000 ] && TOOLS=$TOOLS,pymarc; fi
DIR=scratch/scale-$N
mkdir -p "$DIR/data" "$DIR/work"
RES="$DIR/results.jsonl"
: > "$RES"
swift build -c release --product kartotek-bench >/dev/null
BENCH=.build/release/kartotek-bench
stamp() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
[ -s "$DIR/gen.mrc" ] || { stamp "generate $N"; $BENCH generate --records "$N" --seed 1 -o "$DIR/gen.mrc" >&2; }
echo "{\"bench\":\"run\",\"records\":$N,\"cores\":$CORES,\"started\":\"$(date -u +%FT%TZ)\",\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> "$RES"

stamp "kartotek scale (threads $THREADS, segment $SEGMENT)"
rm -rf "$DIR/catalogue"
$BENCH scale "$DIR/gen.mrc" -o "$DIR/catalogue" --threads "$THREADS" --segment "$SEGMENT" --queries "$NQ" | tee -a "$RES" >&2
stamp "parse: kartotek and peers ($TOOLS)"
$BENCH parse "$DIR/gen.mrc" --runs 1 --structure-only | tee -a "$RES" >&2
python3 Benchmarks/peers/parse_peers.py "$DIR/gen.mrc" --runs 1 --tools "$TOOLS" | tee -a "$RES" >&2

stamp "export documents for tantivy"
[ -s "$DIR/data/docs.jsonl" ] || $BENCH export-docs "$DIR/gen.mrc" -o "$DIR/data/docs.jsonl" >&2
stamp "tantivy build + queries"
rm -rf "$DIR/work/tantivy"
/usr/bin/time -f '{"bench":"peer-process","tool":"tantivy","max_rss_kb":%M}' -a -o "$DIR/work/time.jsonl" \
  python3 Benchmarks/peers/tantivy_bench.py "$SHARED/peers" --data "$DIR/data" --work "$DIR/work" --nq "$NQ" > "$DIR/work/tantivy.stdout"
rm -rf "$DIR/work/tantivy"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["bench"]="peer-search"; print(json.dumps(d, ensure_ascii=False))' \
  "$DIR/work/tantivy.json" >> "$RES"
[ -s "$DIR/work/docs.tsv" ] || python3 "$SHARED/peers/bench_engines.py" --export-tsv --data "$DIR/data" --work "$DIR/work" --nq "$NQ" >&2
stamp "kartotek build + queries on the same documents"
$BENCH search-peers "$DIR/work/docs.tsv" "$DIR/work/queries.tsv" --index "$DIR/work/kartotek.kix" | tee -a "$RES" >&2
rm -f "$DIR/work/kartotek.kix"
echo "{\"bench\":\"run-end\",\"finished\":\"$(date -u +%FT%TZ)\",\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> "$RES"
python3 Benchmarks/peers/scale_table.py "$RES"
