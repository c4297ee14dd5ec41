"""Engine, migrations and taxonomy sync on a real database."""
from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, insert, inspect, select, text, update
from sqlalchemy.exc import IntegrityError

from data_access.database import alembic_config, is_empty, make_engine, upgrade
from data_access.models import Attendance, Base, Metric, MetricAlias
from domain import taxonomy

MODEL_TABLES = {"organisation", "series", "session", "attendance", "feedback", "feedback_sub_theme", "action",
                 "survey_score", "benchmark_score", "workforce", "import_batch", "metric", "metric_alias",
                 "person", "action_change", "data_version", "app_role", "no_access_attempt", "sub_theme",
                 "sub_theme_change", "tag_model", "tag_change"}


def _metrics(engine: Engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(select(Metric.code, Metric.official_name, Metric.short_name, Metric.session_label,
                                   Metric.parent_code).order_by(Metric.sort_order)).all()
    return {row.code: tuple(row[1:]) for row in rows}


def test_upgrade_creates_every_table_of_the_data_model(migrated_engine: Engine) -> None:
    tables = set(inspect(migrated_engine).get_table_names())
    assert tables >= MODEL_TABLES
    assert tables - MODEL_TABLES == {"alembic_version"}
    with migrated_engine.connect() as conn:
        version = conn.execute(text("select version_num from alembic_version")).scalar_one()
    assert version == ScriptDirectory.from_config(alembic_config(migrated_engine)).get_current_head()
    assert is_empty(migrated_engine)


def test_migrations_build_exactly_the_models(migrated_engine: Engine) -> None:
    with migrated_engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_the_person_key_indexes_go_and_come_back_with_the_data_kept(migrated_engine: Engine) -> None:
    def indexes() -> set[str]:
        found = inspect(migrated_engine)
        return {index["name"] for table in ("attendance", "person") for index in found.get_indexes(table)}

    with migrated_engine.begin() as conn:
        org = conn.execute(text("insert into organisation (ods_code, name, benchmark_group) values "
                                "('RXX', 'Test Trust', 'Acute') returning id")).scalar_one()
        conn.execute(text("insert into person (organisation_id, person_key) values (:org, 'k1')"), {"org": org})
    assert not {"ix_attendance_person_key", "ix_person_person_key"} & indexes()
    command.downgrade(alembic_config(migrated_engine), "0002")
    assert {"ix_attendance_person_key", "ix_person_person_key"} <= indexes()
    upgrade(migrated_engine)
    assert not {"ix_attendance_person_key", "ix_person_person_key"} & indexes()
    with migrated_engine.connect() as conn:
        assert conn.execute(text("select person_key from person")).scalars().all() == ["k1"]


def test_sub_themes_stored_as_not_yet_tagged_are_removed_and_their_items_kept(migrated_engine: Engine) -> None:
    command.downgrade(alembic_config(migrated_engine), "0003")
    _tagged_items(migrated_engine, "RXX", ["Not yet tagged", "NOT YET TAGGED", "estates"])
    upgrade(migrated_engine)
    with migrated_engine.connect() as conn:
        assert conn.execute(text("select sub_theme from feedback_sub_theme")).scalars().all() == ["estates"]
        assert conn.execute(text("select count(*) from feedback")).scalar_one() == 3


def _tagged_items(engine: Engine, code: str, tags: list[str]) -> None:
    """One organisation, series and session, written in the schema of an older revision, with one item per tag."""
    with engine.begin() as conn:
        org = conn.execute(text("insert into organisation (ods_code, name, benchmark_group) values "
                                "(:code, 'Test Trust', 'Acute') returning id"), {"code": code}).scalar_one()
        series = conn.execute(text("insert into series (organisation_id, name, start_date, cadence, description) "
                                   "values (:org, 'Series 1', '2025-01-01', 'monthly', '') returning id"),
                              {"org": org}).scalar_one()
        session = conn.execute(text("insert into session (series_id, title, element_code, starts_at, host_roles, "
                                    "format, status, key_themes) values (:series, 'Talk', 'PP1', "
                                    "'2025-01-10 12:00:00', 'CEO', 'online', 'held', '') returning id"),
                               {"series": series}).scalar_one()
        for number, tag in enumerate(tags):
            item = conn.execute(text("insert into feedback (session_id, source, prompt, text) values "
                                     "(:session, 'form', 'Q', :text) returning id"),
                                {"session": session, "text": f"Item {number}"}).scalar_one()
            conn.execute(text("insert into feedback_sub_theme (feedback_id, sub_theme) values (:item, :tag)"),
                         {"item": item, "tag": tag})


def test_each_organisation_gets_its_tagged_names_as_its_list_and_old_tags_are_confirmed(
        migrated_engine: Engine) -> None:
    command.downgrade(alembic_config(migrated_engine), "0007")
    _tagged_items(migrated_engine, "RXA", ["Estates", "Rotas", "Estates"])
    _tagged_items(migrated_engine, "RXB", ["Rotas"])
    upgrade(migrated_engine)
    with migrated_engine.connect() as conn:
        lists = conn.execute(text("select o.ods_code, t.name from sub_theme t join organisation o "
                                  "on o.id = t.organisation_id order by o.ods_code, t.name")).all()
        tags = conn.execute(text("select distinct status, tagged_by, confidence from feedback_sub_theme")).all()
    assert [tuple(row) for row in lists] == [("RXA", "Estates"), ("RXA", "Rotas"), ("RXB", "Rotas")]
    assert [tuple(row) for row in tags] == [("confirmed", "import", None)]
    with migrated_engine.begin() as conn:
        conn.execute(text("update feedback_sub_theme set status = 'suggested', confidence = 0.4 "
                          "where sub_theme = 'Rotas'"))
    command.downgrade(alembic_config(migrated_engine), "0007")
    with migrated_engine.connect() as conn:
        assert conn.execute(text("select sub_theme from feedback_sub_theme")).scalars().all() == ["Estates"] * 2


def test_group_benchmarks_become_each_organisations_own_from_0004(migrated_engine: Engine) -> None:
    command.downgrade(alembic_config(migrated_engine), "0004")
    with migrated_engine.begin() as conn:
        for code, group in (("RXA", "Acute"), ("RXB", "Acute"), ("RXM", "Mental health")):
            conn.execute(text("insert into organisation (ods_code, name, benchmark_group) values (:code, 'T', :group)"),
                         {"code": code, "group": group})
        conn.execute(text("insert into benchmark_score (benchmark_group, survey_year, metric_code, best, average, "
                          "worst, organisations) values ('Acute', 2024, 'PP1', 7.9, 7.2, 6.5, 120), "
                          "('Acute', 2024, 'ENG', 7.6, 6.8, 6.1, 0)"))
    upgrade(migrated_engine)
    with migrated_engine.connect() as conn:
        rows = conn.execute(text("select o.ods_code, b.benchmark_group, b.metric_code, b.best, b.average, b.worst, "
                                 "b.organisations from benchmark_score b join organisation o "
                                 "on o.id = b.organisation_id order by o.ods_code, b.metric_code")).all()
    assert [tuple(row) for row in rows] == [
        ("RXA", "Acute", "ENG", 7.6, 6.8, 6.1, None), ("RXA", "Acute", "PP1", 7.9, 7.2, 6.5, 120),
        ("RXB", "Acute", "ENG", 7.6, 6.8, 6.1, None), ("RXB", "Acute", "PP1", 7.9, 7.2, 6.5, 120)]
    command.downgrade(alembic_config(migrated_engine), "0004")
    with migrated_engine.connect() as conn:
        back = conn.execute(text("select benchmark_group, metric_code, organisations from benchmark_score "
                                 "order by metric_code")).all()
    assert [tuple(row) for row in back] == [("Acute", "ENG", 0), ("Acute", "PP1", 120)]


def test_upgrading_twice_is_harmless(migrated_engine: Engine) -> None:
    before = _metrics(migrated_engine)
    upgrade(migrated_engine)
    assert _metrics(migrated_engine) == before
    with migrated_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(MetricAlias)).scalar_one() == len(taxonomy.ALIASES)


def test_metric_table_holds_the_taxonomy(migrated_engine: Engine) -> None:
    metrics = _metrics(migrated_engine)
    assert len(metrics) == 30
    assert list(metrics) == list(taxonomy.METRICS)
    assert metrics["PP3"] == ("We each have a voice that counts", "Voice that counts", "Staff Voice", None)
    assert metrics["PP4_2"] == ("Burnout", "Burnout", None, "PP4")
    assert metrics["MOR_1"][0] == "Thinking about leaving"


@pytest.mark.parametrize(("alias", "code"), [
    ("safety and health", "PP4"), ("we each have a voice that counts", "PP3"), ("compassion and inclusivity", "PP1"),
    ("theme_engagement", "ENG"), ("raising concerns", "PP3_2"), ("pp7", "PP7"),
])
def test_aliases_in_the_database_resolve_to_metrics(migrated_engine: Engine, alias: str, code: str) -> None:
    with migrated_engine.connect() as conn:
        assert conn.execute(select(MetricAlias.metric_code).where(MetricAlias.alias == alias)).scalar_one() == code


def test_upgrade_repairs_a_metric_row_that_drifted(migrated_engine: Engine) -> None:
    with migrated_engine.begin() as conn:
        conn.execute(update(Metric).where(Metric.code == "PP2").values(short_name="Pay"))
    upgrade(migrated_engine)
    assert _metrics(migrated_engine)["PP2"][1] == "Recognised and rewarded"


def test_foreign_keys_are_enforced(migrated_engine: Engine) -> None:
    orphan = {"session_id": 999, "person_key": "0" * 64, "teams_role": "Attendee", "minutes_attended": 10.0}
    with pytest.raises(IntegrityError), migrated_engine.begin() as conn:
        conn.execute(insert(Attendance), [orphan])
    with migrated_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Attendance)).scalar_one() == 0


def test_sqlite_reads_alongside_a_write_with_a_larger_page_cache(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'pragmas.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -32 * 1024
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    upgrade(engine)
    # A reader on its own connection sees the last commit while a write is open on another.
    with engine.connect() as writer, engine.connect() as reader:
        writer.exec_driver_sql("BEGIN IMMEDIATE")
        writer.execute(insert(MetricAlias).values(alias="a wal test alias", metric_code="PP1"))
        assert reader.execute(select(func.count()).where(MetricAlias.alias == "a wal test alias")).scalar_one() == 0
        writer.commit()
    engine.dispose()


def test_every_write_raises_the_data_version_in_its_own_transaction(new_database_url) -> None:
    """Imports (refused ones too: they are recorded) and action changes each raise it by one; a read does not."""
    from datetime import datetime

    from data_access.actions import add_action
    from data_access.data_version import data_version
    from data_access.importers.errors import ImportRefused
    from data_access.permissions import Actor
    from data_access.queries_actions import sessions_for_new_actions
    from tests.helpers import seed_sample
    from tests.import_files import run

    seeded_engine = seed_sample(make_engine(new_database_url()))
    start = data_version(seeded_engine)
    assert start > 0  # the seed's own imports
    sessions_for_new_actions(seeded_engine, "R9Z")
    assert data_version(seeded_engine) == start
    with pytest.raises(ImportRefused):
        run(seeded_engine, "sessions", b"org_code,series\r\n")
    assert data_version(seeded_engine) == start + 1
    session_id = int(sessions_for_new_actions(seeded_engine, "R9Z")["session_id"].iloc[0])
    add_action(seeded_engine, session_id, {"you_said": "Versioned", "we_did": "Yes", "owner": "OD team"},
               Actor("Asha Patel", "od_team"), datetime(2026, 11, 23, 9))
    assert data_version(seeded_engine) == start + 2
    seeded_engine.dispose()
