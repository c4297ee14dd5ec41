"""Read queries for the theme explorer: sub-themes by series and element, and verbatim feedback with search.
Feedback filtered by staff group is a breakdown of people's feedback, so its counts are suppressed."""
from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
import pandas as pd
from sqlalchemy import Engine, func, literal, select
from sqlalchemy.orm import aliased

from data_access.database import read_frame
from data_access.filters import NOT_TAGGED, UNKNOWN, Filters, apply, apply_feedback, sessions_joined
from data_access.models import Feedback, FeedbackSubTheme, Organisation, Series, Session
from data_access.search import Node, matches, parse, sql_condition
from data_access.suppression import is_small, publish_table, published_count
from domain import taxonomy
from domain.thresholds import MOVEMENT_POINTS
from domain.vocabulary import HIDDEN, SESSION_HELD


def _feedback_query(columns: list, filters: Filters, *, ignore_sub_themes: bool = False):
    query = sessions_joined(select(*columns).select_from(Feedback).join(Session, Session.id == Feedback.session_id))
    return apply_feedback(apply(query, filters), filters, ignore_sub_themes=ignore_sub_themes)


def sub_theme_names(engine: Engine, org_code: str) -> list[str]:
    """Sub-themes used in the organisation's feedback, alphabetically, then "Not yet tagged".

    Each name in use anywhere is looked up in the index, then kept if one of this organisation's items carries it:
    a few dozen lookups, where reading every tag of a large trust's five years (188,000) took a quarter of a second."""
    names = _names_in_use()
    tag = aliased(FeedbackSubTheme)
    carried = (sessions_joined(select(tag.feedback_id).join(Feedback, Feedback.id == tag.feedback_id)
                               .join(Session, Session.id == Feedback.session_id))
               .where(tag.sub_theme == names.c.name, Organisation.ods_code == org_code))
    # A first match (LIMIT 1), not EXISTS: PostgreSQL turns EXISTS into a join over every tag.
    query = select(names.c.name).where(names.c.name.is_not(None), carried.limit(1).scalar_subquery().is_not(None))
    with engine.connect() as conn:
        return [*sorted(conn.execute(query).scalars()), NOT_TAGGED]


def _names_in_use():
    """Every sub-theme name in use, one index lookup a name (each the least name after the one before): a loose
    index scan, which neither SQLite nor PostgreSQL does for DISTINCT."""
    least = select(func.min(FeedbackSubTheme.sub_theme).label("name")).cte("names", recursive=True)
    later = aliased(FeedbackSubTheme)
    following = select(func.min(later.sub_theme)).where(later.sub_theme > least.c.name).scalar_subquery()
    return least.union_all(select(following).where(least.c.name.is_not(None)))


def session_options(engine: Engine, org_code: str) -> pd.DataFrame:
    """Held sessions that have feedback, newest first: id, date, title, element."""
    query = (sessions_joined(select(Session.id, Session.starts_at, Session.title, Session.element_code))
             .where(Organisation.ods_code == org_code, Session.status == SESSION_HELD)
             .order_by(Session.starts_at.desc()))
    return read_frame(engine, query, ["session_id", "starts_at", "title", "element_code"])


# Items per sub-theme: a plain count is a count of distinct items, because an item carries a sub-theme at most once
# (the tag table's primary key) and no filter joins rows in; counting distinct ids took twice as long.
ITEMS = func.count()


def _series_sub_theme_counts(engine: Engine, filters: Filters) -> pd.DataFrame:
    theme = func.coalesce(FeedbackSubTheme.sub_theme, literal(NOT_TAGGED))
    query = (_feedback_query([Series.name, Series.start_date, theme, ITEMS], filters)
             .outerjoin(FeedbackSubTheme, FeedbackSubTheme.feedback_id == Feedback.id)
             # Grouped on the tag (untagged items are its NULL group), then the series' id, which brings its name and
             # start: the database sorts short keys (a large trust's 188,000 tags: 0.42 s to 0.20 s on SQLite).
             .group_by(FeedbackSubTheme.sub_theme, Series.id))
    frame = read_frame(engine, query, ["series", "start_date", "sub_theme", "items"])
    if filters.sub_themes:
        frame = frame[frame["sub_theme"].isin(filters.sub_themes)]
    return (frame.pivot_table(index=["start_date", "series"], columns="sub_theme", values="items", aggfunc="sum",
                              fill_value=0).droplevel("start_date").rename_axis(index=None, columns=None))


def _series_totals(engine: Engine, filters: Filters) -> pd.Series:
    query = (_feedback_query([Series.name, Series.start_date, func.count(Feedback.id)], filters, ignore_sub_themes=True)
             .group_by(Series.name, Series.start_date).order_by(Series.start_date))
    return read_frame(engine, query, ["series", "start_date", "items"]).set_index("series")["items"]


def sub_theme_by_series(engine: Engine, filters: Filters, threshold: int) -> pd.DataFrame:
    """Per series and sub-theme: items tagged, all items in the series, and the sub-theme's share (0–1).
    An item may carry several sub-themes, so shares in a series can add up to more than 1."""
    counts = _series_sub_theme_counts(engine, filters)
    totals = _series_totals(engine, filters)
    if filters.staff_groups:
        counts = publish_table(counts, threshold, _series_sub_theme_counts(engine, filters.without_demographics()))
        whole = _series_totals(engine, filters.without_demographics())
        totals = pd.Series({name: published_count(int(n), int(whole.get(name, 0)), threshold)
                            for name, n in totals.items()}, dtype="Int64")
    long = counts.astype("Int64").rename_axis("series").reset_index().melt(
        id_vars="series", var_name="sub_theme", value_name="items")
    long["series_items"] = long["series"].map(totals).astype("Int64")
    long["share"] = long["items"].astype("Float64") / long["series_items"]
    return long.sort_values(["series", "items"], key=_series_then_count(list(totals.index)),
                            ascending=[True, False]).reset_index(drop=True)


def _series_then_count(order: list[str]):
    def key(column: pd.Series) -> pd.Series:
        return column.map({name: n for n, name in enumerate(order)}) if column.name == "series" else column
    return key


def theme_changes(shares: pd.DataFrame) -> pd.DataFrame:
    """For each series after the first: each sub-theme's share against the series before, and whether it is
    new (never raised before), growing, fading (down, or gone) or steady. The change is exact, never rounded
    before it is tested: 1.98 points is steady, 2 points growing."""
    series = list(dict.fromkeys(shares["series"]))
    wide, items, totals = (shares.pivot(index="sub_theme", columns="series", values=column).reindex(columns=series)
                           for column in ("share", "items", "series_items"))
    so_far = items.fillna(0).cumsum(axis=1)  # items raised up to and including each series
    pairs = [pd.DataFrame({"series": now, "sub_theme": wide.index, "previous_share": wide[before].to_numpy(),
                           "share": wide[now].to_numpy(), "items_now": items[now].to_numpy(),
                           "items_before": so_far[before].to_numpy(),
                           "change_points": _points(items[now], totals[now], items[before], totals[before])})
             for before, now in pairwise(series)]
    columns = ["series", "sub_theme", "previous_share", "share", "change_points", "status"]
    if not pairs:
        return pd.DataFrame(columns=columns)
    changes = pd.concat(pairs, ignore_index=True)
    hidden = changes[["previous_share", "share", "items_now"]].isna().any(axis=1)
    points = changes["change_points"]
    status = np.select(
        [hidden, (changes["items_now"] > 0) & (changes["items_before"] == 0),
         (changes["items_now"] == 0) & (changes["previous_share"] > 0), points >= MOVEMENT_POINTS,
         points <= -MOVEMENT_POINTS],
        [HIDDEN, "new", "gone", "growing", "fading"], "steady")
    return changes.assign(change_points=points.mask(hidden), status=status)[columns]


def _points(items: pd.Series, total: pd.Series, items_before: pd.Series, total_before: pd.Series) -> np.ndarray:
    """The change in share, in percentage points, from the counts in one division: the difference of two shares,
    each already a rounded float, can miss a threshold it meets (12% less 10% is 1.9999999999999996)."""
    change = 100 * (items * total_before - items_before * total) / (total * total_before)
    return change.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)


def sub_theme_by_element(engine: Engine, filters: Filters, threshold: int) -> pd.DataFrame:
    """Items per sub-theme and People Promise element, whatever the element filter, so the same sub-theme
    can be followed across elements; sub-themes raised under most elements first."""
    theme = func.coalesce(FeedbackSubTheme.sub_theme, literal(NOT_TAGGED))

    def table(chosen: Filters) -> pd.DataFrame:
        query = (_feedback_query([theme, Session.element_code, ITEMS], chosen)
                 .outerjoin(FeedbackSubTheme, FeedbackSubTheme.feedback_id == Feedback.id)
                 .group_by(FeedbackSubTheme.sub_theme, Session.element_code))  # the tag, not its label
        frame = read_frame(engine, query, ["sub_theme", "element_code", "items"])
        if chosen.sub_themes:
            frame = frame[frame["sub_theme"].isin(chosen.sub_themes)]
        return frame.pivot_table(index="sub_theme", columns="element_code", values="items", aggfunc="sum",
                                 fill_value=0)

    everywhere = replace(filters, elements=())
    counts = table(everywhere)
    if filters.staff_groups:
        counts = publish_table(counts, threshold, table(everywhere.without_demographics()))
    order = [code for code in taxonomy.ELEMENT_CODES if code in counts.columns]
    counts = counts.reindex(columns=order).astype("Int64")
    spread = (counts.fillna(0) > 0).sum(axis=1) * 100_000 + counts.fillna(0).sum(axis=1)
    return counts.loc[spread.sort_values(ascending=False).index].rename_axis(index="sub_theme", columns=None)


@dataclass(frozen=True)
class Verbatim:
    """Feedback items matching the filters and search (the newest, up to a limit) and how many match in all; under a
    staff-group filter, how many sessions' items were left out because showing them would single people out."""
    items: pd.DataFrame
    total: int
    left_out: int = 0

    @property
    def withheld(self) -> bool:
        """True when the filters match items, but none could be shown."""
        return self.left_out > 0 and self.total == 0


_ITEM_COLUMNS = ["session_id", "prompt", "source", "text", "sub_themes"]


def verbatim(engine: Engine, filters: Filters, search: str, threshold: int, limit: int | None = None) -> Verbatim:
    """Feedback items that match the search (data_access.search), newest session first, as the feedback view shows
    them and its downloads hold them: date, series, session, element (by name), prompt, source, text, sub_themes.

    With a limit, only the newest that many are kept (a large trust has 97,000 items, and a page shows a few
    thousand): without a search, only they are read and the rest counted."""
    node = parse(search)
    left_out: list[int] = []
    if filters.staff_groups:
        safe, left_out = _safe_sessions(engine, filters, node, threshold)
        filters = replace(filters, sessions=safe or (-1,))  # no safe session: an id no session has
    items, total = _matching(engine, filters, node, limit)
    return Verbatim(_shown(engine, filters.org_code, items), total, len(left_out))


def _matching(engine: Engine, filters: Filters, node: Node | None, limit: int | None) -> tuple[pd.DataFrame, int]:
    """The newest matching items, up to the limit, and how many match: counted by the database when there is no
    search, since a search's matches are only known once each item's words are checked here."""
    tags = (select(func.aggregate_strings(FeedbackSubTheme.sub_theme, "; "))
            .where(FeedbackSubTheme.feedback_id == Feedback.id).scalar_subquery())
    # Each item's session is read once a session, not once an item (_shown): a large trust's 97,000 items repeated
    # four columns of a few hundred sessions, a third of this query's time.
    query = _feedback_query([Feedback.session_id, Feedback.prompt, Feedback.source, Feedback.text, tags], filters)
    newest_first = (Session.starts_at.desc(), Feedback.id)
    if node is None:
        counted = select(func.count()).select_from(_feedback_query([Feedback.id], filters).subquery())
        with engine.connect() as conn:
            total = conn.execute(counted).scalar_one()
        return read_frame(engine, query.order_by(*newest_first).limit(limit), _ITEM_COLUMNS), total
    candidates = read_frame(engine, query.where(sql_condition(node, Feedback.text)).order_by(*newest_first),
                            _ITEM_COLUMNS)
    found = candidates.loc[candidates["text"].map(lambda text: matches(node, text)).astype(bool)]
    return found.iloc[:limit].reset_index(drop=True), len(found)


def _shown(engine: Engine, org_code: str, items: pd.DataFrame) -> pd.DataFrame:
    """Items with where they were said and their sub-themes in order, in the view's columns."""
    where = _sessions_shown(engine, org_code).reindex(items["session_id"]).reset_index(drop=True)
    return pd.concat([where, items[["prompt", "source", "text"]], _sorted_tags(items["sub_themes"])], axis=1)


def _sessions_shown(engine: Engine, org_code: str) -> pd.DataFrame:
    """The organisation's sessions as an item shows where it was said: date, series, title, element by name."""
    query = (sessions_joined(select(Session.id, Session.starts_at, Series.name, Session.title, Session.element_code))
             .where(Organisation.ods_code == org_code))
    sessions = read_frame(engine, query, ["session_id", "starts_at", "series", "session", "element_code"])
    return sessions.assign(date=pd.to_datetime(sessions["starts_at"]).dt.date,
                           element=sessions["element_code"].map(taxonomy.element_label)
                           ).set_index("session_id")[["date", "series", "session", "element"]]


def _sorted_tags(tags: pd.Series) -> pd.Series:
    """Each item's sub-themes in alphabetical order (the database joins them in any order), or "Not yet tagged"."""
    several = tags.str.contains("; ", regex=False).fillna(False).astype(bool)
    shown = tags.mask(tags.isna() | (tags == ""), NOT_TAGGED)
    shown[several] = shown[several].map(lambda joined: "; ".join(sorted(joined.split("; "))))
    return shown


def _safe_sessions(engine: Engine, filters: Filters, node: Node | None,
                   threshold: int) -> tuple[tuple[int, ...], list[int]]:
    """(sessions whose items may be shown by staff group, sessions left out): a session is left out when any staff
    group there, chosen or not and unknown included, made some but fewer than `threshold` of the items the other
    filters and the search pick out. Then no view by staff group, nor its difference from the same view with one
    group more or fewer, or from the view of all staff, shows a few people's words as theirs."""
    group = func.coalesce(Feedback.staff_group, literal(UNKNOWN))
    everyone = filters.without_demographics()
    if node is None:
        query = (_feedback_query([Feedback.session_id, group, func.count()], everyone)
                 .group_by(Feedback.session_id, group))
        counts = read_frame(engine, query, ["session", "group", "items"]).set_index(["session", "group"])["items"]
    else:
        query = (_feedback_query([Feedback.session_id, group, Feedback.text], everyone)
                 .where(sql_condition(node, Feedback.text)))
        found = read_frame(engine, query, ["session", "group", "text"])
        found = found[found["text"].map(lambda text: matches(node, text)).astype(bool)]
        counts = found.groupby(["session", "group"]).size()
    small = counts[counts.map(lambda n: is_small(int(n), threshold))]
    unsafe = sorted({int(session) for session, _ in small.index})
    safe = tuple(sorted({int(session) for session, _ in counts.index} - set(unsafe)))
    return safe, unsafe
