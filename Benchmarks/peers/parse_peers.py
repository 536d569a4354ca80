#!/usr/bin/env python3
"""Parse-speed anchors: yaz-marcdump, mrrc and pymarc on the same ISO 2709 file
(and yaz on a MARCXML file), printed as JSON lines for the Swift benchmark
harness runner. Standalone: needs only python3 plus whatever of yaz-marcdump,
mrrc and pymarc is installed (Scripts/install-peers.sh); a missing tool gives a
line with "error" instead of numbers.

Usage:
    python3 Benchmarks/peers/parse_peers.py FILE.mrc [--xml FILE.xml] [--runs 5]
        [--tools yaz,yaz-xml,mrrc,mrrc-xml,pymarc] [--pymarc-runs N]

One JSON object per line, per tool:
    {"tool": "yaz-marcdump -n", "input": "FILE.mrc", "records": 20000,
     "seconds_median": 0.0921, "seconds_min": 0.0902, "runs": 5,
     "records_per_s": 217155, "mb_per_s": 248.6, "bytes": 22890000,
     "version": "5.34.0", "note": "..."}

Method:
  * wall clock (time.perf_counter) per run; median and min of --runs runs
    (default 5); records_per_s and mb_per_s use the median; MB = 10^6 bytes of
    the input file.
  * yaz-marcdump -n FILE / yaz-marcdump -i marcxml -n FILE.xml: one process per
    run, stdout and stderr to /dev/null, so process start (~2 ms) is included.
    Records are counted once, untimed, with -r ("records read: N" on stderr).
  * mrrc: in this Python process, `for r in mrrc.MARCReader(path)` counting
    non-None records (Rust parse + lazy Python wrapper). mrrc 0.9.2 does NOT
    decode MARC-8 (it applies lossy UTF-8 decoding), see marc-libs.md 5.4.
  * mrrc-xml: in this Python process, `mrrc.parse_xml_to_array(FILE.xml)`
    (mrrc 0.9.2 reads the whole document into one string and parses it in
    Rust: not streaming, so its memory grows with the file), counting records.
  * pymarc: in process, `for r in pymarc.MARCReader(f)` (to_unicode=True, so
    MARC-8 is converted to Unicode in pure Python). Slow on MARC-8 input
    (~1.6k rec/s): --pymarc-runs (default: --runs) limits its runs.
  * one warm-up run per tool before timing (page cache, imports).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def timed(fn, runs):
    fn()  # warm-up
    ts = []
    n = None
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        ts.append(time.perf_counter() - t)
    return n, ts


def line(tool, path, n, ts, version, note=""):
    size = os.path.getsize(path)
    med = statistics.median(ts)
    out = {"tool": tool, "input": path, "records": n,
           "seconds_median": round(med, 6), "seconds_min": round(min(ts), 6), "runs": len(ts),
           "records_per_s": round(n / med) if med > 0 else None,
           "mb_per_s": round(size / med / 1e6, 2) if med > 0 else None,
           "bytes": size, "version": version}
    if note:
        out["note"] = note
    print(json.dumps(out, ensure_ascii=False), flush=True)


def error(tool, path, msg):
    print(json.dumps({"tool": tool, "input": path, "error": msg}), flush=True)


def yaz_version():
    try:
        p = subprocess.run(["yaz-marcdump", "-V"], capture_output=True, text=True)
        return p.stdout.split()[2] if p.stdout.startswith("YAZ version") else p.stdout.strip()
    except FileNotFoundError:
        return None


def yaz(path, extra, runs, tool):
    v = yaz_version()
    if v is None:
        return error(tool, path, "yaz-marcdump not found (Scripts/install-peers.sh)")
    p = subprocess.run(["yaz-marcdump", *extra, "-n", "-r", path], capture_output=True,
                       text=True, errors="replace")
    got = [l for l in (p.stderr + p.stdout).splitlines() if l.startswith("records read")]
    n = int(got[0].split(":")[1]) if got else None
    cmd = ["yaz-marcdump", *extra, "-n", path]

    def run():
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return n

    _, ts = timed(run, runs)
    line(tool, path, n, ts, v, "process per run; no charset conversion")


def pkg_version(name):
    from importlib.metadata import version
    return version(name)


def mrrc_run(path, runs):
    try:
        import mrrc
    except ImportError:
        return error("mrrc MARCReader", path, "mrrc not installed (Scripts/install-peers.sh)")

    def run():
        c = 0
        for r in mrrc.MARCReader(path):
            if r is not None:
                c += 1
        return c

    n, ts = timed(run, runs)
    line("mrrc MARCReader", path, n, ts, pkg_version("mrrc"),
         "in-process iteration; MARC-8 not decoded by mrrc 0.9.2")


def mrrc_xml_run(path, runs):
    try:
        import mrrc
    except ImportError:
        return error("mrrc parse_xml_to_array", path, "mrrc not installed (Scripts/install-peers.sh)")

    def run():
        return sum(1 for r in mrrc.parse_xml_to_array(path) if r is not None)

    n, ts = timed(run, runs)
    line("mrrc parse_xml_to_array", path, n, ts, pkg_version("mrrc"),
         "in-process; whole document read into one string, then parsed (not streaming)")


def pymarc_run(path, runs):
    try:
        import pymarc
    except ImportError:
        return error("pymarc MARCReader", path, "pymarc not installed (Scripts/install-peers.sh)")
    import logging, warnings
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")

    def run():
        c = 0
        with open(path, "rb") as fh:
            for r in pymarc.MARCReader(fh, to_unicode=True, hide_utf8_warnings=True):
                if r is not None:
                    c += 1
        return c

    n, ts = timed(run, runs)
    line("pymarc MARCReader", path, n, ts, pkg_version("pymarc"),
         "in-process; to_unicode=True (MARC-8 records decoded in pure Python)")


def main():
    ap = argparse.ArgumentParser(description="parse-speed anchors (JSON lines)")
    ap.add_argument("file", help="ISO 2709 file")
    ap.add_argument("--xml", help="MARCXML file for yaz-marcdump -i marcxml -n")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pymarc-runs", type=int)
    ap.add_argument("--tools", default="yaz,yaz-xml,mrrc,mrrc-xml,pymarc")
    a = ap.parse_args()
    tools = a.tools.split(",")
    if not os.path.isfile(a.file):
        sys.exit(f"no such file: {a.file}")
    if "yaz" in tools:
        yaz(a.file, [], a.runs, "yaz-marcdump -n")
    if "yaz-xml" in tools and a.xml:
        yaz(a.xml, ["-i", "marcxml"], a.runs, "yaz-marcdump -i marcxml -n")
    if "mrrc" in tools:
        mrrc_run(a.file, a.runs)
    if "mrrc-xml" in tools and a.xml:
        mrrc_xml_run(a.xml, a.runs)
    if "pymarc" in tools:
        pymarc_run(a.file, a.pymarc_runs or a.runs)


if __name__ == "__main__":
    main()
