#!/usr/bin/env bash
# Make bigger parse-benchmark inputs from ../shared/corpora/real/solrmarc_uva_001_2000.mrc
# (2,000 real MARC-8 records, 2.29 MB) in a scratch dir. Nothing here is committed:
# the default dir ./scratch/bench is git-ignored, and the corpus file must not enter the repo.
#
# Usage: Benchmarks/peers/make_bench_input.sh [N=10] [OUTDIR=./scratch/bench]
# Writes (skipped when already there with the right size):
#   OUTDIR/uva_xN.mrc        the file concatenated N times (MARC-8, leader/09 blank)
#   OUTDIR/uva_utf8_xN.mrc   the same converted to UTF-8 by yaz (-f marc8 -t utf8 -l 9=97)
#   OUTDIR/uva_utf8_xN.xml   MARCXML of the UTF-8 copy (yaz-marcdump -o marcxml)
# and prints the three paths, one per line.
# Run from the repository root (../shared next to it), or set SHARED=/path/to/shared.
set -euo pipefail
N=${1:-10}
OUT=${2:-./scratch/bench}
SHARED=${SHARED:-../shared}
SRC="$SHARED/corpora/real/solrmarc_uva_001_2000.mrc"
[ -f "$SRC" ] || { echo "missing $SRC (set SHARED=)" >&2; exit 1; }
command -v yaz-marcdump >/dev/null || { echo "yaz-marcdump missing: Scripts/install-peers.sh" >&2; exit 1; }
mkdir -p "$OUT"
mrc="$OUT/uva_x$N.mrc"; utf="$OUT/uva_utf8_x$N.mrc"; xml="$OUT/uva_utf8_x$N.xml"
want=$(( $(stat -c %s "$SRC") * N ))
if [ ! -f "$mrc" ] || [ "$(stat -c %s "$mrc")" -ne "$want" ]; then
  : > "$mrc.tmp"
  for _ in $(seq "$N"); do cat "$SRC" >> "$mrc.tmp"; done
  mv "$mrc.tmp" "$mrc"
  rm -f "$utf" "$xml"
fi
if [ ! -s "$utf" ]; then
  yaz-marcdump -f marc8 -t utf8 -l 9=97 -o marc "$mrc" > "$utf.tmp" 2>/dev/null
  mv "$utf.tmp" "$utf"
fi
if [ ! -s "$xml" ]; then
  yaz-marcdump -o marcxml "$utf" > "$xml.tmp" 2>/dev/null
  mv "$xml.tmp" "$xml"
fi
printf '%s\n' "$mrc" "$utf" "$xml"
