"""Session brief: what a facilitator needs before a session, on one page and in one download."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from charts.explorer import representation_figure, representation_summary
from charts.overview import BENCHMARK_KEY, trend_figure, trend_summary
from data_access.filters import Filters
from domain.vocabulary import session_name
from formats.british import counted
from formats.markup import markdown_text
from reports.brief import REACH_DIMENSIONS, Brief
from reports.brief_markdown import brief_markdown
from reports.brief_pdf import brief_pdf
from reports.brief_sections import (
    ACTION_COLUMNS,
    BRIEF,
    DONE_COLUMNS,
    EARLIER_COLUMNS,
    REACH_COLUMNS,
    cover_line,
    facts,
    raised,
    reach_caption,
    reach_rows,
)
from ui.cache import derived, figure
from ui.cached import brief_sessions, gathered_brief
from ui.context import settings
from ui.headings import SCORES, headed, show_table
from ui.link_values import linked_session
from ui.page import page_filters
from ui.verbatim import quote


def session_label(row) -> str:
    return session_name(row.starts_at, row.title, "upcoming" if row.upcoming else row.status)


EARLIER = headed(EARLIER_COLUMNS, dates=("starts_at",))
OPEN_ACTIONS = headed(ACTION_COLUMNS, dates=("due_date",), ticks=("overdue",), sentences=("you_said", "we_did"))
DONE = headed(DONE_COLUMNS, dates=("completed_date",), sentences=("you_said", "we_did"))
REACH = headed(REACH_COLUMNS)


filters: Filters = page_filters()
today = settings().today

st.title("Session brief")
st.caption("Before a session: what was said and promised before on its People Promise element, what is still open, "
           "and where the survey score stands. Only the organisation filter applies here.")

choices = brief_sessions(filters.org_code, today)
if choices.empty:
    st.info("There are no sessions to brief yet.")
    st.stop()
labels = {int(row.session_id): session_label(row) for row in choices.itertuples()}
# The link names the session by its id, which never changes (a label does, when "upcoming" goes).
linked, unknown = linked_session(st.query_params.get("session"), labels)
if unknown:
    st.warning(f"This link's session ({markdown_text(unknown)}) no longer exists, so the brief below is for "
               f"another one: {labels[next(iter(labels))]}. Choose the session you want.", icon=":material/link_off:")
ids = list(labels)
session_id = st.selectbox("Session", ids, index=ids.index(linked) if linked else 0, format_func=labels.__getitem__,
                          key="session",
                          help="Upcoming sessions first, soonest first; then held sessions, newest first.")
st.query_params["session"] = str(session_id)
brief = gathered_brief(session_id, today, settings().suppression_threshold)
if brief is None:  # listed above, but gone by now (replaced by an import in the meantime)
    st.warning("This session no longer exists. Choose another one.")
    st.stop()

st.header(markdown_text(brief.session["title"]))
st.caption(markdown_text(cover_line(brief)))
with st.container(border=True):
    st.markdown("  \n".join(f"**{name}:** {markdown_text(value)}" for name, value in facts(brief)))
stem = f"session-brief-{brief.session_date.isoformat()}"
with st.container(horizontal=True):
    # Built when clicked: a PDF takes longer to lay out than the rest of the page takes to run.
    st.download_button("Download the brief (PDF)", partial(brief_pdf, brief), f"{stem}.pdf", "application/pdf",
                       icon=":material/picture_as_pdf:", key="brief_pdf", on_click="ignore")
    st.download_button("Download the brief (Markdown)", partial(brief_markdown, brief), f"{stem}.md",
                       "text/markdown", icon=":material/description:", key="brief_markdown", on_click="ignore")



def earlier(brief: Brief) -> None:
    same = int((brief.earlier["relation"] == "Same element").sum())
    st.caption(f"{counted(same, 'earlier session')} on this element, and sessions on other elements where staff "
               "raised the same sub-themes. Attendance counts attendees only.")
    show_table(brief.earlier, EARLIER)


def said_before(brief: Brief) -> None:
    st.caption("The sub-themes most raised at earlier sessions on this element, each with its newest comments, "
               "shown exactly as staff wrote them.")
    for theme in derived(raised, brief.sub_themes, brief.verbatim):
        with st.expander(markdown_text(theme.title), expanded=True):
            for text, source in theme.quotes:
                st.markdown(quote(text, source))


def still_open(brief: Brief) -> None:
    overdue = int(brief.open_actions["overdue"].sum())
    st.caption(f"{counted(len(brief.open_actions), 'open action')}, {overdue} overdue.")
    show_table(brief.open_actions, OPEN_ACTIONS, wrapped=True)


def scores(brief: Brief) -> None:
    st.caption(f"{trend_summary(brief.scores, brief.score_codes)} {BENCHMARK_KEY} Diamonds: sessions on this "
               "element, sized by attendance; hollow diamonds are planned.")
    st.plotly_chart(figure(trend_figure, brief.scores, brief.markers, brief.score_codes), key="brief_scores",
                    theme=None)
    with st.expander("Table behind this chart"):
        show_table(brief.scores, SCORES)


def reach(brief: Brief) -> None:
    st.caption(reach_caption(brief))
    tabs = st.tabs(list(REACH_DIMENSIONS.values()), key="reach_by")
    for tab, (dimension, name) in zip(tabs, REACH_DIMENSIONS.items()):
        with tab:
            frame = brief.reach[dimension]
            st.caption(markdown_text(derived(representation_summary, frame, name)))
            st.plotly_chart(figure(representation_figure, frame, name), key=f"brief_reach_{dimension}", theme=None)
            with st.expander("Table behind this chart"):
                show_table(derived(reach_rows, frame), REACH)


BODIES: dict[str, Callable[[Brief], None]] = {
    "earlier": earlier, "raised": said_before, "open": still_open,
    "done": lambda brief: show_table(brief.done_since, DONE, wrapped=True), "scores": scores, "reach": reach}

for section in BRIEF:
    heading = section.heading(brief)
    st.markdown(f"**{heading}**") if section.minor else st.subheader(heading)
    if section.rows(brief).empty:
        st.info(section.empty)
    else:
        BODIES[section.key](brief)
