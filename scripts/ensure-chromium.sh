#!/usr/bin/env bash
# Browser tests use Debian's Chromium (never a downloaded browser): install it when missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium saknas: installera Debian-paketet 'chromium' (sudo apt-get install -y chromium)." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
