#!/usr/bin/env python3
"""Reference digests of pymarc's MARC-8 decoding, for Tests/MARCTests/CharsetTests.swift.

Usage (from the repository root; needs `pip install pymarc==5.4.0`):

    python3 Tests/Scripts/marc8_reference.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpora/real. For each file in FILES it writes
Tests/MARCTests/Golden/<file>.marc8.digests. No corpus data is copied: only digests.

Record splitting (identical in the Swift test): the file is cut after every 0x1D byte;
each piece, 0x1D included, is one record, numbered from 0. Bytes after the last 0x1D
(none in these files) are ignored. Each piece is parsed with
`pymarc.Record(data=piece, to_unicode=True, hide_utf8_warnings=True)`, which decodes
subfield values with pymarc's MARC-8 converter when leader/09 is not 'a' (and as
UTF-8 when it is 'a').

Digest file format: one line per record, `<index> <digest>\\n`, where <digest> is 16
lower-case hex digits of FNV-1a-64 (offset basis 0xcbf29ce484222325, prime
0x100000001b3) over this byte string:

    for each field of the record, in directory order, that pymarc treats as a data field
    (i.e. NOT: tag < "010" and tag all digits):
        the 3 tag bytes (ASCII)
        for each subfield in order: 0x1F, then the value as UTF-8
        0x1E

Subfield codes and indicators are not hashed (they are not charset-decoded). If pymarc
raises on a record, the line is `<index> ERROR <exception class name>`.
"""
import logging
import os
import sys

import pymarc

FILES = [
    "solrmarc_uva_001_2000.mrc",
    "evergreen_jazz_1k.mrc",
    "evergreen_lul_fre_500.mrc",
    "evergreen_hebrew.marc",
    "evergreen_oss.marc",
    "catmandu_bu_bibs.mrc",
]

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1


def fnv1a64(data: bytes) -> int:
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & MASK
    return h


def record_bytes(record: pymarc.Record) -> bytes:
    out = bytearray()
    for field in record.fields:
        if field.is_control_field():
            continue
        out += field.tag.encode("ascii")
        for sub in field.subfields:
            out += b"\x1f" + sub.value.encode("utf-8")
        out += b"\x1e"
    return bytes(out)


def main() -> None:
    logging.disable(logging.CRITICAL)  # pymarc logs every odd indicator
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "corpora", "real")
    here = os.path.dirname(os.path.abspath(__file__))
    golden = os.path.join(here, "..", "MARCTests", "Golden")
    os.makedirs(golden, exist_ok=True)
    for name in FILES:
        data = open(os.path.join(corpus, name), "rb").read()
        pieces = data.split(b"\x1d")[:-1]
        lines = []
        errors = 0
        for index, piece in enumerate(pieces):
            try:
                record = pymarc.Record(data=piece + b"\x1d", to_unicode=True, hide_utf8_warnings=True)
                lines.append(f"{index} {fnv1a64(record_bytes(record)):016x}\n")
            except Exception as error:  # noqa: BLE001 - recorded in the golden file
                errors += 1
                lines.append(f"{index} ERROR {type(error).__name__}\n")
        with open(os.path.join(golden, name + ".marc8.digests"), "w") as f:
            f.writelines(lines)
        print(f"{name}: {len(pieces)} records, {errors} pymarc errors", file=sys.stderr)


if __name__ == "__main__":
    main()
