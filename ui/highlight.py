"""Search matches highlighted in Markdown without letting the text itself become Markdown or HTML."""
from __future__ import annotations

from formats.markup import markdown_text


def escape_lines(text: str) -> str:
    """Text that Markdown will show exactly as typed, its line breaks kept."""
    return "  \n".join(markdown_text(line) for line in text.splitlines())


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """Markdown showing the text as typed, with each span in a highlight."""
    parts, position = [], 0
    for start, end in spans:
        parts.append(markdown_text(text[position:start]))
        parts.append(f":orange-background[**{markdown_text(text[start:end])}**]")
        position = end
    parts.append(markdown_text(text[position:]))
    return "".join(parts)
