#!/usr/bin/env python3
"""Run the peer MARC readers over every file in ../shared/corpora/edge and print
one TSV row per file with what each peer yielded, counted per record. Input
for Tests/MARCTests/Golden/edge-best-peer.tsv (see Tests/Scripts/README.md).

Usage:
    python3 Tests/Scripts/edge_survey.py [--edge ../shared/corpora/edge] \
        [--marc4j ../shared/peers/marclibs/survive_marc4j.tsv] > /tmp/edge-survey.tsv
    python3 Tests/Scripts/edge_best_peer.py /tmp/edge-survey.tsv \
        > Tests/MARCTests/Golden/edge-best-peer.tsv

Columns (header row first):
  file, bytes, n1d (count of 0x1D bytes),
  cand        record candidates: 0x1D-framed chunks (plus an unterminated tail)
              with >= 24 bytes after skipping leading non-digit bytes
  pymarc      pymarc.MARCReader(f) defaults (to_unicode=True, utf8 strict)
  pymarc_rep  same with utf8_handling="replace" (pymarc's most permissive read)
  mrrc        mrrc.MARCReader(path) default (recovery_mode="permissive")
  mrrc_len    same with recovery_mode="lenient"
  yaz         yaz-marcdump -o line -r FILE (the -n parse plus text output, so
              that records, fields and per-record diagnostics can be counted)
  perl        MARC::Batch('USMARC') strict_off, warnings_off (only when
              libmarc-record-perl is installed, else "-")
  marc4j      "MarcStreamReader | MarcPermissiveStreamReader(permissive,
              convertToUTF8)" copied from the shared survive_marc4j.tsv (not
              re-run here: needs a JDK)

Peer cells read  "<Y>y/<N>N/<I>i/<C>c [end]":
  Y yielded records (not None), N Nones, I intact, C clean; end = STOP:Exc
  (pymarc FatalReaderError ended iteration), RAISE:Exc (exception escaped the
  iterator), DIED (perl), rc=<yaz exit status>.
  intact = yielded, has >= 1 field, and its leader equals the leader of a
  record candidate of the file in positions 0-8 and 12-16 (length, status,
  type, levels, base address; 9-11 and 17-23 are skipped because yaz
  rewrites bad values there) not already claimed by an earlier record
  of the same peer (so salvaged fragments with made-up leaders, a second
  record carved out of one chunk, or MARC::Batch's empty "records" made of a
  stray 0x1D or a trailing byte do not count).
  clean = intact and the peer attached no diagnostic to it (mrrc
  record.errors, yaz "(...)" lines, MARC::Record warnings()). pymarc has no
  per-record diagnostics (utf8 replacement is silent), so its intact == clean.
"""
import argparse, glob, logging, os, subprocess, sys, warnings

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")


class Anchors:
    """Leaders (24 bytes) of the record candidates of a file."""

    def __init__(self, path):
        d = open(path, "rb").read()
        self.left = {}
        self.n = 0
        pos = 0
        while pos < len(d):
            end = d.find(b"\x1d", pos)
            end = len(d) if end < 0 else end + 1
            c = d[pos:end]
            i = 0
            while i < len(c) and not (48 <= c[i] <= 57):
                i += 1
            if len(c) - i >= 24:
                k = self.key(c[i:i + 24])
                self.left[k] = self.left.get(k, 0) + 1
                self.n += 1
            pos = end

    @staticmethod
    def key(leader):
        # record length, status, type, levels (0-8) + base address
        # (12-16); not 9-11 and 17-23, which yaz and marc4j repair
        return leader[0:9] + leader[12:17]

    def claim(self, leader):
        if isinstance(leader, str):
            leader = leader.encode("utf-8", "replace")
        k = self.key(leader[:24])
        if self.left.get(k, 0) > 0:
            self.left[k] -= 1
            return True
        return False


class Tally:
    def __init__(self):
        self.yielded = self.none = self.intact = self.clean = 0
        self.end = ""

    def add(self, anchors, leader, nfields, ndiag):
        self.yielded += 1
        if anchors.claim(leader) and nfields > 0:
            self.intact += 1
            if ndiag == 0:
                self.clean += 1

    def __str__(self):
        return (f"{self.yielded}y/{self.none}N/{self.intact}i/{self.clean}c"
                + (f" {self.end}" if self.end else ""))


def pym(path, **kw):
    import pymarc
    t, a = Tally(), Anchors(path)
    try:
        with open(path, "rb") as fh:
            rd = pymarc.MARCReader(fh, **kw)
            for r in rd:
                if r is None:
                    t.none += 1
                    continue
                t.add(a, str(r.leader), len(r.fields), 0)
            exc = rd.current_exception
            if exc is not None and isinstance(exc, pymarc.exceptions.FatalReaderError):
                t.end = f"STOP:{type(exc).__name__}"
    except Exception as e:
        t.end = f"RAISE:{type(e).__name__}"
    return t


def mr(path, mode=None):
    import mrrc
    t, a = Tally(), Anchors(path)
    try:
        kw = {} if mode is None else {"recovery_mode": mode}
        for r in mrrc.MARCReader(path, **kw):
            if r is None:
                t.none += 1
                continue
            try:
                nerr = len(r.errors or [])
            except Exception:
                nerr = 0
            t.add(a, str(r.leader), len(r.get_fields()), nerr)
    except Exception as e:
        t.end = f"RAISE:{type(e).__name__}"
    return t


def yaz(path):
    """yaz-marcdump -o line: blocks separated by blank lines; the first line
    not in parentheses is the leader, '(...)' lines are diagnostics, the other
    lines fields. yaz 5.34 prints 'records read: N' on stderr."""
    t, a = Tally(), Anchors(path)
    p = subprocess.run(["yaz-marcdump", "-o", "line", "-r", path], capture_output=True,
                       timeout=60)
    txt = p.stdout.decode("latin-1")
    for block in txt.split("\n\n"):
        lines = [l for l in block.split("\n") if l.strip() and not l.startswith("<!--")]
        body = [l for l in lines if not l.startswith("(")]
        if not body:
            continue
        t.add(a, body[0].encode("latin-1"), len(body) - 1, len(lines) - len(body))
    m = [l for l in p.stderr.decode("latin-1").splitlines() if l.startswith("records read")]
    n = m[0].split(":")[1].strip() if m else "?"
    if str(t.yielded) != n:
        t.end = f"(records read: {n})"
    t.end = (t.end + f" rc={p.returncode}").strip()
    return t


PERL = (
    'use MARC::Batch; my $b=MARC::Batch->new("USMARC",$ARGV[0]); $b->strict_off(); '
    '$b->warnings_off(); while(1){ my $r; eval { $r=$b->next(); }; '
    'if($@){print "DIED\\n"; last;} last unless $r; my @f=$r->fields(); '
    'my @w=$r->warnings(); print $r->leader(),"\\t",scalar(@f),"\\t",scalar(@w),"\\n"; }'
)


def perl(path):
    chk = subprocess.run(["perl", "-MMARC::Batch", "-e", "1"], capture_output=True)
    if chk.returncode != 0:
        return "-"
    t, a = Tally(), Anchors(path)
    p = subprocess.run(["perl", "-e", PERL, path], capture_output=True, timeout=60)
    for line in p.stdout.split(b"\n"):
        if line == b"DIED":
            t.end = "DIED"
        elif line:
            ld, nf, nw = line.rsplit(b"\t", 2)
            t.add(a, ld, int(nf), int(nw))
    return t


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.normpath(os.path.join(here, "..", "..", "..", "shared"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--edge", default=os.path.join(shared, "corpora", "edge"))
    ap.add_argument("--marc4j", default=os.path.join(shared, "peers", "marclibs", "survive_marc4j.tsv"))
    a = ap.parse_args()
    m4 = {}
    if os.path.exists(a.marc4j):
        for line in open(a.marc4j, encoding="utf-8"):
            c = line.rstrip("\n").split("\t")
            if len(c) >= 3:
                m4[c[0]] = f"{c[1]} | {c[2]}"
    cols = ["file", "bytes", "n1d", "cand", "pymarc", "pymarc_rep", "mrrc", "mrrc_len",
            "yaz", "perl", "marc4j"]
    print("\t".join(cols))
    for path in sorted(glob.glob(os.path.join(a.edge, "*"))):
        name = os.path.basename(path)
        d = open(path, "rb").read()
        row = [name, len(d), d.count(b"\x1d"), Anchors(path).n,
               pym(path), pym(path, utf8_handling="replace"), mr(path), mr(path, "lenient"),
               yaz(path), perl(path), m4.get(name, "?")]
        print("\t".join(map(str, row)), flush=True)


if __name__ == "__main__":
    main()
