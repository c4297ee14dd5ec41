"""The app's database handle and cached reads; the database is created and seeded on first start."""
from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st
from sqlalchemy import Engine

from data_access.config import Settings, load_settings
from data_access.database import is_empty, shared_engine, upgrade
from data_access.query_modules import QUERY_MODULES
from data_access.seed import SAMPLE_FOLDER, seed_folder


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


@st.cache_data(ttl=600, show_spinner=False, max_entries=500)
def query(module: str, name: str, *args):
    """Run a data_access read query, cached on its plain arguments."""
    return getattr(QUERY_MODULES[module], name)(engine(), *args)


def figure(builder: Callable[..., go.Figure], *args) -> go.Figure:
    """A chart built once for the same data: Plotly takes longer to build a figure than Streamlit to draw it."""
    return _built(f"{builder.__module__}.{builder.__qualname__}", builder, *args)


@st.cache_resource(ttl=600, show_spinner=False, max_entries=100)
def _built(name: str, _builder: Callable[..., go.Figure], *args) -> go.Figure:
    """Keyed on the builder's name (a function cannot be hashed) and its data. A resource, not data: a pickled
    figure would be validated again on every read; callers only read it."""
    return _builder(*args)
