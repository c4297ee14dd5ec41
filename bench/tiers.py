"""The benchmark's databases: each tier's files generated once, then loaded into SQLite and PostgreSQL.

Tiers are built by the same path as the shipped sample (sample_data.generator → writer → sample_data.seed), and kept
under var/bench/ so that later runs reuse them; a database only gets its final name once its load has finished."""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from data_access.config import PROJECT_ROOT, SAMPLE_SECRET
from data_access.database import make_engine, upgrade
from data_access.queries_admin import row_counts
from sample_data.generator import generate
from sample_data.seed import seed_folder
from sample_data.writer import write_files
from tests.support.postgres_server import PostgresServer

BENCH_DIR = PROJECT_ROOT / "var" / "bench"
TIERS = ("trust", "large", "regional")
BACKENDS = ("sqlite", "postgresql")
SEED = 2022


@dataclass
class Load:
    """How a tier's database came to be: loaded in this run (with its time) or reused from an earlier one."""
    tier: str
    backend: str
    url: str
    seconds: float | None
    rows: dict[str, int]

    @property
    def attendance_rows_per_second(self) -> float | None:
        return self.rows["attendance"] / self.seconds if self.seconds else None


def tier_files(tier: str, folder: Path = BENCH_DIR) -> Path:
    """The tier's generated files (made once; a half-written folder is never used)."""
    done = folder / "files" / tier
    if not done.is_dir():
        partial = folder / "files" / f"{tier}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        write_files(generate(tier, SEED), partial)
        partial.rename(done)
    return done


def load_sqlite(tier: str, fresh: bool, folder: Path = BENCH_DIR) -> Load:
    path = folder / f"{tier}.sqlite"
    if fresh:
        path.unlink(missing_ok=True)
    if path.exists():
        return _reused(tier, "sqlite", f"sqlite:///{path}", folder)
    partial = folder / f"{tier}.partial.sqlite"
    partial.unlink(missing_ok=True)
    seconds = _seed(f"sqlite:///{partial}", tier_files(tier, folder))
    partial.rename(path)
    return _loaded(tier, "sqlite", f"sqlite:///{path}", seconds, folder)


def load_postgres(tier: str, fresh: bool, server: PostgresServer, folder: Path = BENCH_DIR) -> Load:
    name = f"bench_{tier}"
    if fresh:
        server.drop_database(name)
    if server.has_database(name):
        return _reused(tier, "postgresql", server.url(name), folder)
    server.drop_database(f"{name}_partial")
    seconds = _seed(server.create_database(f"{name}_partial"), tier_files(tier, folder))
    server.rename_database(f"{name}_partial", name)
    return _loaded(tier, "postgresql", server.url(name), seconds, folder)


def _seed(url: str, files: Path) -> float:
    """Migrate and load the files; returns the seconds the load took."""
    engine = make_engine(url)
    try:
        started = time.perf_counter()
        upgrade(engine)
        seed_folder(engine, files, SAMPLE_SECRET)
        return time.perf_counter() - started
    finally:
        engine.dispose()


def _loaded(tier: str, backend: str, url: str, seconds: float, folder: Path) -> Load:
    load = Load(tier, backend, url, seconds, _counts(url))
    _record_path(tier, backend, folder).write_text(json.dumps(asdict(load)))
    return load


def _reused(tier: str, backend: str, url: str, folder: Path) -> Load:
    """A database from an earlier run, migrated to this code's schema, with the load time recorded then (the URL
    may have a new port)."""
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    record = _record_path(tier, backend, folder)
    seconds = json.loads(record.read_text())["seconds"] if record.exists() else None
    return Load(tier, backend, url, seconds, _counts(url))


def _record_path(tier: str, backend: str, folder: Path) -> Path:
    return folder / f"{tier}.{backend}.load.json"


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        return row_counts(engine)
    finally:
        engine.dispose()
