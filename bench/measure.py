"""One tier on one backend, measured in a process of its own so that its peak memory is its own.

Run by `python -m bench` as `python -m bench.measure SETTINGS_JSON OUT_JSON`; the database is named by
DATABASE_URL in the environment, as it is for the app."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from bench.imports import measure_import
from bench.pages import PAGES, measure_page
from bench.queries import measure_queries
from bench.timing import peak_rss_mb
from data_access.config import load_settings
from data_access.database import make_engine

IMPORT_RUNS = 3  # at most: each is a 100,000-row transaction and its removal


def measure(repeat: int, import_rows: int) -> dict:
    """Pages, then queries, then the import (which needs the most memory, so its peak is reported apart)."""
    settings = load_settings()
    pages = [measure_page(name, repeat) for name in PAGES]
    engine = make_engine(settings.database_url)
    try:
        queries = measure_queries(engine, settings.today, settings.suppression_threshold, repeat)
        rss_pages = peak_rss_mb()
        imported = measure_import(engine, import_rows, min(repeat, IMPORT_RUNS)) if import_rows else None
    finally:
        engine.dispose()
    return {
        "pages": [{**asdict(page), "floor_ratio": page.floor_ratio} for page in pages],
        "queries": {name: asdict(timing) for name, timing in queries.items()},
        "import": {**asdict(imported), "rows_per_second": imported.rows_per_second} if imported else None,
        "peak_rss_mb": {"pages_and_queries": rss_pages, "with_import": peak_rss_mb()},
    }


def main(argv: list[str]) -> None:
    settings_json, out = argv
    options = json.loads(settings_json)
    Path(out).write_text(json.dumps(measure(options["repeat"], options["import_rows"])))


if __name__ == "__main__":
    main(sys.argv[1:])
