#!/usr/bin/env python3
"""Runs ../shared/peers/bench_engines.py for tantivy unchanged, except for its extra `prefix_range` measurement:
that one builds a range query by incrementing the prefix's last character, which tantivy's query parser rejects
when the character becomes one of its syntax characters (e.g. "lerz" → "ler{"). Here such a prefix falls back to
the regex prefix query. `prefix_range` is not one of the seven compared kinds; nothing else is touched.

Usage: python3 Benchmarks/peers/tantivy_bench.py SHARED_PEERS_DIR --data DIR --work DIR --nq N
"""
import sys

sys.path.insert(0, sys.argv.pop(1))
import bench_engines  # noqa: E402

_range = bench_engines.Tantivy.q_prefix_range


def q_prefix_range(self, p):
    try:
        return _range(self, p)
    except ValueError:
        return self.q_prefix(p)


bench_engines.Tantivy.q_prefix_range = q_prefix_range
ap = bench_engines.argparse.ArgumentParser()
ap.add_argument("--data", required=True)
ap.add_argument("--work", required=True)
ap.add_argument("--nq", type=int, default=1000)
a = ap.parse_args()
bench_engines.run("tantivy", a.data, a.work, a.nq)
