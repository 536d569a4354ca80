#!/usr/bin/env bash
# Search anchor: tantivy on the shared synthetic Danish catalogue (research/search-anchors.md 3.1).
# Reuses ../shared/peers/gen_docs.py and bench_engines.py by path (not copied).
#
# Usage: Benchmarks/peers/search_peers.sh [N=100000] [SCRATCH=./scratch/search]
#   SHARED=/path/to/shared overrides ../shared (relative to the repository root).
# Steps: gen_docs.py --n N --out SCRATCH/data-N   (seed 42; skipped when docs.jsonl exists)
#        bench_engines.py --engine tantivy --data SCRATCH/data-N --work SCRATCH/work-N
# Prints bench_engines.py's result JSON as one line on stdout (pretty copy: SCRATCH/work-N/tantivy.json);
# progress goes to stderr. Needs pip tantivy (Scripts/install-peers.sh). ~10-20 s for 100k docs.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
SCRATCH=${2:-./scratch/search}
SHARED=${SHARED:-../shared}
PEERS="$SHARED/peers"
for f in gen_docs.py bench_engines.py; do
  [ -f "$PEERS/$f" ] || { echo "missing $PEERS/$f (set SHARED=)" >&2; exit 1; }
done
python3 -c 'import tantivy' 2>/dev/null || { echo "python tantivy missing: Scripts/install-peers.sh" >&2; exit 1; }
DATA="$SCRATCH/data-$N"; WORK="$SCRATCH/work-$N"
mkdir -p "$DATA" "$WORK"
if [ ! -s "$DATA/docs.jsonl" ]; then
  echo "generating $N docs into $DATA" >&2
  python3 "$PEERS/gen_docs.py" --n "$N" --out "$DATA" >&2
fi
echo "tantivy build + queries in $WORK" >&2
python3 "$PEERS/bench_engines.py" --engine tantivy --data "$DATA" --work "$WORK" > "$WORK/tantivy.stdout"
python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' "$WORK/tantivy.json"
