"""The benchmark's results as Markdown tables, each number beside the target it is held to."""
from __future__ import annotations

import os
import platform
import sqlite3
from pathlib import Path

import streamlit

# The targets (2-core machine, regional tier, SQLite); shown for every tier and backend.
COLD_SECONDS, WARM_SECONDS, FLOOR_RATIO, IMPORT_ROWS_PER_SECOND, PEAK_RSS_MB = 1.0, 0.3, 2.0, 20_000, 1024


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    return {"cpu": _cpu_model(), "cores": str(os.cpu_count()), "memory": _memory(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "streamlit": streamlit.__version__, "system": platform.platform()}


def markdown(results: dict) -> str:
    parts = ["## Machine", "", _table(["", ""], list(results["machine"].items())), "",
             "## Summary", "", _summary(results["runs"]), ""]
    for run in results["runs"]:
        parts += [f"## Pages: {run['tier']} tier, {run['backend']}", "", _pages(run["pages"]), ""]
    parts += ["## Queries (median seconds)", "", _queries(results["runs"]), ""]
    return "\n".join(parts)


def _summary(runs: list[dict]) -> str:
    rows = []
    for run in runs:
        imported = run["import"]
        rate = f"{imported['rows_per_second']:,.0f} {_mark(imported['rows_per_second'] >= IMPORT_ROWS_PER_SECOND)}" \
            if imported else "not run"
        rss = run["peak_rss_mb"]
        rows.append([run["tier"], run["backend"], _rows(run["load"]["rows"]), _seconds(run["load"]["seconds"]),
                     f"{rate} ({imported['rows']:,} rows, median of {imported['runs']}; first "
                     f"{imported['rows'] / imported['first_seconds']:,.0f})" if imported else rate,
                     f"{rss['pages_and_queries']:,.0f} {_mark(rss['pages_and_queries'] <= PEAK_RSS_MB)}",
                     f"{rss['with_import']:,.0f}"])
    return _table(["tier", "backend", "attendance / feedback rows", "load (s)",
                   f"import rows/s (≥ {IMPORT_ROWS_PER_SECOND:,})", f"peak RSS, pages (MB, ≤ {PEAK_RSS_MB:,})",
                   "peak RSS with import (MB)"], rows)


def _pages(pages: list[dict]) -> str:
    rows = [[page["name"], f"{page['cold']['median']:.3f} {_mark(page['cold']['median'] <= COLD_SECONDS)}",
             f"{page['cold']['p95']:.3f}",
             f"{page['warm']['median']:.3f} {_mark(page['warm']['median'] <= WARM_SECONDS)}",
             f"{page['warm']['p95']:.3f}", f"{page['floor']['median']:.3f}",
             f"{page['floor_ratio']:.1f}× {_mark(page['floor_ratio'] <= FLOOR_RATIO)}",
             f"{page['charts']} / {page['tables']}"] for page in pages]
    return _table(["page", f"cold median (≤ {COLD_SECONDS})", "cold p95", f"warm median (≤ {WARM_SECONDS})",
                   "warm p95", "floor median", f"warm ÷ floor (≤ {FLOOR_RATIO:g}×)", "charts / tables"], rows)


def _queries(runs: list[dict]) -> str:
    names = sorted({name for run in runs for name in run["queries"]})
    rows = [[name, *(f"{run['queries'][name]['median']:.4f}" if name in run["queries"] else "" for run in runs)]
            for name in names]
    return _table(["query", *(f"{run['tier']} {run['backend']}" for run in runs)], rows)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows])


def _mark(met: bool) -> str:
    return "✓" if met else "✗"


def _seconds(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else "not recorded"


def _rows(counts: dict[str, int]) -> str:
    return f"{counts.get('attendance', 0):,} / {counts.get('feedback', 0):,}"


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory() -> str:
    pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    return f"{pages * size / 2**30:.1f} GiB"
