"""People-first rules: attendees are known only by a keyed hash of their email, decided in one place."""
from __future__ import annotations

import hashlib
import hmac

import pandas as pd


def person_key(secret: str, identity: str) -> str:
    """A keyed hash (HMAC-SHA256) of an email or UPN; the identity itself is never stored."""
    normalised = identity.strip().lower()
    return hmac.new(secret.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def person_keys(secret: str, identities: pd.Series) -> pd.Series:
    return identities.map(lambda value: person_key(secret, value))

