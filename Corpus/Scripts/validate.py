#!/usr/bin/env python3
"""Validate Kartotek's bundled Corpus/.   Usage: python3 Corpus/Scripts/validate.py [CORPUS_DIR]

Checks
  * every line of every *.jsonl parses as JSON (one record/holding per line);
  * MARC records: leader is 24 characters; fields are single-key objects;
  * danMARC2 (danmarc2/, enrichment/, local/): every field, 001-009 included, is a data field with
    indicators "0","0" and a list of one-character subfield codes with string values; 001 *a is a
    faust number with a correct modulus-11 check digit (research/danmarc.md §1.8); 001 *b is the
    agency (870970 in common, the file's agency in enrichment/ and local/); (faust, agency) pairs are
    unique; every enrichment has a common record with the same faust; 014 *a points to an existing
    head record (004 *a h); 021 *a/*e ISBN and 022 *a ISSN check digits; 245 present; at most one ¤
    per subfield;
  * MARC21 (marc21/): 001-009 are plain strings, other fields have one-character indicators;
    008 is 40 characters, 008/07-10 four digits, 008/35-37 a language code; 245 ind2 is a digit
    whose count of leading characters ends in a blank or apostrophe; 020 $a ISBN and 022 $a ISSN
    check digits; leader/06 in the known set;
  * holdings.jsonl: required keys, 6-digit agency, known status, loanRestriction a-g, recordId
    refers to an existing common record (870970) or to the holding agency's own local record,
    itemIds unique.
Exit status 0 when all checks pass, 1 otherwise (each problem printed with file and line).
"""
import json
import os
import sys
from collections import Counter

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errors = []


def err(path, line, msg):
    errors.append(f"{os.path.relpath(path, ROOT)}:{line}: {msg}")


def faust_ok(f):
    f = f.replace(" ", "")
    if not f.isdigit() or len(f) < 8:
        return False
    w = [2, 3, 4, 5, 6, 7]
    r = sum(int(d) * w[i % 6] for i, d in enumerate(reversed(f[:-1]))) % 11
    return r == 0 or r + int(f[-1]) == 11


def isbn_ok(s):
    d = "".join(c for c in s if c.isdigit() or c in "xX").upper()
    if len(d) == 10 and d[:9].isdigit():
        c = (11 - sum((10 - i) * int(x) for i, x in enumerate(d[:9])) % 11) % 11
        return ("X" if c == 10 else str(c)) == d[9]
    if len(d) == 13 and d.isdigit():
        return str((10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(d[:12])) % 10) % 10) == d[12]
    return False


def issn_ok(s):
    d = s.replace("-", "").upper()
    if len(d) != 8 or not d[:7].isdigit():
        return False
    c = (11 - sum(int(x) * (8 - i) for i, x in enumerate(d[:7])) % 11) % 11
    return ("X" if c == 10 else str(c)) == d[7]


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(path, n, "empty line")
                continue
            try:
                out.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err(path, n, f"not JSON: {e}")
    return out


def tag_of(field):
    if not isinstance(field, dict) or len(field) != 1:
        return None, None
    return next(iter(field.items()))


def subs(fval):
    return [(next(iter(s)), next(iter(s.values()))) for s in fval.get("subfields", [])]


# ------------------------------------------------------------------ danMARC2
records = {}        # (faust, agency) -> (path, line)
heads = set()
links = []          # (faust of head, path, line)
counts = Counter()


def check_danmarc(path, expect_agency, kind):
    for n, rec in read_jsonl(path):
        counts[kind] += 1
        if not isinstance(rec.get("leader"), str) or len(rec["leader"]) != 24:
            err(path, n, f"leader must be 24 characters, got {rec.get('leader')!r}")
        fields = rec.get("fields")
        if not isinstance(fields, list) or not fields:
            err(path, n, "no fields")
            continue
        seen = Counter()
        first = None
        for field in fields:
            tag, val = tag_of(field)
            if tag is None or len(tag) != 3 or not tag.isalnum():
                err(path, n, f"bad field {field!r}")
                continue
            seen[tag] += 1
            if not isinstance(val, dict) or val.get("ind1") != "0" or val.get("ind2") != "0":
                err(path, n, f"{tag}: danMARC2 field must be a data field with indicators 0 0")
                continue
            sf = val.get("subfields")
            if not isinstance(sf, list) or not sf:
                err(path, n, f"{tag}: no subfields")
                continue
            for s in sf:
                if not isinstance(s, dict) or len(s) != 1:
                    err(path, n, f"{tag}: bad subfield {s!r}")
                    continue
                code, v = next(iter(s.items()))
                if len(code) != 1 or not isinstance(v, str):
                    err(path, n, f"{tag}: bad subfield {s!r}")
                elif v.count("¤") > 1:
                    err(path, n, f"{tag} *{code}: more than one ¤")
            sv = subs(val)
            if tag == "001":
                first = dict(sv)
            elif tag == "021":
                for code, v in sv:
                    if code in "ae" and not isbn_ok(v):
                        err(path, n, f"021 *{code}: ISBN check digit wrong: {v}")
                    if code == "a" and len("".join(c for c in v if c.isalnum())) != 10:
                        err(path, n, f"021 *a must be an ISBN-10: {v}")
                    if code == "e" and len("".join(c for c in v if c.isalnum())) != 13:
                        err(path, n, f"021 *e must be an ISBN-13: {v}")
            elif tag == "022":
                for code, v in sv:
                    if code == "a" and not issn_ok(v):
                        err(path, n, f"022 *a: ISSN check digit wrong: {v}")
            elif tag == "004" and ("a", "h") in sv:
                pass
            elif tag == "014":
                for code, v in sv:
                    if code == "a":
                        links.append((v, path, n))
            elif tag == "096" and not any(c == "z" for c, _ in sv):
                err(path, n, "096 without *z library number")
        if not first or "a" not in first or "b" not in first:
            err(path, n, "001 *a and *b are required")
            continue
        faust, agency = first["a"], first["b"]
        if not faust_ok(faust):
            err(path, n, f"001 *a {faust}: faust check digit wrong")
        if agency != expect_agency:
            err(path, n, f"001 *b {agency}: expected {expect_agency}")
        for code in "cd":
            if code in first and not first[code].isdigit():
                err(path, n, f"001 *{code} must be digits")
        if kind != "enrichment":
            if seen["245"] != 1:
                err(path, n, "245 must occur exactly once")
            if seen["004"] != 1 or seen["008"] != 1 or seen["009"] != 1:
                err(path, n, "004, 008 and 009 must occur once")
        key = (faust.replace(" ", ""), agency)
        if key in records:
            err(path, n, f"duplicate (faust, agency) {key}, first at {records[key]}")
        records[key] = (os.path.relpath(path, ROOT), n)
        if any(tag_of(f)[0] == "004" and ("a", "h") in subs(tag_of(f)[1]) for f in fields):
            heads.add(key)
        if kind == "enrichment" and (key[0], "870970") not in records_common:
            err(path, n, f"enrichment {faust} has no common record")


records_common = set()
common_path = os.path.join(ROOT, "danmarc2", "common.jsonl")
check_danmarc(common_path, "870970", "common")
records_common = {k for k in records if k[1] == "870970"}
for sub, kind in (("enrichment", "enrichment"), ("local", "local")):
    d = os.path.join(ROOT, sub)
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if name.endswith(".jsonl"):
            agency = name[:-6]
            if not (agency.isdigit() and len(agency) == 6):
                err(os.path.join(d, name), 0, "file name must be the 6-digit agency number")
            check_danmarc(os.path.join(d, name), agency, kind)
for head, path, n in links:
    if (head, "870970") not in heads:
        err(path, n, f"014 *a {head}: no head record (004 *a h) with that faust")

# ------------------------------------------------------------------ MARC21
m21 = os.path.join(ROOT, "marc21", "books.jsonl")
ids = set()
for n, rec in read_jsonl(m21):
    counts["marc21"] += 1
    ldr = rec.get("leader", "")
    if not isinstance(ldr, str) or len(ldr) != 24:
        err(m21, n, f"leader must be 24 characters, got {len(ldr)}")
        continue
    if ldr[6] not in "acdefgijkmoprt" or ldr[7] not in "abcdims":
        err(m21, n, f"leader/06-07 {ldr[6:8]!r} not a known type/level")
    if ldr[10:12] != "22" or ldr[20:24] != "4500":
        err(m21, n, "leader/10-11 must be 22 and 20-23 4500")
    seen = Counter()
    for field in rec.get("fields", []):
        tag, val = tag_of(field)
        if tag is None or len(tag) != 3:
            err(m21, n, f"bad field {field!r}")
            continue
        seen[tag] += 1
        if tag < "010" and tag.isdigit():
            if not isinstance(val, str):
                err(m21, n, f"{tag}: control field must be a string")
                continue
            if tag == "001":
                if val in ids:
                    err(m21, n, f"duplicate 001 {val}")
                ids.add(val)
            if tag == "008":
                if len(val) != 40:
                    err(m21, n, f"008 must be 40 characters, got {len(val)}")
                elif not val[7:11].isdigit():
                    err(m21, n, f"008/07-10 must be a year: {val[7:11]!r}")
                elif not (val[35:38].isalpha() and val[35:38].islower()):
                    err(m21, n, f"008/35-37 must be a language code: {val[35:38]!r}")
            continue
        if not isinstance(val, dict) or len(val.get("ind1", "")) != 1 or len(val.get("ind2", "")) != 1:
            err(m21, n, f"{tag}: data field needs one-character ind1/ind2")
            continue
        sv = subs(val)
        if tag == "245":
            if not val["ind2"].isdigit():
                err(m21, n, "245 ind2 must be a digit")
            else:
                k = int(val["ind2"])
                a = dict(sv).get("a", "")
                if k and a[k - 1] not in " '":
                    err(m21, n, f"245 ind2={k} does not end on a blank/apostrophe: {a[:k+1]!r}")
        if tag == "020":
            for code, v in sv:
                if code == "a" and not isbn_ok(v.split(" ")[0]):
                    err(m21, n, f"020 $a ISBN check digit wrong: {v}")
        if tag == "022":
            for code, v in sv:
                if code == "a" and not issn_ok(v):
                    err(m21, n, f"022 $a ISSN check digit wrong: {v}")
    for t in ("001", "008", "245"):
        if seen[t] != 1:
            err(m21, n, f"{t} must occur exactly once")

# ------------------------------------------------------------------ holdings
hp = os.path.join(ROOT, "holdings.jsonl")
STATUSES = {"onShelf", "onLoan", "ordered", "onOrder", "lost", "discarded"}
REQUIRED = ("agency", "recordId", "branch", "department", "location", "sublocation", "itemId", "status")
items = {}
agencies = Counter()
for n, h in read_jsonl(hp):
    counts["holdings"] += 1
    missing = [k for k in REQUIRED if k not in h]
    if missing:
        err(hp, n, f"missing keys {missing}")
        continue
    if not all(isinstance(h[k], str) for k in h):
        err(hp, n, "all values must be strings")
    ag, rid = h["agency"], h["recordId"]
    agencies[ag] += 1
    if not (ag.isdigit() and len(ag) == 6):
        err(hp, n, f"agency must be 6 digits: {ag}")
    if h["status"] not in STATUSES:
        err(hp, n, f"unknown status {h['status']}")
    if h.get("loanRestriction", "") not in ("", "a", "b", "c", "d", "e", "f", "g"):
        err(hp, n, f"loanRestriction must be a-g: {h['loanRestriction']}")
    if (rid, "870970") not in records and (rid, ag) not in records:
        err(hp, n, f"recordId {rid} is neither a common record nor a local record of {ag}")
    if h["itemId"] in items:
        err(hp, n, f"duplicate itemId {h['itemId']} (first at line {items[h['itemId']]})")
    items[h["itemId"]] = n

for e in errors:
    print(e)
print(f"danMARC2 common={counts['common']} enrichment={counts['enrichment']} local={counts['local']} "
      f"MARC21={counts['marc21']} holdings={counts['holdings']} items={len(items)} agencies={len(agencies)}")
print("OK" if not errors else f"{len(errors)} problem(s)")
sys.exit(1 if errors else 0)
