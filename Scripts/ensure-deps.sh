#!/usr/bin/env bash
# Installs the system libraries Kartotek links (libxml2, ICU) and pkg-config when they are missing.
# Used by Scripts/demo.sh, Scripts/test.sh and .ci/run. Does nothing when all three are present.
set -euo pipefail
missing=()
for p in libxml2-dev libicu-dev pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
pkg-config --exists libxml-2.0 icu-i18n
