"""Every data_access read query on its own, with the arguments the pages give it for the first organisation."""
from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date

from sqlalchemy import Engine

from bench.timing import Timing, repeated
from data_access import (
    queries_actions,
    queries_brief,
    queries_feedback,
    queries_imports,
    queries_overview,
    queries_reach,
)
from data_access.filters import Filters
from data_access.queries_reach import DIMENSIONS
from domain import taxonomy
from ui.verbatim import TABLE_ROWS

# The read-query modules by the short names the results use ("overview.series_list").
QUERY_MODULES = {"overview": queries_overview, "feedback": queries_feedback, "reach": queries_reach,
                 "brief": queries_brief, "actions": queries_actions, "imports": queries_imports}
# Public functions that are not read queries: a SQL fragment other queries embed, and a pure-pandas step.
NOT_QUERIES = {"reach.workforce_snapshot", "reach.nobody_reached", "feedback.theme_changes"}
SEARCH = "(rota OR shift) NOT night"


def query_calls(engine: Engine, today: date, threshold: int) -> dict[str, Callable[[], object]]:
    """module.function → a call with the arguments a page would give it."""
    o, f, r, b, a, i = (QUERY_MODULES[k] for k in ("overview", "feedback", "reach", "brief", "actions", "imports"))
    org = str(o.organisations_with_sessions(engine)["ods_code"].iloc[0])
    everything = Filters(org)
    session = int(b.session_choices(engine, org, today)["session_id"].iloc[0])
    action = int(a.register(engine, everything, today)["action_id"].iloc[0])
    themes = tuple(b.top_sub_themes(engine, session)["sub_theme"])
    dimension = next(iter(DIMENSIONS))
    return {
        "overview.organisations_with_sessions": lambda: o.organisations_with_sessions(engine),
        "overview.series_list": lambda: o.series_list(engine, org),
        "overview.headline_by_series": lambda: o.headline_by_series(engine, everything, today),
        "overview.headline_totals": lambda: o.headline_totals(engine, everything, today),
        "overview.people_reached": lambda: o.people_reached(engine, everything),
        "overview.workforce_headcount": lambda: o.workforce_headcount(engine, org, today),
        "overview.survey_trends": lambda: o.survey_trends(engine, org, tuple(taxonomy.ELEMENT_CODES)),
        "overview.session_markers": lambda: o.session_markers(engine, everything),
        "overview.series_element_grid": lambda: o.series_element_grid(engine, everything),
        "feedback.session_options": lambda: f.session_options(engine, org),
        "feedback.sub_theme_names": lambda: f.sub_theme_names(engine, org),
        "feedback.sub_theme_by_series": lambda: f.sub_theme_by_series(engine, everything, threshold),
        "feedback.sub_theme_by_element": lambda: f.sub_theme_by_element(engine, everything, threshold),
        "feedback.verbatim": lambda: f.verbatim(engine, everything, SEARCH, threshold, TABLE_ROWS),
        "reach.division_names": lambda: r.division_names(engine, org),
        "reach.representation": lambda: r.representation(engine, everything, dimension, threshold, today),
        "reach.people_by_series": lambda: r.people_by_series(engine, everything, dimension, threshold),
        "reach.first_and_returning": lambda: r.first_and_returning(engine, everything, threshold),
        "brief.session_choices": lambda: b.session_choices(engine, org, today),
        "brief.session_detail": lambda: b.session_detail(engine, session),
        "brief.earlier_sessions": lambda: b.earlier_sessions(engine, session),
        "brief.top_sub_themes": lambda: b.top_sub_themes(engine, session),
        "brief.verbatim": lambda: b.verbatim(engine, session, themes),
        "brief.open_actions": lambda: b.open_actions(engine, session, today),
        "brief.done_since_last_session": lambda: b.done_since_last_session(engine, session, today),
        "actions.register": lambda: a.register(engine, everything, today),
        "actions.progress": lambda: a.progress(engine, everything, today),
        "actions.median_days_to_done": lambda: a.median_days_to_done(engine, everything),
        "actions.owners": lambda: a.owners(engine, org),
        "actions.you_said_we_did": lambda: a.you_said_we_did(engine, everything),
        "actions.action": lambda: a.action(engine, action, today),
        "actions.history": lambda: a.history(engine, action),
        "actions.sessions_for_new_actions": lambda: a.sessions_for_new_actions(engine, org),
        "actions.register_export": lambda: a.register_export(engine),
        "imports.import_history": lambda: i.import_history(engine),
        "imports.session_choices": lambda: i.session_choices(engine, org),
    }


def public_queries() -> set[str]:
    """module.function for every public function the query modules define themselves."""
    return {f"{key}.{name}" for key, module in QUERY_MODULES.items()
            for name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__ and not name.startswith("_")} - NOT_QUERIES


def measure_queries(engine: Engine, today: date, threshold: int, repeat: int) -> dict[str, Timing]:
    return {name: repeated(call, repeat) for name, call in query_calls(engine, today, threshold).items()}
