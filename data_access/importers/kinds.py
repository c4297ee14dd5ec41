"""Every kind of import, by the name the command line and the Import page use."""
from __future__ import annotations

from data_access.importers import actions, attendance, feedback, forms, people, sessions, survey, workforce
from data_access.importers.base import Kind

KINDS: dict[str, Kind] = {module.KIND.name: module.KIND for module in (
    sessions, attendance, forms, feedback, actions, survey, workforce, people)}
