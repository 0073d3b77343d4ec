#!/usr/bin/env bash
# Set up a fresh Debian machine for the test suite and run it: bash scripts/test.sh [pytest args]
# Installs Debian's Chromium, nginx and a CJK font (browser tests render Hangul), sets up .venv the
# way the app's own command does (scripts/setup.sh), then runs pytest. Playwright's own
# browser download is never used.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
# The proxy test runs replicas behind Debian's nginx (deploy/).
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_packages+=(nginx-light)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=ko)" ]; then
  apt_packages+=(fonts-noto-cjk fontconfig)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "apt-get install ${apt_packages[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${apt_packages[@]}"
else
  say "Debian packages present: /usr/bin/chromium, nginx, a Korean font"
fi

bash scripts/setup.sh requirements-dev.txt
python=.venv/bin/python

say "$python -m pytest $*"
status=0
"$python" -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  say "pytest collected no tests: treating that as a failure"
  exit 1
fi
say "pytest exited with $status"
exit "$status"
