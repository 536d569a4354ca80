#!/usr/bin/env bash
# A small benchmark run for CI (well under 2 minutes after the release build): generates 20,000 records and runs the
# parse (ISO 2709 and line format), analysis, scale (index build, index size, open, query mix) and holdings-search
# benchmarks on them, printing JSON lines, so a
# performance regression shows in CI output. Peers are not run here (Benchmarks/run-*.sh do that side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
swift build -c release --product kartotek-bench 2>&1 | tail -1
echo "::: release build of kartotek-bench took $(( $(date +%s) - t0 )) s"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
B=.build/release/kartotek-bench
t1=$(date +%s)
$B generate --records 20000 --seed 1 -o "$dir/gen.mrc" --holdings "$dir/holdings.jsonl"
$B parse "$dir/gen.mrc" --runs 3
$B line "$dir/gen.mrc" --records 20000 --runs 3
$B analysis --runs 3
$B scale "$dir/gen.mrc" -o "$dir/idx" --threads 1,2 --queries 100
$B holdings "$dir/gen.mrc" --holdings "$dir/holdings.jsonl" --records 20000 --queries 50
echo "::: smoke benchmarks took $(( $(date +%s) - t1 )) s"
