#!/usr/bin/env bash
# Make the project's virtual environment .venv and install a requirements file into it:
#   bash scripts/setup.sh requirements.txt
# Always a venv, never the system's Python: Debian and Ubuntu mark their python3 as
# externally managed and refuse `pip install` into it, and one way of installing for every
# machine means the README's commands and CI take the same path. Installs Debian's python3 and
# python3-venv first when they are missing (as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=${1:?usage: scripts/setup.sh REQUIREMENTS_FILE}

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  say "apt-get install $*"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

command -v python3 >/dev/null || apt_install python3 python3-venv
if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $(command -v python3) ($(python3 --version 2>&1))"
  # Debian ships venv without ensurepip until python3-venv is installed.
  if ! python3 -m venv .venv; then
    rm -rf .venv
    apt_install python3-venv
    python3 -m venv .venv
  fi
fi
say ".venv/bin/python -m pip install -r $requirements"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
