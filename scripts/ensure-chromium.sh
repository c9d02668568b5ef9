#!/usr/bin/env bash
# Browser tests use Debian's Chromium (never a downloaded browser): install it when missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  # Not root: sudo without a password prompt, or a clear message.
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "Chromium is missing and this user cannot install it: run 'sudo apt-get install -y chromium' once, then npm test." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium for the browser tests…" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
