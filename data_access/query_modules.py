"""The read-query modules by the short name the pages use for them (query("overview", "series_list", ...))."""
from __future__ import annotations

from data_access import (queries_actions, queries_brief, queries_feedback, queries_imports, queries_overview,
                         queries_reach)

QUERY_MODULES = {"overview": queries_overview, "feedback": queries_feedback, "reach": queries_reach,
                 "brief": queries_brief, "actions": queries_actions, "imports": queries_imports}
