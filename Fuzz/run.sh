#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/Package.swift, `-sanitize=fuzzer,address`) and runs one for a bounded time.
#
# Usage: Fuzz/run.sh HARNESS [SECONDS=600] [MAX_LEN=16384]
#   HARNESS: iso2709 | charsets | json | line | marcxml | cql | indexfile
# Seeds come from ../shared/corpora (and Fuzz/Seeds); new inputs go to .build-fuzz/HARNESS-corpus, crashes to
# .build-fuzz/crash-HARNESS-*. Every crash found becomes a regression test in the module's test target.
set -euo pipefail
cd "$(dirname "$0")/.."
harness=${1:?usage: Fuzz/run.sh HARNESS [SECONDS] [MAX_LEN]}
seconds=${2:-600}
maxlen=${3:-16384}
out=.build-fuzz
mkdir -p "$out/$harness-corpus"
case "$harness" in
  iso2709)   target=FuzzISO2709;   seeds=(../shared/corpora/edge ../shared/corpora/danmarc2) ;;
  charsets)  target=FuzzCharsets;  seeds=(Fuzz/Seeds/charsets) ;;
  json)      target=FuzzJSON;      seeds=(Corpus/danmarc2 Corpus/marc21) ;;
  line)      target=FuzzLineFormat; seeds=(Fuzz/Seeds/line) ;;
  marcxml)   target=FuzzMARCXML;   seeds=(Fuzz/Seeds/marcxml) ;;
  cql)       target=FuzzCQL;       seeds=(Fuzz/Seeds/cql) ;;
  indexfile) target=FuzzIndexFile; seeds=(Fuzz/Seeds/indexfile) ;;
  *) echo "unknown harness $harness" >&2; exit 2 ;;
esac
build() {
  swift build --package-path Fuzz --scratch-path "$out/spm" -c release --sanitize fuzzer --sanitize address \
    -Xswiftc -sanitize=fuzzer,address --product "$target" > "$out/build-$harness.log" 2>&1
}
# A failed build must not fall back to an older harness binary. SwiftPM can keep a stale source list for the
# parent package (a file added to a module is then "not in scope"): one retry from a clean scratch directory.
if ! build; then
  echo "fuzz build failed; retrying from a clean $out/spm" >&2
  rm -rf "$out/spm"
  if ! build; then
    grep -E "error" "$out/build-$harness.log" | head -20 >&2
    echo "fuzz build failed (log: $out/build-$harness.log)" >&2
    exit 1
  fi
fi
grep -E "Compiling|Build" "$out/build-$harness.log" || true
# Seeds no longer than MAX_LEN (larger ones make every execution slow), copied into a scratch seed directory.
seeddir="$out/$harness-seeds"
rm -rf "$seeddir"; mkdir -p "$seeddir"
for s in "${seeds[@]}"; do
  [ -d "$s" ] || continue
  find "$s" -maxdepth 1 -type f -size -"$maxlen"c -exec cp {} "$seeddir/" \;
done
existing=("$seeddir")
exec "$out/spm/release/$target" -max_total_time="$seconds" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/crash-$harness-" -print_final_stats=1 "$out/$harness-corpus" "${existing[@]}"
