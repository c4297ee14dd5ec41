"""A signed-in user's role: the token's role claim (mapped), the first administrator, then the role table."""
from __future__ import annotations

import pytest

from data_access.config import AccessSettings, load_access_settings
from data_access.identity import role_from_claims, signed_in_role

DEFAULT = AccessSettings()


def no_table(email: str) -> None:
    return None


@pytest.mark.parametrize(("claims", "role"), [
    ({"roles": ["facilitator"]}, "facilitator"),
    ({"roles": "executive"}, "executive"),
    ({"roles": ["facilitator", "od_team", "executive"]}, "od_team"),
    ({"roles": ["facilitator", "executive"]}, "executive"),
    ({"roles": ["Global Administrator"]}, None),
    ({}, None),
    ({"roles": 3}, None),
])
def test_the_roles_claim_gives_the_role_that_may_do_most(claims, role):
    assert role_from_claims(claims, DEFAULT) == role


def test_claim_name_and_values_are_configurable():
    access = load_access_settings({"BC_ROLE_CLAIM": "groups", "BC_ROLE_VALUES": "BC.Exec=executive, BC.OD = od_team"})
    assert role_from_claims({"groups": ["BC.OD"]}, access) == "od_team"
    assert role_from_claims({"roles": ["od_team"]}, access) is None
    assert role_from_claims({"groups": ["executive"]}, access) is None


@pytest.mark.parametrize("values", ["BC.Exec=janitor", "BC.Exec", "=od_team,x"])
def test_a_value_mapping_to_no_role_is_refused(values):
    with pytest.raises(ValueError, match="BC_ROLE_VALUES"):
        load_access_settings({"BC_ROLE_VALUES": values})


def test_the_first_administrator_is_the_od_team_and_the_table_covers_the_rest():
    access = load_access_settings({"BC_FIRST_ADMIN": " Lead@Trust.nhs.uk "})
    table = {"sam@trust.nhs.uk": "facilitator"}.get
    assert signed_in_role({}, "lead@trust.nhs.uk", access, table) == "od_team"
    assert signed_in_role({}, "sam@trust.nhs.uk", access, table) == "facilitator"
    assert signed_in_role({"roles": ["executive"]}, "sam@trust.nhs.uk", access, table) == "executive"
    assert signed_in_role({}, "someone@trust.nhs.uk", access, table) is None
    assert signed_in_role({}, "", access, no_table) is None


def test_access_defaults_read_the_roles_claim_and_refuse_open_serving_without_sign_in():
    access = load_access_settings({})
    assert access.role_claim == "roles" and access.first_admin == ""
    assert not access.serve_openly_without_sign_in
    assert load_access_settings({"BC_SERVE_WITHOUT_SIGN_IN": "1"}).serve_openly_without_sign_in
