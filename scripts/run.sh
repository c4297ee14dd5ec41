#!/usr/bin/env bash
# Install everything the app needs into .venv and start it on the embedded SQLite database with sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
# Fonts for the brief's PDF, so staff's words print as written (without them it falls back to Latin-1 only).
fonts=()
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || fonts+=(fonts-liberation)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || fonts+=(fonts-dejavu-core)
if [ ${#fonts[@]} -gt 0 ] && command -v apt-get >/dev/null; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
    $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${fonts[@]}" || echo "Could not install ${fonts[*]}: the brief's PDF will show Latin-1 text only." >&2
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -m data_access seed
exec .venv/bin/python -m streamlit run dashboard.py --server.port "${PORT:-8501}" "$@"
