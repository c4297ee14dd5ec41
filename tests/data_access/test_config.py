"""Settings come from the environment and refuse values that make no sense."""
from __future__ import annotations

from datetime import date

import pytest

from data_access.config import SAMPLE_SECRET, default_database_url, load_settings


def test_defaults_are_the_embedded_database_and_the_od_team():
    settings = load_settings({})
    assert settings.database_url == default_database_url() and settings.database_url.startswith("sqlite:///")
    assert settings.role == "od_team" and settings.suppression_threshold == 10
    assert settings.person_key_secret == SAMPLE_SECRET and settings.seeds_sample_data
    assert settings.user_name == "local user" and settings.max_upload_bytes == 20 * 1024 * 1024
    assert settings.min_minutes == 0


def test_a_configured_database_is_never_given_sample_data():
    settings = load_settings({"DATABASE_URL": "postgresql+psycopg://u@db/bc", "BC_ROLE": "Executive",
                              "BC_AS_OF": "2026-11-23", "BC_SUPPRESSION_THRESHOLD": "5",
                              "BC_USER": " od.lead ", "BC_MAX_UPLOAD_MB": "0.5", "BC_MIN_MINUTES": "2.5"})
    assert not settings.seeds_sample_data
    assert settings.role == "executive" and settings.today == date(2026, 11, 23)
    assert settings.suppression_threshold == 5
    assert settings.user_name == "od.lead" and settings.max_upload_bytes == 512 * 1024
    assert settings.min_minutes == 2.5


@pytest.mark.parametrize(("env", "message"), [({"BC_ROLE": "janitor"}, "BC_ROLE must be one of"),
                                              ({"BC_SUPPRESSION_THRESHOLD": "0"}, "1 or more"),
                                              ({"BC_AS_OF": "23/11/2026"}, "Invalid isoformat"),
                                              ({"BC_MAX_UPLOAD_MB": "-1"}, "more than 0"),
                                              ({"BC_MIN_MINUTES": "-3"}, "from 0 to 1440")])
def test_nonsense_is_refused(env, message):
    with pytest.raises(ValueError, match=message):
        load_settings(env)


def test_the_comment_threshold_is_its_own_setting_and_must_be_at_least_one() -> None:
    from data_access.config import load_settings

    assert load_settings({}).comment_threshold == 10
    assert load_settings({"BC_COMMENT_THRESHOLD": "15"}).comment_threshold == 15
    assert load_settings({"BC_COMMENT_THRESHOLD": "15"}).suppression_threshold == 10
    with pytest.raises(ValueError, match="BC_COMMENT_THRESHOLD must be 1 or more"):
        load_settings({"BC_COMMENT_THRESHOLD": "0"})
