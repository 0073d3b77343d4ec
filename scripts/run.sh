#!/usr/bin/env bash
# Set up .venv (scripts/setup.sh) and run the app: bash scripts/run.sh [streamlit options]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/python -m streamlit run app.py "$@"
