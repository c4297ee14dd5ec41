"""The one way text from a file or a person meets markup: as the characters typed, in Markdown and in Plotly."""
from __future__ import annotations

import html
import math
import re

# CommonMark lets any ASCII punctuation be backslash-escaped; escaping it all means text can never open a link, an
# image, emphasis, an HTML tag, LaTeX ($), a Streamlit colour directive or an icon (:red[...], :material/...:).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit's Markdown turns bare web addresses and email addresses into live links after escapes are read, so each
# is broken with an invisible word joiner where its pattern needs two characters side by side.
_WORD_JOINER = "\u2060"
_LINKABLE = re.compile(r"(?i)(?<=\w)(?=://)|(?<=\bwww)(?=\.)|(?<=\w)(?=@)")
# Line breaks and runs of spaces read as one space: a line break would end the element's paragraph, and four spaces
# at its start would make a code block.
_SPACES = re.compile(r"\s+")


def markdown_text(text: object) -> str:
    """Text that Markdown (Streamlit's elements, the Markdown downloads) shows exactly as typed, on one line."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    unlinked = _LINKABLE.sub(_WORD_JOINER, _SPACES.sub(" ", str(text)))
    return _PUNCTUATION.sub(r"\\\1", unlinked)


def plotly_text(text: object) -> str:
    """Text that a Plotly label or hover shows exactly as typed: Plotly reads <b>, <a href> and the like as markup."""
    return html.escape(str(text), quote=False)
