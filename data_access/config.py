"""Settings read from the environment, in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "bigconversation.db"
SAMPLE_FOLDER = PROJECT_ROOT / "sample_data" / "files"  # the shipped synthetic sample files
ROLES: tuple[str, ...] = ("executive", "od_team", "facilitator")
# Only for the shipped synthetic sample data; any real deployment must set BC_PERSON_KEY_SECRET.
SAMPLE_SECRET = "sample-data-only-not-a-real-secret"


@dataclass(frozen=True)
class Settings:
    database_url: str
    role: str
    suppression_threshold: int
    person_key_secret: str
    as_of: date | None
    user_name: str = "local user"
    max_upload_bytes: int = 20 * 1024 * 1024
    min_minutes: float = 0.0
    comment_threshold: int = 10  # staff groups' comments: each shown only from sessions where no group made fewer

    @property
    def seeds_sample_data(self) -> bool:
        """Only the embedded default database is filled with sample data when empty, never a configured one."""
        return self.database_url == default_database_url()

    @property
    def today(self) -> date:
        """The date used for 'overdue' and 'upcoming'; BC_AS_OF pins it for demos and tests."""
        return self.as_of or date.today()


def default_database_url() -> str:
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def minimum_minutes(env: dict[str, str] | None = None) -> float:
    """BC_MIN_MINUTES: how long someone must have attended for the attendance to count (0: any time at all)."""
    minutes = float((os.environ if env is None else env).get("BC_MIN_MINUTES") or "0")
    if not 0 <= minutes <= 24 * 60:
        raise ValueError("BC_MIN_MINUTES must be from 0 to 1440 minutes")
    return minutes


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from environment variables, refusing values that make no sense."""
    env = dict(os.environ if env is None else env)
    role = env.get("BC_ROLE", "od_team").strip().lower().replace(" ", "_")
    if role not in ROLES:
        raise ValueError(f"BC_ROLE must be one of {', '.join(ROLES)}; got {role!r}")
    threshold, comments = (int(env.get(name, "10")) for name in ("BC_SUPPRESSION_THRESHOLD", "BC_COMMENT_THRESHOLD"))
    if threshold < 1 or comments < 1:
        raise ValueError("BC_SUPPRESSION_THRESHOLD and BC_COMMENT_THRESHOLD must be 1 or more")
    as_of = env.get("BC_AS_OF")
    max_upload_mb = float(env.get("BC_MAX_UPLOAD_MB", "20"))
    if max_upload_mb <= 0:
        raise ValueError("BC_MAX_UPLOAD_MB must be more than 0")
    return Settings(
        database_url=env.get("DATABASE_URL") or default_database_url(),
        role=role,
        suppression_threshold=threshold,
        person_key_secret=env.get("BC_PERSON_KEY_SECRET") or SAMPLE_SECRET,
        as_of=date.fromisoformat(as_of) if as_of else None,
        user_name=env.get("BC_USER", "").strip() or "local user",
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        min_minutes=minimum_minutes(env),
        comment_threshold=comments,
    )


# --- Sign-in and roles (issue 20) -----------------------------------------------------------------------------------
# Sign-in itself (the OIDC provider, client and cookie secret) is Streamlit's `[auth]` in .streamlit/secrets.toml;
# these settings say how a signed-in user's role is found, and whether a server without sign-in may serve openly.
DEFAULT_ROLE_VALUES: dict[str, str] = {role: role for role in ROLES}


@dataclass(frozen=True)
class AccessSettings:
    role_claim: str = "roles"
    role_values: tuple[tuple[str, str], ...] = tuple(DEFAULT_ROLE_VALUES.items())  # claim value → app role
    first_admin: str = ""  # an email that is always the OD team, so someone can keep the role table
    serve_openly_without_sign_in: bool = False

    def role_for_value(self, value: str) -> str | None:
        """The app role a claim value stands for, if any."""
        return dict(self.role_values).get(value.strip())


def _role_values(text: str) -> tuple[tuple[str, str], ...]:
    """BC_ROLE_VALUES, e.g. 'BC.Executive=executive, BC.OD=od_team'; every role it names must be one of ROLES."""
    pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
    if any(len(pair) != 2 or pair[1].strip() not in ROLES for pair in pairs):
        raise ValueError(f"BC_ROLE_VALUES must be claim value=role pairs, each role one of {', '.join(ROLES)}")
    return tuple((value.strip(), role.strip()) for value, role in pairs)


def load_access_settings(env: dict[str, str] | None = None) -> AccessSettings:
    """How roles are found after sign-in, from BC_ROLE_CLAIM, BC_ROLE_VALUES, BC_FIRST_ADMIN and
    BC_SERVE_WITHOUT_SIGN_IN."""
    env = dict(os.environ if env is None else env)
    values = env.get("BC_ROLE_VALUES", "").strip()
    return AccessSettings(
        role_claim=env.get("BC_ROLE_CLAIM", "").strip() or "roles",
        role_values=_role_values(values) if values else tuple(DEFAULT_ROLE_VALUES.items()),
        first_admin=env.get("BC_FIRST_ADMIN", "").strip().lower(),
        serve_openly_without_sign_in=env.get("BC_SERVE_WITHOUT_SIGN_IN", "").strip().lower() in ("1", "true", "yes"),
    )
