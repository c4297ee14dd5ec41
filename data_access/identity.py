"""A signed-in user's role: from their ID token's role claim, else the configured first administrator, else the role
table the OD team keeps. No role means no access."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from data_access.config import AccessSettings
from data_access.permissions import PAGES_BY_ROLE

# When a token carries several roles, the one that may do most wins.
PRECEDENCE: tuple[str, ...] = ("od_team", "executive", "facilitator")


def claimed_values(claims: Mapping[str, object], claim: str) -> list[str]:
    """The claim's values: Entra sends app roles as a list; a single string is one value."""
    value = claims.get(claim)
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return []


def role_from_claims(claims: Mapping[str, object], access: AccessSettings) -> str | None:
    """The app role the token's role claim gives, the one that may do most when it gives several."""
    roles = {access.role_for_value(value) for value in claimed_values(claims, access.role_claim)}
    return next((role for role in PRECEDENCE if role in roles), None)


def signed_in_role(claims: Mapping[str, object], email: str, access: AccessSettings,
                   in_table: Callable[[str], str | None]) -> str | None:
    """The role of a signed-in user: the token's claim, the first administrator (always the OD team, so the role
    table can never lock everyone out), or the role table; None when they have none."""
    role = role_from_claims(claims, access)
    if role is None and email and access.first_admin and email.strip().lower() == access.first_admin:
        role = "od_team"
    if role is None and email:
        role = in_table(email)
    return role if role in PAGES_BY_ROLE else None
