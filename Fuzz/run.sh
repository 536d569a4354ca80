#!/usr/bin/env bash
# Builds and runs a libFuzzer harness for a bounded time.
#
# Usage: Fuzz/run.sh HARNESS [SECONDS=600]
#   HARNESS: iso2709 (ISO 2709 strict+lenient reader, writer, MARC-in-JSON reader)
# The harness is compiled together with the module's sources (`swiftc -sanitize=fuzzer,address`) into
# .build-fuzz/; the seed corpus comes from ../shared/corpora; new inputs and crashes land in
# .build-fuzz/HARNESS-corpus and .build-fuzz/crash-*. Every crash found becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
harness=${1:?usage: Fuzz/run.sh HARNESS [SECONDS]}
seconds=${2:-600}
out=.build-fuzz
mkdir -p "$out/$harness-corpus"
case "$harness" in
  iso2709)
    sources=(Sources/MARC/*.swift Sources/MARC/Charsets/*.swift Fuzz/ISO2709Fuzz.swift)
    module=MARC
    seeds=(../shared/corpora/edge ../shared/corpora/danmarc2)
    ;;
  *) echo "unknown harness $harness" >&2; exit 2 ;;
esac
swiftc -O -sanitize=fuzzer,address -parse-as-library -package-name Kartotek -module-name "$module" \
  "${sources[@]}" -o "$out/fuzz-$harness" 2>&1 | grep -v "Cannot export local symbol" || true
"$out/fuzz-$harness" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/crash-$harness-" -print_final_stats=1 "$out/$harness-corpus" "${seeds[@]}"
