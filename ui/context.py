"""The app's settings and its database handle; the database is created and seeded on first start.
The cached reads are in ui.cached."""
from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from data_access.config import SAMPLE_FOLDER, Settings, load_settings
from data_access.database import is_empty, shared_engine, upgrade
from sample_data.seed import seed_folder


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return load_settings()


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
