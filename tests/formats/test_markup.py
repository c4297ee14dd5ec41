"""The one escaping path: text shows as typed in Markdown and in Plotly, and no address in it becomes a live link."""
from __future__ import annotations

import re

from formats.markup import markdown_text, plotly_text

WORD_JOINER = "\u2060"


def test_every_punctuation_mark_is_escaped_and_line_breaks_read_as_spaces() -> None:
    escaped = r"\[a\]\(b\) \*\*c\*\* \$d\$ \:red\[e\] \<img\> f"
    assert markdown_text("[a](b) **c** $d$ :red[e] <img>\n\n    f") == escaped
    assert markdown_text(None) == "" and markdown_text(float("nan")) == ""


def test_web_and_email_addresses_are_broken_where_autolinking_would_find_them() -> None:
    typed = "see https://evil.example, www.evil.example or a.b@nhs.net"
    shown = markdown_text(typed)
    assert not re.search(r"https?://|www\.|\w@", shown.replace("\\", ""))  # no pattern a linker finds
    assert shown.replace(WORD_JOINER, "").replace("\\", "") == typed


def test_plotly_text_escapes_its_html() -> None:
    assert plotly_text("<a href='x'>S & co</a>") == "&lt;a href='x'&gt;S &amp; co&lt;/a&gt;"
