"""Running the app under AppTest as a server runs it: every rerun through dashboard.py, its scripts compiled once.
The page tests and the benchmark both run pages this way."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest.mock import patch

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import app_test, local_script_runner


@contextmanager
def as_on_a_server() -> Iterator[None]:
    """Every run goes through dashboard.py, its scripts compiled once, as a server's reruns do.

    AppTest forgets before each run that dashboard.py called st.navigation, finds the pages/ folder, and so runs a
    chosen page on its own (Streamlit's legacy pages-folder mode); a server does that only for a session's very
    first request. Telling it, after that check, that the app uses st.navigation (what st.navigation itself sets)
    makes each timed run the whole script a browser's rerun executes."""
    detect = PagesManager.__init__

    def as_navigation_app(manager: PagesManager, *args, **kwargs) -> None:
        detect(manager, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    with patch.object(PagesManager, "__init__", as_navigation_app), compiled_once():
        yield


@contextmanager
def compiled_once() -> Iterator[None]:
    """AppTest compiles its scripts again on every run (new ScriptCaches each time, one for the main script and one
    for pages); a server compiles each once and keeps the bytecode until the file changes. Runs here share one
    cache, pages and floor alike."""
    shared = ScriptCache()
    with (patch.object(app_test, "ScriptCache", lambda: shared),
          patch.object(local_script_runner, "ScriptCache", lambda: shared)):
        yield
