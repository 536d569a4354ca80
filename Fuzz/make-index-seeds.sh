#!/usr/bin/env bash
# Rebuilds the index-file fuzz seeds (Fuzz/Seeds/indexfile/*.kix) in the current segment format, from
# generated danMARC2 records (MARC-in-JSON) indexed by the release `kartotek`:
#   small.kix   12 records: short lists only (varint entries).
#   blocks.kix  135 records: the words "sol", "hav" and "ø" occur in 130 or more, so their lists have a
#               bit-packed block and a varint tail; some titles repeat a word (tf > 1). Kept under 16 KiB, the
#               fuzzer's input limit.
# Usage: Fuzz/make-index-seeds.sh   (run from the repository root after `swift build -c release`)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/kartotek
[ -x "$bin" ] || swift build -c release --product kartotek
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'EOF'
import json, sys
work = sys.argv[1]
words = ["sol", "nat", "dag", "hav", "skov", "by", "vej", "bro"]
def record(i, title, author, year, full=True):
    f = lambda tag, subs: {tag: {"ind1": "0", "ind2": "0", "subfields": [{k: v} for k, v in subs]}}
    fields = [
        f("001", [("a", str(50000000 + i)), ("b", "870970")]),
        f("004", [("r", "n"), ("a", "e")]),
        f("008", [("t", "m"), ("a", str(year)), ("l", "dan"), ("v", "0")]),
        f("009", [("a", "a"), ("g", "xx")]),
        f("021", [("e", "978877245%04d" % i)]),
        f("100", [("a", author), ("h", "S")]),
        f("245", [("a", title)]),
        f("666", [("s", words[i % len(words)])]),
    ]
    if not full:  # blocks.kix must stay under the fuzzer's 16 KiB input limit
        fields = [x for x in fields if not set(x) & {"004", "009", "021", "666"}]
    return {"leader": "00000n    2200000   4500", "fields": fields}
def write(name, records):
    with open(f"{work}/{name}.jsonl", "w") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
write("small", [record(i, f"{words[i % 8]} og {words[(i * 3) % 8]} lille prins", "Kierkegaard", 1790 + i) for i in range(12)])
blocks = []
for i in range(135):
    title = " ".join(["sol", "hav"] + (["sol"] * (i % 3)) + ([] if i % 27 == 5 else ["ø"]))
    blocks.append(record(i, title, "Ib", 1790 + i % 40, full=False))
write("blocks", blocks)
EOF
for name in small blocks; do
    "$bin" index -o "$work/$name" "$work/$name.jsonl" > /dev/null
    cp "$work/$name/$(cat "$work/$name/CURRENT")/search.kix" "Fuzz/Seeds/indexfile/$name.kix"
    echo "Fuzz/Seeds/indexfile/$name.kix: $(wc -c < "Fuzz/Seeds/indexfile/$name.kix") bytes"
done
