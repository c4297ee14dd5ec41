"""python -m bench: build the tiers' databases, measure each in a process of its own, print and keep the results.

    python -m bench                                   # every tier on SQLite and PostgreSQL
    python -m bench --tiers regional --backends sqlite --repeat 10
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from bench.report import machine, markdown
from bench.tiers import BACKENDS, BENCH_DIR, TIERS, Load, load_postgres, load_sqlite
from data_access.config import PROJECT_ROOT
from tests.support.postgres_server import PostgresServer, postgres_bin_dir

RESULTS_DIR = PROJECT_ROOT / "bench" / "results"
AS_OF = "2026-11-23"  # "today" for every run, so overdue actions and upcoming sessions are the same each time


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--tiers", nargs="+", choices=TIERS, default=list(TIERS))
    parser.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS))
    parser.add_argument("--repeat", type=int, default=5, help="runs per page and per query (default 5)")
    parser.add_argument("--import-rows", type=int, default=100_000,
                        help="participants in the timed Teams import (default 100,000; 0 skips it)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the tiers' databases instead of reusing them")
    parser.add_argument("--folder", type=Path, default=BENCH_DIR,
                        help=f"where databases are kept (default {BENCH_DIR})")
    parser.add_argument("--out", type=Path, help="the JSON results file (default bench/results/<time>.json)")
    options = parser.parse_args(argv)
    if options.repeat < 1 or options.import_rows < 0:
        parser.error("--repeat must be 1 or more and --import-rows 0 or more")
    return options


def run(options: argparse.Namespace) -> dict:
    """Every chosen tier on every chosen backend: load (or reuse) its database, then measure it."""
    options.folder.mkdir(parents=True, exist_ok=True)
    runs = []
    with postgres(options.folder, "postgresql" in options.backends) as server:
        for tier in options.tiers:
            for backend in options.backends:
                if backend == "sqlite":
                    load = load_sqlite(tier, options.fresh, options.folder)
                else:
                    assert server is not None  # started above, as postgresql is among the backends
                    load = load_postgres(tier, options.fresh, server, options.folder)
                print(f"measuring {tier} on {backend} …", file=sys.stderr, flush=True)
                runs.append({"tier": tier, "backend": backend, "load": asdict(load),
                             **measure_apart(load, options.repeat, options.import_rows)})
    return {"started": datetime.now().isoformat(timespec="seconds"), "as_of": AS_OF,
            "repeat": options.repeat, "machine": machine(), "runs": runs}


@contextmanager
def postgres(folder: Path, wanted: bool) -> Iterator[PostgresServer | None]:
    """The benchmark's own PostgreSQL server, its cluster kept under the folder between runs."""
    if not wanted:
        yield None
        return
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed: install Debian's postgresql, or pass --backends sqlite")
    server = PostgresServer(bin_dir, folder=folder / "postgres", keep=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def measure_apart(load: Load, repeat: int, import_rows: int) -> dict:
    """bench.measure in a child process with the app's environment pointed at this database."""
    env = {**os.environ, "DATABASE_URL": load.url, "BC_AS_OF": AS_OF, "BC_ROLE": "od_team",
           "STREAMLIT_LOGGER_LEVEL": "error", "PYTHONPATH": str(PROJECT_ROOT)}
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "result.json"
        settings = json.dumps({"repeat": repeat, "import_rows": import_rows})
        done = subprocess.run([sys.executable, "-m", "bench.measure", settings, str(out)], env=env, cwd=PROJECT_ROOT,
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:  # Streamlit's bare-mode warnings are noise unless the measurement failed
            raise SystemExit(f"measuring {load.tier} on {load.backend} failed:\n{done.stderr[-6000:]}")
        return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> None:
    options = parse(sys.argv[1:] if argv is None else argv)
    results = run(options)
    out = options.out or RESULTS_DIR / f"{datetime.now():%Y-%m-%dT%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(markdown(results))
    print(f"\nResults written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
