"""Search matches highlighted in Markdown without letting the text itself become Markdown or HTML."""
from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all means staff
# text can never open a link, emphasis, a Streamlit colour directive, LaTeX or an HTML tag.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """Text that Markdown will show exactly as typed, on one paragraph."""
    return _PUNCTUATION.sub(r"\\\1", text).replace("\n", " ")


def escape_lines(text: str) -> str:
    """Text that Markdown will show exactly as typed, its line breaks kept."""
    return "  \n".join(escape_markdown(line) for line in text.splitlines())


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """Markdown showing the text as typed, with each span in a highlight."""
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape_markdown(text[position:start]))
        parts.append(f":orange-background[**{escape_markdown(text[start:end])}**]")
        position = end
    parts.append(escape_markdown(text[position:]))
    return "".join(parts)
