#!/usr/bin/env python3
"""Lists public (and open) declarations in Sources/ without a `///` doc comment right above them
(attributes such as @inlinable may stand between). Exit status 1 when any is missing."""
import os, re, sys

DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(public|open)\s+(?!import)(?:(?:static|final|override|mutating|nonisolated|private\(set\)|internal\(set\)|indirect|convenience|required|lazy)\s+)*(func|var|let|init|struct|class|enum|protocol|typealias|case|subscript|actor|extension)\b")
missing = []
for root, _, files in os.walk("Sources"):
    for name in sorted(files):
        if not name.endswith(".swift"):
            continue
        path = os.path.join(root, name)
        lines = open(path, encoding="utf-8").read().split("\n")
        for i, line in enumerate(lines):
            m = DECL.match(line)
            if not m or m.group(2) == "extension":
                continue
            j = i - 1
            while j >= 0 and (lines[j].strip().startswith("@") or lines[j].strip() == ""):
                if lines[j].strip() == "":
                    break
                j -= 1
            if j < 0 or not lines[j].strip().startswith("///"):
                # a `///` block that ends in a `- Parameter` line still counts; a `*/` DocC block too
                if not (j >= 0 and lines[j].strip().endswith("*/")):
                    missing.append(f"{path}:{i + 1}: {line.strip()[:100]}")
for m in missing:
    print(m)
print(f"{len(missing)} public declaration(s) without a /// comment", file=sys.stderr)
sys.exit(1 if missing else 0)
