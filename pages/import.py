"""Import data (OD team): choose a kind of file, upload it, preview what it would change, then commit it."""
from __future__ import annotations

import math

import streamlit as st

from data_access.importers.errors import ImportRefused
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import commit, preview, sha256
from data_access.permissions import PermissionRefused
from formats.markup import markdown_text
from ui.cache import data_changed
from ui.cached import import_history
from ui.context import engine, settings
from ui.import_widgets import HISTORY_CONFIG, base_options, file_options, history_frame, session_choice, show_preview
from ui.page import page_filters
from ui.sign_in import current_actor

filters = page_filters()

st.title("Import data")
st.caption("Bring in Teams attendance reports, Forms and board exports, staff lists and NHS Staff Survey files. "
           "Nothing is written until you commit; importing the same file again changes nothing. The sidebar's "
           "series, element and date filters do not apply here.")

kind = KINDS[st.selectbox("What are you importing?", list(KINDS), format_func=lambda k: KINDS[k].label,
                          key="import_kind")]
st.caption(kind.help)
# The uploader says, and the browser holds to, the limit the importer applies (BC_MAX_UPLOAD_MB): Streamlit's own
# default offered "200MB per file" for a file the importer would then refuse.
largest_mb = settings().max_upload_bytes / 1048576
upload = st.file_uploader("File", type=["csv", "xlsx"] if kind.spreadsheets else ["csv"], key=f"upload_{kind.name}",
                          max_upload_size=math.ceil(largest_mb),
                          help=f"The largest file accepted is {largest_mb:g} MB.")
session_id = session_choice(kind, filters.org_code)
org_code, year = filters.org_code, None
if kind.name == "survey":
    with st.container(horizontal=True):
        org_code = st.text_input("Organisation code (ODS)", value=filters.org_code, key="import_org").strip().upper()
        year = st.number_input("Survey year (for a trust's own benchmark table)", min_value=2021, max_value=2100,
                               value=None, step=1, key="import_year")

if upload is not None:
    raw = upload.getvalue()
    given = dict(session_id=session_id, org_code=org_code or None,
                 survey_year=int(year) if year else None, **file_options(kind, raw))
    actor = current_actor()
    options = base_options(actor.user, **given)
    key = (kind.name, sha256(raw), options)
    if st.session_state.get("import_preview", (None,))[0] != key:
        st.session_state["import_preview"] = (key, preview(engine(), kind, upload.name, raw, options))
    outcome = st.session_state["import_preview"][1]
    show_preview(outcome)
    if not outcome.problems and st.button("Commit this import", type="primary", icon=":material/done:"):
        try:
            done = commit(engine(), kind, upload.name, raw, options, actor)
        except PermissionRefused as refused:
            st.error(str(refused))
        except ImportRefused as refused:
            data_changed()  # the refusal is recorded under Past imports
            st.error(f"The file was refused: {markdown_text(refused.problems[0])}")
        else:
            data_changed()
            del st.session_state["import_preview"]
            st.success(f"Imported {markdown_text(upload.name)}: {done.summary}.", icon=":material/check_circle:")

st.header("Past imports")
history = import_history()
if history.empty:
    st.info("Nothing has been imported yet.")
else:
    st.dataframe(history_frame(history), hide_index=True, width="stretch", column_config=HISTORY_CONFIG)
