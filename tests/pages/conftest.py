"""Page tests run the real app script with AppTest against a seeded SQLite database."""
from __future__ import annotations

import base64
import json
import re
import shutil
from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io
import pytest
import streamlit as st
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from data_access.config import PROJECT_ROOT
from tests.support.app_runs import as_on_a_server

AS_OF = "2026-11-23"


@pytest.fixture
def app(sample_sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., AppTest]]:
    """A factory: app(role=..., database_url=..., user=..., **query_params) runs dashboard.py and returns the AppTest;
    `user` is what the app reads as st.user (AppTest's own default, no sign-in configured, when not given).

    Every run, after a switch_page too, goes through dashboard.py (sidebar filters, navigation, then the page), as
    on a server: plain AppTest would run a page in pages/ on its own, without the sidebar
    (see tests.support.app_runs)."""
    def run(role: str = "od_team", database_url: str | None = None, user: dict | None = None,
            **params: str | list[str]) -> AppTest:
        monkeypatch.setenv("DATABASE_URL", database_url or sample_sqlite_url)
        monkeypatch.setenv("BC_ROLE", role)
        monkeypatch.setenv("BC_AS_OF", AS_OF)
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=60)
        at.query_params.update(params)
        if user is not None:
            at.user = user
        return at.run()
    with as_on_a_server():
        yield run
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def own_copy(sample_sqlite_url: str, tmp_path) -> str:
    """A copy of the seeded sample that this test may change."""
    copy = tmp_path / "copy.db"
    shutil.copy(make_url(sample_sqlite_url).database, copy)
    return f"sqlite:///{copy}"


def figure(at: AppTest, index: int) -> go.Figure:
    """The index-th chart on the page, rebuilt as a Plotly figure (arrays decoded)."""
    return plotly.io.from_json(at.get("plotly_chart")[index].proto.spec)


def array(value: object) -> np.ndarray:
    """A trace's data array, whether Plotly sent it as a list or as a base64 typed buffer."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        return flat.reshape([int(n) for n in str(shape).split(",")]) if shape else flat
    return np.asarray(value, dtype=object)


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    """Metric label → (value, delta) as shown."""
    return {m.label: (m.value, m.delta) for m in at.metric}



def as_read(markdown: str) -> str:
    """Markdown's text as a reader sees it: each escaped punctuation mark as itself."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def as_shown(table) -> pd.DataFrame:
    """A table as the browser shows it: its listed columns, in order, under their headings."""
    order = list(table.proto.column_order) or list(table.value.columns)
    return table.value[order].set_axis(headings(table), axis=1)


def headings(table) -> list[str]:
    """A table's headings as the browser shows them: its listed columns (all when none are), in order, each under
    its label (its column name when it has none)."""
    config = json.loads(table.proto.columns or "{}")
    order = list(table.proto.column_order) or list(table.value.columns)
    return [config.get(column, {}).get("label") or column for column in order]
