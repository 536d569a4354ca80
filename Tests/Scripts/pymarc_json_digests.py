#!/usr/bin/env python3
"""pymarc 5.4.0 reference digests for the MARC-in-JSON differential test.

Why digests: the Swift tests must not need pymarc at test time, and the corpus
files (../shared/corpora/real, GPL/Perl/Apache licences) must not be copied into
the repo. So this script reads every ISO 2709 file with pymarc, renders
``json.loads(record.as_json())`` canonically, and writes one FNV-1a 64 digest
per record. The Swift test renders its own MARC-in-JSON output the same way and
compares digests.

Usage
-----
    python3 Tests/Scripts/pymarc_json_digests.py --mode utf8 \
        [--corpus ../shared/corpora/real] > Tests/MARCTests/Golden/pymarc-json-utf8.tsv
    python3 Tests/Scripts/pymarc_json_digests.py --mode all  \
        [--corpus ../shared/corpora/real] > Tests/MARCTests/Golden/pymarc-json-all.tsv
    python3 Tests/Scripts/pymarc_json_digests.py --mode all --framing 0x1d \
        > Tests/MARCTests/Golden/pymarc-json-all-0x1d.tsv
    Add --dump FILE:INDEX to print the canonical rendering of one record
    (repr of the text) instead of digests, for debugging a mismatch.

Needs pymarc==5.4.0 exactly (the script refuses other versions); see
Scripts/install-peers.sh.

Which files ("ISO 2709")
------------------------
Every regular file in the corpus directory whose name does not end in ``.xml``,
in byte-wise sorted order of file name.

Mode ``utf8`` ("declares UTF-8")
--------------------------------
A record declares UTF-8 when leader/09 (0-based byte 9) == ``a``. A file is
included when at least one of its 0x1D-framed chunks has leader/09 == ``a``;
within an included file a record whose pymarc leader/09 is not ``a`` is
skipped (no line). In the corpus as of 2026-11 exactly two files qualify, and
every record in them declares UTF-8:
``evergreen_auth-1066.mrc`` (1066/1066) and ``evergreen_nepali.marc``
(96/96). All other ISO 2709 files in corpora/real have leader/09 == ' '
for every record (``evergreen_FSL.marc`` is UTF-8 data under a blank
leader/09: it does NOT declare UTF-8 and is excluded here).

pymarc flags, both modes: ``MARCReader(f, to_unicode=True, force_utf8=False,
utf8_handling="strict", hide_utf8_warnings=True)`` (= pymarc's defaults, plus
silenced MARC-8 warnings). ``force_utf8=False`` is what matches "declares
UTF-8": pymarc then decodes as UTF-8 exactly when leader/09 == 'a' (strict, so
invalid UTF-8 makes pymarc yield None for that record) and uses its MARC-8
path otherwise. ``force_utf8=True`` would ignore leader/09 and is NOT used.

Mode ``all``
------------
Every ISO 2709 file, every record, same flags. For records with leader/09 !=
'a', pymarc decodes subfield values with its MARC-8 converter (output NFC;
MARC-8 ligature halves 0xEB/0xEC -> U+FE20/U+FE21), but control fields
(tags 001-009) with ISO-8859-1 (``bytes.decode("iso8859-1")``), not MARC-8.

Output
------
One line per record pymarc yields, in pymarc's order::

    <file name>\t<record index, 0-based>\t<digest>

``record index`` counts what MARCReader yields (records and Nones) from 0.
pymarc frames by the 5-digit record length in the leader, NOT by 0x1D. The
script compares the two framings per record and reports the count on stderr
(``framing_mismatch=``): they agree on every record of every file in
corpora/real except catmandu_bu_bibs.mrc (see ``--framing 0x1d`` below), so
elsewhere the index is also the index of the record when framing on 0x1D.

``digest`` is 16 lowercase hex digits, or the literal ``none`` when pymarc
yielded None (it could not parse the chunk: invalid UTF-8 under strict
handling, bad base address, directory length not a multiple of 12, ...).
If pymarc stops early (a FatalReaderError: RecordLengthInvalid,
TruncatedRecord), no further lines are written for that file; the script
reports this on stderr.

``--framing 0x1d`` (file pymarc-json-all-0x1d.tsv): instead of MARCReader,
split the file after every 0x1D and call ``pymarc.Record(chunk, <same flags>)``
on each chunk; an exception gives ``none``; the index is the 0x1D chunk
index. Identical to the default output except for catmandu_bu_bibs.mrc,
where 16 of 100 records state a record length 4-84 bytes shorter than the
0x1D-framed record, so MARCReader loses sync at record 2 (EndOfRecordNotFound,
a FatalReaderError) and yields only 3 entries for the file.

Canonical rendering (what is hashed)
------------------------------------
Input: ``d = json.loads(record.as_json())``, i.e. ``{"leader": str,
"fields": [ {tag: str} | {tag: {"ind1": str, "ind2": str, "subfields":
[{code: str}, ...]}} , ...]}``. Rendering ``R`` is a Unicode string built as:

    R  = d["leader"] + "\\n"
    for each field object F in d["fields"], in order (each has exactly one key):
        tag = the key; v = F[tag]
        if v is a string (control field):
            R += tag + "=" + v + "\\n"
        else (data field):
            R += tag + " " + v["ind1"] + v["ind2"]
            for each subfield object S in v["subfields"], in order (one key):
                code = the key
                R += "\\x1f" + code + S[code]
            R += "\\n"

Bytes = R encoded as UTF-8 (no BOM, no normalisation, no escaping; the
JSON was already unescaped by json.loads). "\\n" is U+000A, "\\x1f" U+001F,
"=" U+003D, " " U+0020. Note a data field is "tag SPACE ind1 ind2" with no
space between the indicators, and an empty subfield list gives "tag SPACE ind1
ind2 \\n". The rendering is not injective in theory (a value may itself
contain U+001F or U+000A), which is irrelevant for an equality check.

Hash: FNV-1a 64-bit over those bytes::

    h = 0xcbf29ce484222325              # offset basis
    for each byte b: h = ((h XOR b) * 0x100000001b3) mod 2**64   # FNV prime
    digest = format(h, "016x")          # lowercase, zero-padded to 16

Test vectors: FNV-1a-64("") = cbf29ce484222325, ("a") = af63dc4c8601ec8c,
("foobar") = 85944171f73967e8.

What pymarc 5.4.0 does that the Swift side must mirror to match
----------------------------------------------------------------
(from pymarc/record.py ``decode_marc`` and ``as_dict``)
* leader: the 24 raw bytes as ASCII, unchanged (e.g. auth-1066's ``45 0``).
* fields in directory order (NOT sorted by tag, NOT in data order).
* a tag is a control field iff it is all digits and < "010" (so ``00A`` is a
  data field).
* data field: bytes before the first 0x1F are the indicators; 0 bytes ->
  "  " (two blanks); 1 byte -> that + " "; more than 2 -> first two kept,
  the rest DROPPED (evergreen_nepali.marc has one such field).
* subfields: field data split on 0x1F; empty pieces (0x1F 0x1F, trailing
  0x1F) are DROPPED; a piece of only a code gives value "". The code is the
  first byte if ASCII, else pymarc normalises it (NFKD, strip non-ASCII).
* the field terminator (last byte of the directory-given extent) is removed;
  any other 0x1E inside the extent stays in the value.
"""
import argparse
import io
import json
import logging
import os
import sys
import warnings

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = 0xFFFFFFFFFFFFFFFF


def fnv1a64(data: bytes) -> str:
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & MASK64
    return format(h, "016x")


def canonical(d: dict) -> str:
    out = [d["leader"], "\n"]
    for f in d["fields"]:
        if len(f) != 1:
            raise ValueError(f"field object with {len(f)} keys: {f!r}")
        (tag, v), = f.items()
        if isinstance(v, str):
            out += [tag, "=", v, "\n"]
        else:
            out += [tag, " ", v["ind1"], v["ind2"]]
            for s in v["subfields"]:
                if len(s) != 1:
                    raise ValueError(f"subfield object with {len(s)} keys: {s!r}")
                (code, val), = s.items()
                out += ["\x1f", code, val]
            out.append("\n")
    return "".join(out)


def digest_record(record) -> str:
    d = json.loads(record.as_json())
    return fnv1a64(canonical(d).encode("utf-8"))


def iso2709_files(corpus):
    return sorted(
        n for n in os.listdir(corpus)
        if not n.endswith(".xml") and os.path.isfile(os.path.join(corpus, n))
    )


def chunks_0x1d(data: bytes):
    """(offset, bytes) of each 0x1D-terminated chunk, terminator included."""
    pos = 0
    while pos < len(data):
        end = data.find(b"\x1d", pos)
        end = len(data) if end < 0 else end + 1
        yield pos, data[pos:end]
        pos = end


def declares_utf8(data: bytes) -> bool:
    return any(c[9:10] == b"a" for _, c in chunks_0x1d(data))


def run(corpus, mode, out, dump=None, framing="length", force_utf8=False, only=None):
    import pymarc

    from importlib.metadata import version
    if version("pymarc") != "5.4.0":
        sys.exit(f"need pymarc 5.4.0, have {version('pymarc')} (Scripts/install-peers.sh)")
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")

    for name in iso2709_files(corpus):
        if only and name not in only:
            continue
        path = os.path.join(corpus, name)
        data = open(path, "rb").read()
        if mode == "utf8" and not declares_utf8(data):
            continue
        framed = list(chunks_0x1d(data))
        if framing == "0x1d":
            run_0x1d(pymarc, name, framed, mode, out, force_utf8)
            continue
        reader = pymarc.MARCReader(
            io.BytesIO(data), to_unicode=True, force_utf8=False,
            utf8_handling="strict", hide_utf8_warnings=True,
        )
        n = nones = skipped = 0
        offset = 0
        mismatch = 0
        for idx, rec in enumerate(reader):
            chunk = reader.current_chunk or b""
            # does pymarc's length framing agree with 0x1D framing here?
            if idx >= len(framed) or framed[idx] != (offset, chunk):
                mismatch += 1
            offset += len(chunk)
            if rec is not None and mode == "utf8" and rec.leader[9] != "a":
                skipped += 1
                continue
            if dump and dump == (name, idx):
                if rec is None:
                    print(f"None: {reader.current_exception!r}")
                else:
                    print(repr(canonical(json.loads(rec.as_json()))))
                return
            if rec is None:
                nones += 1
                h = "none"
                print(f"{name}\t{idx}: pymarc None: {reader.current_exception!r}",
                      file=sys.stderr)
            else:
                h = digest_record(rec)
            n += 1
            if not dump:
                out.write(f"{name}\t{idx}\t{h}\n")
        exc = reader.current_exception
        stopped = exc is not None and isinstance(exc, pymarc.exceptions.FatalReaderError)
        print(f"# {name}: lines={n} none={nones} skipped_not_utf8={skipped} "
              f"0x1d_chunks={len(framed)} framing_mismatch={mismatch}"
              + (f" STOPPED_EARLY={exc!r}" if stopped else ""), file=sys.stderr)


def run_0x1d(pymarc, name, framed, mode, out, force_utf8=False):
    """Frame on 0x1D ourselves and hand each chunk to pymarc.Record (same flags)."""
    n = nones = skipped = 0
    for idx, (_, chunk) in enumerate(framed):
        try:
            rec = pymarc.Record(chunk, to_unicode=True, force_utf8=force_utf8,
                                utf8_handling="strict", hide_utf8_warnings=True)
        except Exception as ex:  # what MARCReader turns into a None
            rec = None
            print(f"{name}\t{idx}: pymarc None: {ex!r}", file=sys.stderr)
        if rec is not None and mode == "utf8" and rec.leader[9] != "a":
            skipped += 1
            continue
        h = "none" if rec is None else digest_record(rec)
        nones += rec is None
        n += 1
        out.write(f"{name}\t{idx}\t{h}\n")
    print(f"# {name}: lines={n} none={nones} skipped_not_utf8={skipped} "
          f"0x1d_chunks={len(framed)} (framing=0x1d)", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    default_corpus = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "corpora", "real"))
    ap.add_argument("--corpus", default=default_corpus)
    ap.add_argument("--mode", choices=["utf8", "all"], required=True)
    ap.add_argument("--framing", choices=["length", "0x1d"], default="length",
                    help="length: pymarc's MARCReader (default); 0x1d: split on 0x1D and "
                         "call pymarc.Record(chunk) per chunk")
    ap.add_argument("--force-utf8", action="store_true",
                    help="pymarc force_utf8=True (read every record as UTF-8 whatever leader/09 says; "
                         "0x1d framing only): the reference for files whose leader lies")
    ap.add_argument("--only", action="append", help="only this file name (repeatable)")
    ap.add_argument("--dump", help="FILE:INDEX: print the canonical rendering of one record")
    a = ap.parse_args()
    dump = None
    if a.dump:
        f, i = a.dump.rsplit(":", 1)
        dump = (f, int(i))
    run(a.corpus, a.mode, sys.stdout, dump, a.framing, a.force_utf8, a.only)


if __name__ == "__main__":
    main()
