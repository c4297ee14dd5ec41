"""The app's database handle and cached reads; the database is created and seeded on first start."""
from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from datetime import date
from functools import partial
from typing import Any, TypeVar

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import streamlit as st
from sqlalchemy import Engine

from data_access.config import Settings, load_settings
from data_access.database import is_empty, shared_engine, upgrade
from data_access.filters import Filters
from data_access.query_modules import QUERY_MODULES
from sample_data.seed import SAMPLE_FOLDER, seed_folder
from reports.brief import Brief, collect_brief
from ui.digest import frame_digest

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return load_settings()


def current_user() -> str:
    """Who is making a change, for audit trails: the signed-in user when st.login is configured, else BC_USER."""
    if st.user.get("is_logged_in"):
        return str(st.user.get("email") or st.user.get("name"))
    return settings().user_name


@st.cache_resource(show_spinner="Preparing the database…")
def ready_database(url: str) -> str:
    """Migrate the database once per process; an empty embedded default database gets the sample data."""
    engine = shared_engine(url)
    upgrade(engine)
    if settings().seeds_sample_data and is_empty(engine):
        seed_folder(engine, SAMPLE_FOLDER, settings().person_key_secret)
    return url


def engine() -> Engine:
    """The database, for the few pages that write (imports, the action register)."""
    return shared_engine(ready_database(settings().database_url))


def filters_key(filters: Filters) -> bytes:
    """The query cache's key for a set of filters: its pickle, a faithful copy of every field, in microseconds
    where Streamlit's own walk over the dataclass took half a millisecond, on every read of every query."""
    return pickle.dumps(filters, protocol=pickle.HIGHEST_PROTOCOL)


def query(module: str, name: str, *args):
    """Run a data_access read query, cached on its plain arguments; the caller gets its own copy (unshared)."""
    return unshared(_query(module, name, *args))


# Resources, not data: st.cache_data would unpickle every frame on every read (a third of a page's cached reads).
@st.cache_resource(ttl=600, show_spinner=False, max_entries=500, hash_funcs={Filters: filters_key})
def _query(module: str, name: str, *args):
    return getattr(QUERY_MODULES[module], name)(engine(), *args)


def on_demand(module: str, name: str, *args) -> Callable[[], Any]:
    """A read query to run when called, uncached: what a download button builds its file from on a click, when the
    whole result is too large to hold in the cache for every run of the page."""
    return partial(getattr(QUERY_MODULES[module], name), engine(), *args)


def gathered_brief(session_id: int, today: date, threshold: int) -> Brief | None:
    """A session's brief, gathered from the cached queries: one cache read on a rerun of its page, not ten."""
    return unshared(_gathered_brief(session_id, today, threshold))


@st.cache_resource(ttl=600, show_spinner=False, max_entries=100)
def _gathered_brief(session_id: int, today: date, threshold: int) -> Brief | None:
    return collect_brief(query, session_id, today, threshold)


def unshared(value: T) -> T:
    """A copy of a cached value that its caller may change without changing the cache, made in microseconds.

    Frames copy on write (pandas 3): a shallow copy shares the data until either side changes, so a new column,
    a changed value or a renamed index on the copy never reaches the cached frame. Containers are copied down to
    their frames; what is left (numbers, text, dates) cannot be changed in place."""
    if isinstance(value, pd.DataFrame | pd.Series):
        return value.copy(deep=False)
    if isinstance(value, dict):
        return {key: unshared(item) for key, item in value.items()}
    if isinstance(value, list):
        return [unshared(item) for item in value]
    if isinstance(value, tuple):
        copied = (unshared(item) for item in value)
        return type(value)._make(copied) if hasattr(value, "_fields") else tuple(copied)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{field.name: unshared(getattr(value, field.name)) for field in fields(value)
                                 if field.init})
    return value


def data_changed() -> None:
    """After a write: every cached read is stale: the queries, the briefs gathered from them and the filters'
    choices. (Charts and derived tables need no clearing: they are keyed on the data they were made from.)"""
    _query.clear()
    _gathered_brief.clear()
    st.cache_data.clear()


def forget_reads() -> None:
    """Every cached read and everything made from them forgotten, as after a change of filters that every query
    and chart must answer afresh; the settings and the database handle stay. The benchmark's cold runs."""
    data_changed()
    _computed.clear()


def figure(builder: Callable[..., go.Figure], *args) -> go.Figure:
    """A chart built once for the same data, held as sent: Plotly takes longer to build a figure than Streamlit to
    draw it."""
    return _computed(_name(builder), partial(as_sent, builder), *args)


def as_sent(builder: Callable[..., go.Figure], *args) -> go.Figure:
    """The builder's figure remade from its own JSON, which is what the browser gets: the same chart, but held as
    plain lists and typed arrays rather than pandas, numpy and datetime values, so that Streamlit's conversion of it
    on every run (to a dict, then JSON) takes a third of the time (the Overview's trend chart: 13 ms to 4 ms)."""
    return plotly.io.from_json(builder(*args).to_json())


def derived(function: Callable[..., T], *args) -> T:
    """A pure function of query results (a summary, a table for display), computed once for the same data."""
    return unshared(_computed(_name(function), function, *args))


def _name(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


@st.cache_resource(ttl=600, show_spinner=False, max_entries=300, hash_funcs={pd.DataFrame: frame_digest})
def _computed(name: str, _function: Callable[..., T], *args) -> T:
    """Keyed on the function's name (a function cannot be hashed) and its data. A resource, not data: a pickled
    figure would be validated again on every read, and a table unpickled."""
    return _function(*args)
