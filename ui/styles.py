"""The few styles the theme in .streamlit/config.toml cannot set."""
from __future__ import annotations

import streamlit as st

# The NHS secondary text colour. Streamlit draws captions in the body text at 60% opacity, which is only
# 4:1 on white; this, fully opaque, is 6.4:1 on white and 5.8:1 on the sidebar grey (WCAG 2.2 AA asks 4.5:1).
SECONDARY_TEXT = "#4C6272"
CSS = f"<style>[data-testid='stCaptionContainer'] {{ color: {SECONDARY_TEXT}; opacity: 1; }}</style>"


def apply_styles() -> None:
    """Add the styles; a style-only st.html takes up no space on the page."""
    st.html(CSS)
