"""The app's reads: each data_access query, cached (ui.cache), called as the query itself without its database
handle, so a page's `series_list(org_code)` goes to its definition and is checked like any call."""
from __future__ import annotations

from datetime import date

from data_access import (
    app_roles,
    queries_actions,
    queries_brief,
    queries_feedback,
    queries_imports,
    queries_overview,
    queries_reach,
)
from reports.brief import Brief, BriefReads, collect_brief
from ui.cache import CachedRead, cached_composite

# Overview
organisations_with_sessions = CachedRead(queries_overview.organisations_with_sessions)
series_list = CachedRead(queries_overview.series_list)
headline_by_series = CachedRead(queries_overview.headline_by_series)
headline_totals = CachedRead(queries_overview.headline_totals)
people_reached = CachedRead(queries_overview.people_reached)
workforce_headcount = CachedRead(queries_overview.workforce_headcount)
survey_trends = CachedRead(queries_overview.survey_trends)
session_markers = CachedRead(queries_overview.session_markers)
series_element_grid = CachedRead(queries_overview.series_element_grid)

# Theme explorer: feedback and reach
sub_theme_names = CachedRead(queries_feedback.sub_theme_names)
feedback_sessions = CachedRead(queries_feedback.session_options)
sub_theme_by_series = CachedRead(queries_feedback.sub_theme_by_series)
sub_theme_by_element = CachedRead(queries_feedback.sub_theme_by_element)
verbatim = CachedRead(queries_feedback.verbatim)
division_names = CachedRead(queries_reach.division_names)
representation = CachedRead(queries_reach.representation)
people_by_series = CachedRead(queries_reach.people_by_series)
first_and_returning = CachedRead(queries_reach.first_and_returning)

# Session brief
brief_sessions = CachedRead(queries_brief.session_choices)
BRIEF_READS = BriefReads(
    session_detail=CachedRead(queries_brief.session_detail), top_sub_themes=CachedRead(queries_brief.top_sub_themes),
    earlier_sessions=CachedRead(queries_brief.earlier_sessions), quotes=CachedRead(queries_brief.verbatim),
    open_actions=CachedRead(queries_brief.open_actions),
    done_since_last_session=CachedRead(queries_brief.done_since_last_session), survey_trends=survey_trends,
    session_markers=session_markers, representation=representation)


def _gather_brief(session_id: int, today: date, threshold: int) -> Brief | None:
    return collect_brief(BRIEF_READS, session_id, today, threshold)


gathered_brief = cached_composite("brief", _gather_brief)

# Actions
register = CachedRead(queries_actions.register)
action = CachedRead(queries_actions.action)
owners = CachedRead(queries_actions.owners)
sessions_for_new_actions = CachedRead(queries_actions.sessions_for_new_actions)
progress = CachedRead(queries_actions.progress)
median_days_to_done = CachedRead(queries_actions.median_days_to_done)
history = CachedRead(queries_actions.history)
you_said_we_did = CachedRead(queries_actions.you_said_we_did)

# Imports
import_history = CachedRead(queries_imports.import_history)
import_sessions = CachedRead(queries_imports.session_choices)

# Access: the role table and who signed in without a role
role_table = CachedRead(app_roles.role_table)
no_access_attempts = CachedRead(app_roles.no_access_attempts)
