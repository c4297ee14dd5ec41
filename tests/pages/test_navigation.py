"""Every page, as every role opens it, runs inside dashboard.py: the shared filters, who is signed in, the page."""
from __future__ import annotations

import pytest

from data_access.permissions import ROLE_LABELS, pages_for
from ui.page_list import PAGE_SCRIPTS, page_title


@pytest.mark.parametrize(("role", "key"), [(role, key) for role in ROLE_LABELS for key in pages_for(role)])
def test_each_page_runs_with_the_sidebar_filters_and_keeps_them(app, role, key):
    at = app(role=role, element="Work flexibly")
    assert at.title[0].value == page_title(pages_for(role)[0])  # the root opens the role's home page
    script, title, _ = PAGE_SCRIPTS[key]
    at.switch_page(script).run()
    assert not at.exception
    assert at.title[0].value == title
    assert [box.label for box in at.sidebar.multiselect][:2] == ["Series", "People Promise element"]
    assert at.sidebar.multiselect(key="element").value == ["Work flexibly"]
    assert at.sidebar.caption[0].value == f"Signed in as: {ROLE_LABELS[role]}"
