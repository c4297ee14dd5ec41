"""Every organisation starts with the starter sub-theme list (domain/sub_themes.py), which its OD team then keeps."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select

from data_access.models import Organisation, SubTheme, SubThemeChange
from domain.sub_themes import STARTER_SUB_THEMES
from domain.vocabulary import SUB_THEME_ADDED

STARTER_LIST = "starter list"


def give_starter_lists(conn: Connection) -> list[int]:
    """Give each organisation that has no sub-theme list the starter list, recorded in its audit; the ids given one."""
    listed = select(SubTheme.organisation_id).distinct()
    bare = conn.execute(select(Organisation.id).where(Organisation.id.not_in(listed))).scalars().all()
    if not bare:
        return []
    now = datetime.now()
    conn.execute(insert(SubTheme), [{"organisation_id": org, "name": theme.name, "description": theme.description,
                                     "element_code": theme.element_code}
                                    for org in bare for theme in STARTER_SUB_THEMES])
    conn.execute(insert(SubThemeChange), [{"organisation_id": org, "change": SUB_THEME_ADDED, "name": theme.name,
                                           "detail": f"from the {STARTER_LIST}", "items": 0,
                                           "changed_by": STARTER_LIST, "changed_at": now}
                                          for org in bare for theme in STARTER_SUB_THEMES])
    return list(bare)
