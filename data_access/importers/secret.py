"""The person-key secret: people's emails are keyed with BC_PERSON_KEY_SECRET, so while it is still the public
sample value anyone could match the keys to emails. Real attendance and staff lists wait until a secret is set."""
from __future__ import annotations

import hashlib
from functools import cache

from data_access.config import SAMPLE_FOLDER, SAMPLE_SECRET
from data_access.importers.base import ImportOptions
from data_access.importers.errors import refuse

HOW_TO_SET = ("BC_PERSON_KEY_SECRET is not set, so people would be keyed with the public sample secret and anyone "
              "could match the keys to their emails: nothing is imported until it is. Set BC_PERSON_KEY_SECRET to a "
              "long random value (for example the output of: python -c \"import secrets; print(secrets.token_hex(32))\""
              ") wherever the app and the command line run, keep it for good, and import again")


@cache
def shipped_sample_files() -> frozenset[str]:
    """SHA-256 of every shipped sample file: the only real-looking files the sample secret may key."""
    return frozenset(hashlib.sha256(path.read_bytes()).hexdigest() for path in SAMPLE_FOLDER.rglob("*")
                     if path.is_file())


def check_secret(raw: bytes, options: ImportOptions) -> None:
    """Refuse a file of people while the secret is the sample one, unless it is sample data."""
    if options.secret != SAMPLE_SECRET or options.synthetic:
        return
    if hashlib.sha256(raw).hexdigest() not in shipped_sample_files():
        raise refuse(HOW_TO_SET)
