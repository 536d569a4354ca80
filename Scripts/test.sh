#!/usr/bin/env bash
# The one test command (named in the README, run by .ci/run): the whole Swift test suite.
# Extra arguments go to `swift test` (e.g. Scripts/test.sh --filter MARCTests).
# Tests read ../shared/corpora relative to the repository root; they need no Python peers
# (the pymarc side is committed as digests under Tests/MARCTests/Golden).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-deps.sh
exec swift test "$@"
