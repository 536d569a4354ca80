#!/usr/bin/env python3
"""pymarc differential for MARCXML: per-record digests of pymarc 5.4.0's parse_xml_to_array output.

Usage: python3 Tests/Scripts/pymarc_xml_digests.py [CORPORA_DIR] > Tests/MARCXMLTests/Golden/pymarc-xml.tsv

CORPORA_DIR defaults to ../shared/corpora beside the package root. Every *.xml file of CORPORA_DIR/real is parsed
(sorted by name). One line per record: <file name>\t<0-based index>\t<FNV-1a 64 hex of the canonical rendering>.

Canonical rendering (shared with the Swift tests; match exactly): the leader + "\n"; then per field in order a
control field as tag + "=" + value + "\n", a data field as tag + " " + ind1 + ind2, then "\x1f" + code + value per
subfield, then "\n". UTF-8 bytes. FNV-1a 64-bit (offset 0xcbf29ce484222325, prime 0x100000001b3), 16 lowercase hex
digits.
"""
import os
import sys

import pymarc
from pymarc import parse_xml_to_array

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3


def fnv1a64(data: bytes) -> str:
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def render(record) -> bytes:
    out = [str(record.leader), "\n"]
    for field in record.fields:
        if field.is_control_field():
            out += [field.tag, "=", field.data or "", "\n"]
        else:
            ind1 = field.indicator1 if field.indicator1 is not None else " "
            ind2 = field.indicator2 if field.indicator2 is not None else " "
            out += [field.tag, " ", ind1, ind2]
            for sub in field.subfields:
                out += ["\x1f", sub.code, sub.value]
            out.append("\n")
    return "".join(out).encode("utf-8")


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    corpora = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(root), "shared", "corpora")
    real = os.path.join(corpora, "real")
    version = getattr(pymarc, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version
        version = dist_version("pymarc")
    if version != "5.4.0":
        sys.exit(f"pymarc 5.4.0 expected, found {version}")
    for name in sorted(os.listdir(real)):
        if not name.endswith(".xml"):
            continue
        records = parse_xml_to_array(os.path.join(real, name))
        for i, record in enumerate(records):
            print(f"{name}\t{i}\t{fnv1a64(render(record))}")


if __name__ == "__main__":
    main()
