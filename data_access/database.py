"""Engine creation, migrations and the taxonomy sync: the one place that opens the database."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import make_url

from data_access.models import Metric, MetricAlias, Session
from data_access.starter_lists import give_starter_lists
from domain import taxonomy

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# Write-ahead logging lets pages read while an import writes; a 32 MB page cache per connection (SQLite's
# default is 2 MB) keeps more of an import's index updates in memory: a 100,000-row insert into the large tier
# took 2 to 4 s instead of 7 s.
SQLITE_PRAGMAS = ("foreign_keys=ON", "journal_mode=WAL", f"cache_size=-{32 * 1024}")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL; a SQLite file's folder is created on first use."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def refresh_statistics(engine: Engine, full: bool = False) -> None:
    """Planner statistics after a load. Without them SQLite chose the sub-theme index over the organisation and
    scanned a whole region (10 to 50 times slower); PostgreSQL's autovacuum would get there, but not before the
    first pages run. full: ANALYZE everything (after seeding); else SQLite's own PRAGMA optimize (after an import)."""
    sql = "ANALYZE" if full else ("PRAGMA optimize" if engine.dialect.name == "sqlite" else None)
    if sql:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(sql)


@lru_cache(maxsize=4)
def shared_engine(url: str) -> Engine:
    """One engine per URL for the life of the process."""
    return make_engine(url)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Create or migrate the schema to the newest revision, then sync the taxonomy and give every organisation a
    sub-theme list (one upgraded from before lists has none unless its items were tagged)."""
    command.upgrade(alembic_config(engine), "head")
    sync_taxonomy(engine)
    with engine.begin() as conn:
        give_starter_lists(conn)


def sync_taxonomy(engine: Engine) -> None:
    """Make the metric and alias tables match domain.taxonomy."""
    metric_rows = [
        {"code": m.code, "official_name": m.official_name, "short_name": m.short_name,
         "session_label": m.session_label, "parent_code": m.parent, "sort_order": order}
        for order, m in enumerate(taxonomy.METRICS.values())
    ]
    alias_rows = [{"alias": alias, "metric_code": code} for alias, code in taxonomy.ALIASES.items()]
    with engine.begin() as conn:
        existing = {row.code: row for row in conn.execute(select(Metric.__table__))}
        for row in metric_rows:
            current = existing.get(row["code"])
            if current is None:
                conn.execute(insert(Metric), [row])
            elif dict(current._mapping) != row:
                conn.execute(Metric.__table__.update().where(Metric.code == row["code"]).values(**row))
        conn.execute(delete(MetricAlias))
        conn.execute(insert(MetricAlias), alias_rows)


def read_frame(engine: Engine, query, columns: list[str]) -> pd.DataFrame:
    """Run a read query and return its rows as a DataFrame with the given column names."""
    with engine.connect() as conn:
        # Plain tuples: pandas asks each row for a `dtype` attribute, and a SQLAlchemy Row answers a missing attribute
        # slowly (100,000 rows: 0.85 s as Rows, 0.35 s as tuples).
        return pd.DataFrame([tuple(row) for row in conn.execute(query)], columns=columns)


def is_empty(engine: Engine) -> bool:
    """True when no session has been loaded yet."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Session)).scalar_one() == 0
