#!/usr/bin/env bash
# The main job on the bundled Corpus: build (release), index, search. Named in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-deps.sh
swift build -c release --product kartotek
exec .build/release/kartotek demo "$@"
