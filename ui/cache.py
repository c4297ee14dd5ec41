"""How reads are cached: each data_access query on its arguments and the data version, and every chart, summary or
table derived from a read on that read's key. A write from any process raises the data version, so the next page
run reads afresh (docs/architecture.md); nothing goes stale with time."""
from __future__ import annotations

import functools
import pickle
import weakref
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import streamlit as st
from sqlalchemy import Engine

from data_access.data_version import data_version
from data_access.filters import Filters
from ui.context import engine

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
VERSION = "data_version"  # where a page run keeps the version it read
# The key of each frame handed out by a cached read, by the frame's id, for as long as the frame lives; with the
# frame's shape, so a frame changed in place after it was handed out is not mistaken for the one read.
_PROVENANCE: dict[int, tuple[tuple, tuple[int, int]]] = {}


def filters_key(filters: Filters) -> bytes:
    """The cache's key for a set of filters: its pickle, a faithful copy of every field, and far quicker than
    Streamlit's own walk over the dataclass (docs/performance.md)."""
    return pickle.dumps(filters, protocol=pickle.HIGHEST_PROTOCOL)


def note_data_version() -> int:
    """Read the data version for this page run (once, at its start, and again after this session writes)."""
    st.session_state[VERSION] = version = data_version(engine())
    return version


def current_version() -> int:
    """The version this page run read; a run that did not start in dashboard.py reads it now."""
    return st.session_state[VERSION] if VERSION in st.session_state else note_data_version()


class CachedRead(Generic[P, R]):
    """A data_access read query called without its database handle, cached on its arguments and the data version.
    Each caller gets its own copy of the result (unshared)."""

    def __init__(self, query: Callable[Concatenate[Engine, P], R]) -> None:
        self.query = query
        self.name = f"{query.__module__}.{query.__qualname__}"
        functools.update_wrapper(self, query)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (self.name, args, tuple(sorted(kwargs.items())), current_version())
        return handed_out(_read(key, self.query, args, kwargs), key)

    def on_demand(self, *args: P.args, **kwargs: P.kwargs) -> Callable[[], R]:
        """The query to run when called, uncached: what a download builds its file from on a click, when the whole
        result is too large to hold in the cache for every run of the page."""
        return functools.partial(self.query, engine(), *args, **kwargs)


# Resources, not data: st.cache_data would unpickle every frame on every read (a third of a page's cached reads).
@st.cache_resource(show_spinner=False, max_entries=500, hash_funcs={Filters: filters_key})
def _read(key: tuple, _query: Callable, _args: tuple, _kwargs: dict) -> Any:
    return _query(engine(), *_args, **_kwargs)


def cached_composite(name: str, gather: Callable[P, R]) -> Callable[P, R]:
    """A value gathered from several cached reads (a session's brief), held whole: one cache read on a rerun."""
    @functools.wraps(gather)
    def held(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (name, args, tuple(sorted(kwargs.items())), current_version())
        return handed_out(_read(key, lambda _engine, *a, **k: gather(*a, **k), args, kwargs), key)
    return held


def derived(function: Callable[..., T], *args: Any) -> T:
    """A pure function of cached reads (a summary, a table for display), computed once for the same reads; made
    afresh, uncached, from a frame that did not come straight from a read."""
    key = _key(_name(function), args)
    return function(*args) if key is None else handed_out(_computed(key, function, args), key)


def figure(builder: Callable[..., go.Figure], *args: Any) -> go.Figure:
    """A chart built once for the same reads, held as sent: Plotly takes longer to build a figure than Streamlit
    to draw it."""
    key = _key(f"figure {_name(builder)}", args)
    return as_sent(builder, *args) if key is None else _computed(key, functools.partial(as_sent, builder), args)


def as_sent(builder: Callable[..., go.Figure], *args: Any) -> go.Figure:
    """The builder's figure remade from its own JSON, which is what the browser gets: the same chart, but held as
    plain lists and typed arrays rather than pandas, numpy and datetime values, which Streamlit converts on every
    run in a third of the time (docs/performance.md)."""
    return plotly.io.from_json(builder(*args).to_json())


@st.cache_resource(show_spinner=False, max_entries=300, hash_funcs={Filters: filters_key})
def _computed(key: tuple, _function: Callable[..., T], _args: tuple) -> T:
    """A resource, not data: a pickled figure would be validated again on every read, and a table unpickled."""
    return _function(*_args)


def _name(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def _key(name: str, args: tuple) -> tuple | None:
    """What identifies a derived result: its function, each frame by the read it came from and the rest as they
    are; None when a frame did not come straight from a read (or was changed in place since), so is not known."""
    key: list[Any] = [name]
    for value in args:
        if isinstance(value, pd.DataFrame):
            known = _PROVENANCE.get(id(value))
            if known is None or known[1] != value.shape:
                return None
            key.append(known[0])
        else:
            key.append(value)
    return tuple(key)


def handed_out(value: T, key: tuple, path: tuple = ()) -> T:
    """A copy of a cached value that its caller may change without changing the cache; each frame in it remembers
    the key it was read under (and where in the value it sits).

    Frames copy on write (pandas 3): a shallow copy shares the data until either side changes, so a new column,
    a changed value or a renamed index on the copy never reaches the cached frame. Containers are copied down to
    their frames; what is left (numbers, text, dates) cannot be changed in place."""
    if isinstance(value, pd.DataFrame):
        copy = value.copy(deep=False)
        _PROVENANCE[id(copy)] = ((*key, *path), copy.shape)
        weakref.finalize(copy, _PROVENANCE.pop, id(copy), None)
        return copy
    if isinstance(value, pd.Series):
        return value.copy(deep=False)
    if isinstance(value, dict | list | tuple):
        return cast(T, _copied_container(value, key, path))
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{field.name: handed_out(getattr(value, field.name), key, (*path, field.name))
                                 for field in fields(value) if field.init})
    return value


def _copied_container(value: dict | list | tuple, key: tuple, path: tuple) -> dict | list | tuple:
    """The same kind of container (a named tuple too) holding a handed-out copy of each item."""
    if isinstance(value, dict):
        return {name: handed_out(item, key, (*path, name)) for name, item in value.items()}
    copied = [handed_out(item, key, (*path, number)) for number, item in enumerate(value)]
    if isinstance(value, list):
        return copied
    return value._make(copied) if hasattr(value, "_make") else tuple(copied)


def data_changed() -> None:
    """After this session wrote: read the new data version, so the rest of this run and every later one read afresh.
    (Other sessions and processes see it at their next run's start.)"""
    note_data_version()


def forget_reads() -> None:
    """Every cached read and everything made from them forgotten, as on a cold start; the settings and the database
    handle stay. The benchmark's cold runs."""
    _read.clear()
    _computed.clear()
    st.cache_data.clear()
