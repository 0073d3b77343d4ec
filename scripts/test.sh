#!/usr/bin/env bash
# Set up a fresh Debian machine for the test suite and run it: bash scripts/test.sh [pytest args]
# Installs Debian's Chromium and a CJK font (browser tests render Hangul), the Python
# requirements, then runs pytest. Playwright's own browser download is never used.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v python3 >/dev/null || apt_packages+=(python3 python3-pip python3-venv)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=ko)" ]; then
  apt_packages+=(fonts-noto-cjk fontconfig)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "apt-get install ${apt_packages[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${apt_packages[@]}"
else
  say "Debian packages present: python3, /usr/bin/chromium, a Korean font"
fi

python=python3
if python3 -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'; then
  # Debian's own Python refuses pip installs into the system: use a private venv instead.
  if [ ! -x .venv/bin/python ]; then
    say "python3 is managed by Debian: creating .venv"
    python3 -m venv .venv || { as_root apt-get install -y python3-venv && python3 -m venv .venv; }
  fi
  python=.venv/bin/python
fi

say "$python -m pip install -r requirements-dev.txt"
"$python" -m pip install -r requirements-dev.txt

say "$python -m pytest $*"
status=0
"$python" -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  say "pytest collected no tests: treating that as a failure"
  exit 1
fi
say "pytest exited with $status"
exit "$status"
