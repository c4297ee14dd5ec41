"""Production error handling: a failure is logged with a short reference and the user sees a plain message."""
from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

import streamlit as st

# st.rerun, st.stop and st.switch_page end a run by raising these; they are not errors.
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

logger = logging.getLogger("bigconversation")


FAILED = "Sorry, something went wrong and this page could not be shown in full."


def error_message(reference: str) -> str:
    return (f"{FAILED} The problem has been logged; if it keeps happening, contact the OD team and quote "
            f"reference {reference}.")


def run_safely(run: Callable[[], object]) -> None:
    """Run a page; on an error log its traceback with a reference and show the user only the reference."""
    try:
        run()
    except ScriptControlException:
        raise
    except Exception:
        reference = secrets.token_hex(4)
        logger.exception("Page failed, reference %s", reference)
        st.error(error_message(reference), icon=":material/error:")
