#!/usr/bin/env bash
# Install what the tests need, then run them on SQLite and PostgreSQL: scripts/test.sh [pytest arguments]
# The tests start (and stop) their own throwaway PostgreSQL server and app server; this only installs what they need.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x .venv/bin/python ] || python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3 python3-venv)
if [ "${BC_SKIP_POSTGRES:-}" != 1 ] && ! { command -v initdb && command -v pg_ctl; } >/dev/null 2>&1 \
        && ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    missing+=(postgresql)
fi
# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The brief's PDF prints staff's words in these fonts (reports/pdf_document.py); the browser tests use them too.
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
exec .venv/bin/python -m pytest "$@"
