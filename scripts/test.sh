#!/usr/bin/env bash
# Install what the tests need, check the code with ruff and mypy, then run the tests on SQLite and PostgreSQL:
# scripts/test.sh [pytest arguments]
# The tests start (and stop) their own throwaway PostgreSQL server and app server; this only installs what they need.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/debian.sh

missing=()
[ -x .venv/bin/python ] || python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3 python3-venv)
if [ "${BC_SKIP_POSTGRES:-}" != 1 ] && ! { command -v initdb && command -v pg_ctl; } >/dev/null 2>&1 \
        && ! compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    missing+=(postgresql)
fi
# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
missing+=($(missing_fonts))
apt_install "${missing[@]}"

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
# The linter and the type checker first (settings in pyproject.toml): either one failing fails the run.
.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
