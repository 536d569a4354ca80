#!/usr/bin/env bash
# Install the peer tools used by Tests/Scripts and Benchmarks/peers (NOT needed to build or
# test Kartotek): pymarc 5.4.0, mrrc, tantivy (PyPI) and yaz (Debian). Idempotent: each step
# is skipped when the wanted version is already there.
#   PIP=pip3 Scripts/install-peers.sh              (default: python3 -m pip)
#   WITH_MARC_PERL=1 Scripts/install-peers.sh      also MARC::Record (libmarc-record-perl),
#                                                  used by Tests/Scripts/edge_survey.py
# Versions recorded 2026-11-27: pymarc 5.4.0, mrrc 0.9.2, tantivy 0.27.0, YAZ 5.34.0,
# libmarc-record-perl 2.0.7 (Debian 12). mrrc and tantivy are pinned to those versions for
# comparable numbers; override with MRRC_SPEC=mrrc TANTIVY_SPEC=tantivy for the newest.
set -euo pipefail
PIP=${PIP:-python3 -m pip}
MRRC_SPEC=${MRRC_SPEC:-mrrc==0.9.2}
TANTIVY_SPEC=${TANTIVY_SPEC:-tantivy==0.27.0}
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

have_py() {  # have_py DIST SPEC: is the installed distribution DIST satisfying SPEC?
  python3 - "$1" "$2" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
dist, spec = sys.argv[1], sys.argv[2]
try:
    v = version(dist)
except PackageNotFoundError:
    sys.exit(1)
sys.exit(0 if "==" not in spec or spec.split("==", 1)[1] == v else 1)
PY
}

want=()
for pair in "pymarc pymarc==5.4.0" "mrrc $MRRC_SPEC" "tantivy $TANTIVY_SPEC"; do
  set -- $pair
  if have_py "$1" "$2"; then echo "ok: $2"; else want+=("$2"); fi
done
if [ ${#want[@]} -gt 0 ]; then
  echo "pip install ${want[*]}"
  $PIP install --quiet --disable-pip-version-check "${want[@]}"
fi

apt_want=()
command -v yaz-marcdump >/dev/null 2>&1 || apt_want+=(yaz)
if [ "${WITH_MARC_PERL:-0}" = 1 ] && ! perl -MMARC::Batch -e 1 2>/dev/null; then
  apt_want+=(libmarc-record-perl)
fi
if [ ${#apt_want[@]} -gt 0 ]; then
  echo "apt-get install ${apt_want[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_want[@]}" >/dev/null
else
  echo "ok: yaz"
fi

python3 - <<'PY'
from importlib.metadata import version
print("pymarc", version("pymarc"), "| mrrc", version("mrrc"), "| tantivy", version("tantivy"))
PY
yaz-marcdump -V | head -n 1
