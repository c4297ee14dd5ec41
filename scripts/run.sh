#!/usr/bin/env bash
# Install everything the app needs into .venv and start it on the embedded SQLite database with sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian.sh
# Fonts for the brief's PDF, so staff's words print as written (without them it falls back to Latin-1 only).
fonts=($(missing_fonts))
if [ ${#fonts[@]} -gt 0 ]; then
    { command -v apt-get >/dev/null && apt_install "${fonts[@]}"; } ||
        echo "Could not install ${fonts[*]}: the brief's PDF will show Latin-1 text only." >&2
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m data_access seed
# Only this machine can reach it: without sign-in (no [auth] in .streamlit/secrets.toml) anyone who can reach the
# server acts as BC_ROLE. To serve others, configure sign-in (README, "Signing in") and pass --server.address.
echo "Serving on http://127.0.0.1:${PORT:-8501} only: other machines cannot reach it (see README, Signing in)." >&2
exec .venv/bin/python -m streamlit run dashboard.py --server.port "${PORT:-8501}" --server.address 127.0.0.1 "$@"
