"""People-first rules: attendees are known only by a keyed hash of their email, decided in one place."""
from __future__ import annotations

import hmac

import pandas as pd


def person_key(secret: str, identity: str) -> str:
    """A keyed hash (HMAC-SHA256) of an email or UPN; the identity itself is never stored."""
    return person_keys(secret, pd.Series([identity], dtype=object)).iloc[0]


def person_keys(secret: str, identities: pd.Series) -> pd.Series:
    """person_key for a whole column: the one definition of a key, which must never change.

    Tidied by Python's own strip and lower (pandas' Arrow strings lower some letters otherwise); hashed with
    hmac.digest, the one-shot form, in one loop over a plain list: iterating pandas' Arrow strings, and a function
    call per row, each cost as much as the hashing."""
    key = secret.encode()
    return pd.Series([hmac.digest(key, value.strip().lower().encode(), "sha256").hex()
                      for value in identities.tolist()], index=identities.index, dtype=object)
