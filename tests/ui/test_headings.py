"""Tables as the browser gets them: only the listed columns, under their headings, sentences wrapped when asked."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest


def tables() -> None:
    """Runs as a Streamlit script: the shared list wrapped, then the same rows on one line each."""
    import pandas as pd

    from ui.headings import YOU_SAID_WE_DID, show_table

    rows = 12
    frame = pd.DataFrame({"session_date": [pd.Timestamp("2022-04-11").date()] * rows, "session_title": ["Rotas"] * rows,
                          "element": ["We work flexibly"] * rows, "you_said": ["Rotas come out too late"] * rows,
                          "we_did": ["Rotas are published six weeks ahead"] * rows, "status": ["Done"] * rows,
                          "completed_date": [None] * rows, "owner": ["Director of Nursing"] * rows})
    show_table(frame, YOU_SAID_WE_DID, wrapped=True)
    show_table(frame, YOU_SAID_WE_DID)


def test_a_wrapped_table_has_rows_tall_enough_to_wrap_and_narrow_sentence_columns():
    from ui.headings import SENTENCE_WIDTH, WRAPPED_ROW_HEIGHT

    at = AppTest.from_function(tables, default_timeout=30).run()
    wrapped, plain = at.dataframe
    assert wrapped.proto.row_height == WRAPPED_ROW_HEIGHT > 64  # Streamlit wraps only in rows over 4rem
    assert not plain.proto.row_height
    columns = json.loads(wrapped.proto.columns)
    assert columns["you_said"] == columns["we_did"] | {"label": "You said"}
    assert columns["we_did"]["width"] == SENTENCE_WIDTH and columns["we_did"]["label"] == "We did"
    assert columns["session_date"]["type_config"]["format"] == "D MMMM YYYY"
    # The owner is not a listed column of the shared list, so it never reaches the browser.
    assert list(wrapped.value.columns) == list(plain.value.columns) == [
        "session_date", "session_title", "element", "you_said", "we_did", "status", "completed_date"]
