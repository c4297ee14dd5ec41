"""A smoke run of the benchmark (trust tier, one repetition, a small import) so that it cannot rot.

Not a timed test: it checks that every page, query and the import were measured, not how fast they were."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest, app_test

from bench.pages import DASHBOARD, PAGES, PageFailed, check_page
from bench.queries import public_queries
from data_access.config import PROJECT_ROOT
from tests.support.app_runs import as_on_a_server

IMPORT_ROWS = 300


@pytest.fixture(scope="module")
def smoke() -> Iterator[tuple[dict, str]]:
    # Not under pytest's own temporary folder: PostgreSQL, run as its own user when root, must reach the cluster.
    with tempfile.TemporaryDirectory(prefix="bc-bench-", dir="/tmp") as scratch:
        os.chmod(scratch, 0o755)
        yield run_smoke(Path(scratch))


def run_smoke(folder: Path) -> tuple[dict, str]:
    backends = ["sqlite"] if os.environ.get("BC_SKIP_POSTGRES") == "1" else ["sqlite", "postgresql"]
    done = subprocess.run([sys.executable, "-m", "bench", "--tiers", "trust", "--backends", *backends,
                           "--repeat", "1", "--import-rows", str(IMPORT_ROWS), "--folder", str(folder),
                           "--out", str(folder / "results.json")],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=280, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(Path(folder / "results.json").read_text()), done.stdout


pytestmark = pytest.mark.timeout(300)


def test_every_backend_is_measured_on_the_loaded_tier(smoke: tuple[dict, str]) -> None:
    results, _ = smoke
    expected = ["sqlite"] if os.environ.get("BC_SKIP_POSTGRES") == "1" else ["sqlite", "postgresql"]
    assert [(run["tier"], run["backend"]) for run in results["runs"]] == [("trust", b) for b in expected]
    for run in results["runs"]:
        assert run["load"]["rows"]["attendance"] > 1000 and run["load"]["rows"]["feedback"] > 500
        assert run["load"]["seconds"] > 0
    assert int(results["machine"]["cores"]) >= 1 and results["repeat"] == 1


def test_every_page_has_cold_warm_and_floor_timings(smoke: tuple[dict, str]) -> None:
    results, _ = smoke
    for run in results["runs"]:
        assert [page["name"] for page in run["pages"]] == list(PAGES)
        for page in run["pages"]:
            assert min(page[kind]["median"] for kind in ("cold", "warm", "floor")) > 0
            assert page["cold"]["runs"] == page["warm"]["runs"] == 1
            assert page["floor_ratio"] == pytest.approx(page["warm"]["median"] / page["floor"]["median"])
        overview = run["pages"][0]
        assert overview["charts"] >= 1 and overview["tables"] >= 1


def test_every_query_function_is_measured(smoke: tuple[dict, str]) -> None:
    results, _ = smoke
    assert len(public_queries()) > 30
    for run in results["runs"]:
        assert set(run["queries"]) == public_queries()
        assert all(timing["median"] > 0 for timing in run["queries"].values())


def test_the_import_lands_every_row_and_memory_is_reported(smoke: tuple[dict, str]) -> None:
    results, _ = smoke
    for run in results["runs"]:
        assert run["import"]["rows"] == IMPORT_ROWS and run["import"]["rows_per_second"] > 0
        assert run["import"]["runs"] == 1 and run["import"]["first_seconds"] == run["import"]["seconds"]
        rss = run["peak_rss_mb"]
        assert 50 < rss["pages_and_queries"] <= rss["with_import"]


def test_the_markdown_report_lists_every_page_and_marks_targets(smoke: tuple[dict, str]) -> None:
    _, printed = smoke
    assert "## Pages: trust tier, sqlite" in printed
    for name in PAGES:
        assert f"| {name} | " in printed
    assert "| actions.register |" in printed and ("✓" in printed or "✗" in printed)
    assert f"({IMPORT_ROWS} rows, median of 1; first " in printed


def _failing_page() -> None:
    import streamlit as st

    from ui.errors import run_safely

    st.title("A page that fails")
    run_safely(lambda: 1 / 0)


def test_a_page_that_fails_is_not_timed() -> None:
    at = AppTest.from_function(_failing_page).run()
    with pytest.raises(PageFailed, match="could not be shown"):
        check_page("failing", at)


def test_pages_are_timed_as_a_server_runs_them(sample_sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"DATABASE_URL": sample_sqlite_url, "BC_ROLE": "od_team", "BC_AS_OF": "2026-11-23"}.items():
        monkeypatch.setenv(name, value)
    st.cache_data.clear()
    st.cache_resource.clear()
    alone = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    alone.switch_page("pages/import.py").run()
    # Plain AppTest runs a page in pages/ on its own, without the sidebar every page has in the browser.
    assert alone.title[0].value == "Import data" and not alone.sidebar.multiselect
    with pytest.raises(PageFailed, match=r"without dashboard\.py's sidebar filters"):
        check_page("Import data", alone)
    with as_on_a_server():
        at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
        at.switch_page("pages/import.py").run()
        compiled = app_test.ScriptCache()
    # Each script compiled once and kept, as on a server, not again on every run; plain AppTest again after.
    assert compiled is not app_test.ScriptCache()
    assert {Path(path).name for path in compiled._cache} == {"dashboard.py", "overview.py", "import.py"}
    assert at.title[0].value == "Import data"
    assert [box.label for box in at.sidebar.multiselect] == ["Series", "People Promise element"]
    assert at.sidebar.caption[-1].value == "Signed in as: OD team"
    check_page("Import data", at)
