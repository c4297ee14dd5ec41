"""A page that fails: the traceback is logged with a reference and the user sees only the reference;
st.rerun, st.stop and st.switch_page still work under the same wrapper."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.pages.conftest import metrics
from ui import cached

REFERENCE = re.compile(r"quote reference ([0-9a-f]{8})\.$")


def broken(*args) -> None:
    raise RuntimeError("the survey table has gone")


def test_a_failing_page_is_logged_with_a_reference_the_user_sees_without_a_traceback(app, monkeypatch, caplog):
    monkeypatch.setattr(cached.survey_trends, "query", broken)
    with caplog.at_level(logging.ERROR, logger="bigconversation"):
        at = app(role="executive")
    assert not at.exception
    [shown] = at.error
    reference = REFERENCE.search(shown.value).group(1)
    assert "Traceback" not in shown.value and "survey table" not in shown.value and "RuntimeError" not in shown.value
    [record] = [r for r in caplog.records if r.name == "bigconversation"]
    assert record.levelno == logging.ERROR and record.getMessage() == f"Page failed, reference {reference}"
    assert record.exc_info[0] is RuntimeError
    assert "Traceback (most recent call last)" in caplog.text and "the survey table has gone" in caplog.text
    # What the page drew before it failed stays.
    assert "Sessions held" in metrics(at)


def test_each_failure_gets_its_own_reference(app, monkeypatch):
    monkeypatch.setattr(cached.survey_trends, "query", broken)
    first, second = (REFERENCE.search(app().error[0].value).group(1) for _ in range(2))
    assert first != second


def reruns_once() -> None:
    import streamlit as st

    from ui.errors import run_safely

    def page() -> None:
        st.session_state["runs"] = st.session_state.get("runs", 0) + 1
        if st.session_state["runs"] == 1:
            st.rerun()
        st.write(f"run {st.session_state['runs']}")

    run_safely(page)


def stops_early() -> None:
    import streamlit as st

    from ui.errors import run_safely

    def page() -> None:
        st.write("before")
        st.stop()
        st.write("after")

    run_safely(page)


def test_st_rerun_still_reruns_under_the_wrapper():
    at = AppTest.from_function(reruns_once).run()
    assert not at.exception and not at.error
    assert [m.value for m in at.markdown] == ["run 2"]


def test_st_stop_still_stops_under_the_wrapper():
    at = AppTest.from_function(stops_early).run()
    assert not at.exception and not at.error
    assert [m.value for m in at.markdown] == ["before"]


def test_st_switch_page_still_switches_under_the_wrapper(tmp_path: Path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "second.py").write_text('import streamlit as st\nst.write("the second page")\n')
    (tmp_path / "main.py").write_text(
        "import streamlit as st\nfrom ui.errors import run_safely\n\n\n"
        "def page():\n    st.write('the first page')\n    st.switch_page('pages/second.py')\n\n\n"
        "run_safely(page)\n")
    at = AppTest.from_file(str(tmp_path / "main.py")).run()
    assert not at.exception and not at.error
    assert [m.value for m in at.markdown] == ["the second page"]
