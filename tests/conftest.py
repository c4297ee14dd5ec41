"""Shared fixtures: a throwaway PostgreSQL server, fresh databases on both backends, a seeded database.

Every fixture that takes `backend` runs once on SQLite and once on PostgreSQL. PostgreSQL runs on a
private server started here (initdb + pg_ctl on a free port), so plain `pytest` works with nothing set up
beyond the binaries. BC_SKIP_POSTGRES=1 skips the PostgreSQL runs; without it, missing binaries fail them.
"""
from __future__ import annotations

import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from data_access.database import make_engine, upgrade
from tests.helpers import free_port, seed_sample

BACKENDS = ("sqlite", "postgresql")
POSTGRES_USER = "postgres"  # the server's OS user when tests run as root, and its superuser role


def postgres_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl: from PATH, else the newest /usr/lib/postgresql/*/bin."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(pg_ctl).resolve().parent
    installed = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl") if (p.parent / "initdb").exists()]
    version = lambda folder: tuple(int(part) for part in folder.parent.name.split(".") if part.isdigit())  # noqa: E731
    return max(installed, key=version, default=None)


@dataclass
class PostgresServer:
    """A private PostgreSQL cluster in a temporary folder, trusted logins on 127.0.0.1 only."""
    bin_dir: Path
    # Under /tmp when root: the server's own user must be able to reach the folder.
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(
        prefix="bc-postgres-", dir="/tmp" if os.geteuid() == 0 else None)))
    port: int = field(default_factory=free_port)
    run_as: str | None = None  # PostgreSQL refuses to run as root, so root runs it as POSTGRES_USER

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{POSTGRES_USER}@127.0.0.1:{self.port}/{database}"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command] if shutil.which("runuser") else \
                ["su", self.run_as, "-s", "/bin/sh", "-c", shlex.join(command)]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{shlex.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{tail}")

    def start(self) -> None:
        if os.geteuid() == 0:
            self.run_as = _ensure_system_user(POSTGRES_USER)
            shutil.chown(self.folder, user=self.run_as)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", POSTGRES_USER, "--no-locale", "-E", "UTF8")
        options = (f"-k {self.folder} -c listen_addresses=127.0.0.1 -p {self.port} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "start")
        self._admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")

    def create_database(self) -> str:
        """A new empty database on this server; returns its URL."""
        name = f"test_{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.url(name)

    def stop(self) -> None:
        if hasattr(self, "_admin"):
            self._admin.dispose()
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def _ensure_system_user(name: str) -> str:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
    return name


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
