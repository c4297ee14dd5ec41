"""Fixtures the data-layer tests share."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from data_access.database import make_engine, upgrade
from tests.import_files import deployed


@pytest.fixture(scope="module")
def trust(new_database_url: Callable[[], str]) -> Iterator[Engine]:
    """A trust deployed as a real one starts (benchmarks, sessions, staff list), shared by a module's tests; a
    module whose tests change it defines its own `trust` per test."""
    engine = make_engine(new_database_url())
    upgrade(engine)
    yield deployed(engine)
    engine.dispose()
