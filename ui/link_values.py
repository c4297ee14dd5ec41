"""What a link's values pick out, and a visible notice for any that no longer exist: a filter value that is gone
must never leave a silently wider view, nor a session link open another session."""
from __future__ import annotations

from collections.abc import Collection, Mapping

import streamlit as st

from formats.markup import markdown_text


def stale_values(key: str, choices: Collection[str]) -> list[str]:
    """The values the URL gives for a filter that are not among its choices (any more). Read before the filter's
    widget is drawn: Streamlit drops such values from the URL as the widget takes it."""
    return [value for value in st.query_params.get_all(key) if value not in choices]


def stale_notice(stale: Mapping[str, list[str]]) -> str | None:
    """One sentence naming each filter's values from the link that no longer exist, or None when all do."""
    named = [f"{name} {', '.join(f'‘{markdown_text(value)}’' for value in values)}"
             for name, values in stale.items() if values]
    if not named:
        return None
    one = sum(len(values) for values in stale.values()) == 1
    return (f"This link asks for {'; '.join(named)}, which no longer {'exists' if one else 'exist'}: the view is not "
            f"narrowed by {'it' if one else 'them'}. Check the filters in the sidebar.")


def linked_session(value: str | None, labels: Mapping[int, str]) -> tuple[int | None, str | None]:
    """(session id, None) for a link's session, named by its id (or, from an older link, by its label as it is now);
    (None, the value) when it names no session there is; (None, None) when the link names none."""
    if not value:
        return None, None
    if value.isdigit() and int(value) in labels:
        return int(value), None
    by_label = {label: session_id for session_id, label in labels.items()}
    return (by_label[value], None) if value in by_label else (None, value)


def show_stale(notice: str | None) -> None:
    """The notice, where it cannot be missed: above the page."""
    if notice:
        st.warning(notice, icon=":material/link_off:")
