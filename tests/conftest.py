"""Shared fixtures: a throwaway PostgreSQL server, fresh databases on both backends, a seeded database.

Every fixture that takes `backend` runs once on SQLite and once on PostgreSQL. PostgreSQL runs on a
private server started here (initdb + pg_ctl on a free port), so plain `pytest` works with nothing set up
beyond the binaries. BC_SKIP_POSTGRES=1 skips the PostgreSQL runs; without it, missing binaries fail them.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from data_access.database import make_engine, upgrade
from tests.helpers import seed_sample
from tests.support.postgres_server import PostgresServer, postgres_bin_dir

BACKENDS = ("sqlite", "postgresql")
TESTS_DIR = Path(__file__).parent
# Tests marked by the folder they live in (the markers are declared in pyproject.toml).
FOLDER_MARKS = {"browser": pytest.mark.browser, "bench": pytest.mark.bench}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test by where it lives and what it uses, so the fast part can run alone:
    scripts/test.sh -m "not browser and not postgres and not bench"."""
    for item in items:
        folder = item.path.relative_to(TESTS_DIR).parts[0] if item.path.is_relative_to(TESTS_DIR) else ""
        if folder in FOLDER_MARKS:
            item.add_marker(FOLDER_MARKS[folder])
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "postgresql" in callspec.id:  # the PostgreSQL run of a `backend` test
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole test run, stopped and deleted at the end."""
    if os.environ.get("BC_SKIP_POSTGRES") == "1":
        pytest.skip("BC_SKIP_POSTGRES=1: PostgreSQL runs skipped")
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.fail("PostgreSQL is not installed (no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin). "
                    "Run scripts/test.sh to install it, or set BC_SKIP_POSTGRES=1 to skip the PostgreSQL runs.",
                    pytrace=False)
    server = PostgresServer(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database under test: every test that uses it runs on SQLite and on PostgreSQL."""
    return request.param


@pytest.fixture(scope="session")
def new_database_url(backend: str, request: pytest.FixtureRequest,
                     tmp_path_factory: pytest.TempPathFactory) -> Callable[[], str]:
    """A factory of fresh, empty databases on the backend under test; each call returns a new URL."""
    if backend == "sqlite":
        return lambda: f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database


@pytest.fixture
def database_url(new_database_url: Callable[[], str]) -> str:
    """URL of a fresh, empty database (no schema) for this test."""
    return new_database_url()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a fresh, empty database (no schema) for this test."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def migrated_engine(engine: Engine) -> Engine:
    """An engine on a fresh database with the schema and taxonomy in place and no data."""
    upgrade(engine)
    return engine


@pytest.fixture(scope="session")
def seeded_engine(new_database_url: Callable[[], str]) -> Iterator[Engine]:
    """A database loaded with the shipped sample files, shared by the whole run: never write to it."""
    engine = seed_sample(make_engine(new_database_url()))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def sample_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file seeded with the sample data, for the app under AppTest or a real server: read it only."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.db'}"
    seed_sample(make_engine(url)).dispose()
    return url
