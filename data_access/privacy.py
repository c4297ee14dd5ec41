"""People-first rules: attendees are known only by a keyed hash of their email, decided in one place."""
from __future__ import annotations

import hmac

import pandas as pd


def person_key(secret: str, identity: str) -> str:
    """A keyed hash (HMAC-SHA256) of an email or UPN; the identity itself is never stored.

    hmac.digest, the one-shot form, is several times faster than hmac.new: imports hash every row."""
    return hmac.digest(secret.encode(), identity.strip().lower().encode(), "sha256").hex()


def person_keys(secret: str, identities: pd.Series) -> pd.Series:
    """person_key for a whole column, inline and over a plain list: iterating pandas' Arrow strings, and a function
    call per row, each cost as much as the hashing.

    Tidied by Python's own strip and lower, as person_key does: pandas' Arrow strings lower some letters otherwise,
    and a key must never change."""
    key = secret.encode()
    return pd.Series([hmac.digest(key, str(value).strip().lower().encode(), "sha256").hex()
                      for value in identities.tolist()],
                     index=identities.index, dtype=object)

