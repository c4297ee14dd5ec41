"""The privacy suite's databases: the shipped sample (tests/conftest.py) and a trust with many small groups."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from data_access.database import make_engine
from tests.privacy.small_groups import load_small_groups


@pytest.fixture(scope="session")
def small_groups_engine(new_database_url: Callable[[], str]) -> Iterator[Engine]:
    """A trust with many groups of 1 to 9 people, shared by the whole run: never write to it."""
    engine = load_small_groups(make_engine(new_database_url()))
    yield engine
    engine.dispose()
