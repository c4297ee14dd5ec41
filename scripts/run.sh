#!/usr/bin/env bash
# Install everything the app needs into .venv and start it on the embedded SQLite database with sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m data_access seed
exec .venv/bin/python -m streamlit run dashboard.py --server.port "${PORT:-8501}" "$@"
