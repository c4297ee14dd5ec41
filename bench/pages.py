"""Every page's whole script run under AppTest, cold and warm, beside a bare page drawing the same elements.

Cold means every cached read is forgotten, and every chart and table made from them (ui.cache.forget_reads), as
after a change of filters; the settings and the database handle stay, as they do for the life of a server process.
Warm is the same page run again."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io
from streamlit.testing.v1 import AppTest

from bench.timing import Timing, repeated, seconds
from data_access.config import PROJECT_ROOT
from tests.support.app_runs import as_on_a_server, compiled_once
from ui.cache import forget_reads
from ui.errors import FAILED

DASHBOARD = str(PROJECT_ROOT / "dashboard.py")
TIMEOUT = 600
# (page script, URL query parameters): every page and every explorer view, as the OD team (who sees them all).
PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "Overview": ("pages/overview.py", {}),
    "Theme explorer: themes": ("pages/explorer.py", {"view": "Themes"}),
    "Theme explorer: reach": ("pages/explorer.py", {"view": "Reach"}),
    "Theme explorer: feedback": ("pages/explorer.py", {"view": "Feedback"}),  # every item: the view as it opens
    "Theme explorer: feedback search": ("pages/explorer.py", {"view": "Feedback", "q": "(rota OR shift) NOT night"}),
    "Session brief": ("pages/brief.py", {}),
    "Actions": ("pages/actions.py", {}),
    "Import data": ("pages/import.py", {}),
}


@dataclass(frozen=True)
class PageResult:
    name: str
    cold: Timing
    warm: Timing
    floor: Timing
    charts: int
    tables: int

    @property
    def floor_ratio(self) -> float:
        """Warm page time over the bare floor's: what the page costs beyond drawing its elements."""
        return self.warm.median / self.floor.median


class PageFailed(RuntimeError):
    """The page showed an exception, so its timing would mean nothing."""


def measure_page(name: str, repeat: int) -> PageResult:
    script, params = PAGES[name]
    with as_on_a_server():
        at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)
        at.query_params.update(params)
        at.run()
        at.switch_page(script).run()  # first run of this page: its imports, not part of either timing
        check_page(name, at)
        cold, warm = [], []
        for _ in range(repeat):
            forget_reads()
            cold.append(seconds(at.run))
            warm.append(seconds(at.run))
        check_page(name, at)
    figures, frames = _content(at)
    return PageResult(name, Timing.of(cold), Timing.of(warm), floor(figures, frames, repeat), len(figures), len(frames))


def floor(figures: list[go.Figure], frames: list[pd.DataFrame], repeat: int) -> Timing:
    """The bare page: the same charts and tables, already computed, drawn with nothing else."""
    at = AppTest.from_function(bare_page, default_timeout=TIMEOUT, kwargs={"figures": figures, "frames": frames})
    with compiled_once():
        at.run()
        return repeated(at.run, repeat)


def bare_page(figures: list, frames: list) -> None:
    """Runs as a Streamlit script: so it imports what it uses."""
    import streamlit as st

    st.title("Floor")
    for number, figure in enumerate(figures):
        st.plotly_chart(figure, theme=None, key=f"chart_{number}")
    for frame in frames:
        st.dataframe(frame, hide_index=True)


def _content(at: AppTest) -> tuple[list[go.Figure], list[pd.DataFrame]]:
    figures = [plotly.io.from_json(chart.proto.spec) for chart in at.get("plotly_chart")]
    frames = [table.value for table in [*at.dataframe, *at.table]]
    return figures, frames


def check_page(name: str, at: AppTest) -> None:
    """Refuse to time a page that failed (an exception, the app's own failure message, or no title) or that ran
    without dashboard.py's sidebar filters."""
    if at.exception:
        raise PageFailed(f"{name}: {at.exception[0].value}")
    failed = [error.value for error in at.error if error.value.startswith(FAILED)]
    if failed:  # the traceback is in the log (standard error)
        raise PageFailed(f"{name}: {failed[0]}")
    if not at.title:
        raise PageFailed(f"{name}: the page drew no title")
    if not at.sidebar.multiselect:
        raise PageFailed(f"{name}: the page ran without dashboard.py's sidebar filters")
