"""Write canonical frames to the database by natural key: new rows are added, changed rows updated,
identical rows left alone, so loading the same data twice changes nothing."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from data_access.filters import NOT_TAGGED
from data_access.models import (
    Action,
    Attendance,
    BenchmarkScore,
    Feedback,
    FeedbackSubTheme,
    Organisation,
    Person,
    Series,
    Session,
    SurveyScore,
    Workforce,
)
from data_access.starter_lists import give_starter_lists
from domain.vocabulary import TAG_CONFIRMED, TAG_SUGGESTED

CHUNK = 5000


def _key_text(values: pd.Series) -> pd.Series:
    """Key values in one comparable text form, whatever type the database or the file gave."""
    def one(value: object) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
            return ""
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(value, date):
            return value.isoformat()
        return str(value)
    # Whole-column forms for the common key types (a large import's keys are integers and text).
    if pd.api.types.is_integer_dtype(values.dtype) and values.notna().all():
        return values.astype("int64").astype(str)
    if pd.api.types.is_string_dtype(values.dtype):
        return values.fillna("").astype(str)
    return values.map(one)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain Python values, with missing values as None (column by column: far faster than to_dict)."""
    names = list(frame.columns)  # a plain list: zipping with the pandas Index itself was ten times slower
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in names]
    return [dict(zip(names, row)) for row in zip(*columns)]


def sync(conn: Connection, table: Table, frame: pd.DataFrame, keys: list[str], scope: str | None = None, *,
         write: bool = True, stamp: dict[str, object] | None = None) -> dict[str, int]:
    """Insert new rows and update changed ones, matching on the natural key; returns the counts.

    write=False only counts what would change. stamp gives columns (who changed a row, when) that are set on
    added and changed rows but never compared, so a re-import of the same rows stays a no-op."""
    if frame.empty:
        return {"added": 0, "updated": 0, "unchanged": 0}
    query = select(table.c.id, *[table.c[c] for c in frame.columns])
    if scope:
        query = query.where(table.c[scope].in_(frame[scope].drop_duplicates().tolist()))
    existing = pd.DataFrame(conn.execute(query).mappings().all(), columns=["id", *frame.columns])
    incoming = frame.assign(_key=_joined_key(frame, keys))
    current = existing.assign(_key=_joined_key(existing, keys)).drop_duplicates("_key")
    merged = incoming.merge(current, on="_key", how="left", suffixes=("", "_db"))
    new = merged[merged["id"].isna()][list(frame.columns)]
    old = merged[merged["id"].notna()]
    values = [c for c in frame.columns if c not in keys]
    changed = old[_differs(old, values)] if values else old.iloc[0:0]
    counts = {"added": len(new), "updated": len(changed), "unchanged": len(old) - len(changed)}
    if not write:
        return counts
    if stamp:
        new, changed, values = new.assign(**stamp), changed.assign(**stamp), [*values, *stamp]
    for start in range(0, len(new), CHUNK):
        conn.execute(insert(table), _records(new.iloc[start:start + CHUNK]))
    if not changed.empty:
        params = changed[values].rename(columns=lambda c: f"v_{c}").assign(b_id=changed["id"].astype(int))
        conn.execute(update(table).where(table.c.id == bindparam("b_id")).values(
            {c: bindparam(f"v_{c}") for c in values}), _records(params))
    return counts


def _joined_key(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    if frame.empty:
        return pd.Series([], dtype=str)
    parts = [_key_text(frame[k]) for k in keys]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + "\x1f" + part
    return joined


def _differs(merged: pd.DataFrame, columns: list[str]) -> pd.Series:
    result = pd.Series(False, index=merged.index)
    for column in columns:
        result |= _key_text(merged[column]) != _key_text(merged[f"{column}_db"])
    return result


def id_map(conn: Connection, table: Table, keys: list[str], where=None) -> pd.DataFrame:
    """The ids of existing rows with their natural-key columns, to resolve references."""
    query = select(table.c.id, *[table.c[k] for k in keys])
    if where is not None:
        query = query.where(where)
    return pd.DataFrame(conn.execute(query).mappings().all(), columns=["id", *keys])


def load_organisations(conn: Connection, frame: pd.DataFrame) -> dict[str, int]:
    """Organisations by ODS code; a new one starts with the starter sub-theme list."""
    counts = sync(conn, Organisation.__table__, frame[["ods_code", "name", "benchmark_group"]], ["ods_code"])
    give_starter_lists(conn)
    return counts


def organisation_ids(conn: Connection) -> dict[str, int]:
    ids = id_map(conn, Organisation.__table__, ["ods_code"])
    return dict(zip(ids["ods_code"], ids["id"]))


def load_series(conn: Connection, frame: pd.DataFrame) -> dict[str, int]:
    return sync(conn, Series.__table__, _by_organisation(conn, frame), ["organisation_id", "name"])


def series_keys(conn: Connection) -> pd.DataFrame:
    """Every series' id with the organisation code and name that identify it in files."""
    return pd.DataFrame(conn.execute(
        select(Series.id.label("series_id"), Series.name.label("series"), Organisation.ods_code.label("org_code"))
        .join(Organisation, Organisation.id == Series.organisation_id)).mappings().all(),
        columns=["series_id", "series", "org_code"])


def load_sessions(conn: Connection, frame: pd.DataFrame, write: bool = True) -> dict[str, int]:
    rows = frame.merge(series_keys(conn), on=["org_code", "series"], how="left").drop(columns=["org_code", "series"])
    return sync(conn, Session.__table__, rows.astype({"series_id": "Int64"}), ["series_id", "starts_at"], write=write)


def session_keys(conn: Connection) -> pd.DataFrame:
    """Every session's id with the organisation, date and title that identify it in files."""
    query = (select(Session.id.label("session_id"), Organisation.ods_code.label("org_code"),
                    Session.starts_at, Session.title)
             .join(Series, Series.id == Session.series_id)
             .join(Organisation, Organisation.id == Series.organisation_id))
    keys = pd.DataFrame(conn.execute(query).mappings().all(), columns=["session_id", "org_code", "starts_at", "title"])
    keys["session_date"] = pd.to_datetime(keys["starts_at"]).dt.strftime("%Y-%m-%d")
    return keys


def load_attendance(conn: Connection, frame: pd.DataFrame, write: bool = True) -> dict[str, int]:
    """Attendance rows carry session_id and person_key; one row per person per session."""
    # In key order, rows go into the (session_id, person_key) index one after another rather than at random pages.
    frame = frame.sort_values(["session_id", "person_key"], kind="stable")
    return sync(conn, Attendance.__table__, frame, ["session_id", "person_key"], scope="session_id", write=write)


def load_people(conn: Connection, frame: pd.DataFrame, write: bool = True) -> dict[str, int]:
    """Staff-list rows: organisation_id, person_key, staff_group, division, band."""
    return sync(conn, Person.__table__, frame, ["organisation_id", "person_key"], scope="organisation_id", write=write)


def staff_of(conn: Connection, organisation_id: int, person_keys: list[str]) -> pd.DataFrame:
    """person_key, staff_group, division, band of the given people in an organisation's staff list.

    The organisation's whole list is read (one range of its key, a trust's staff at most) and matched here: looking
    up a large report's keys a chunk at a time took each one to a random page of every organisation's list."""
    query = select(Person.person_key, Person.staff_group, Person.division, Person.band).where(
        Person.organisation_id == organisation_id)
    wanted = set(person_keys)  # a set, not Series.isin: pandas' Arrow strings took a second over 100,000 keys
    found = [tuple(row) for row in conn.execute(query) if row.person_key in wanted]
    return pd.DataFrame(found, columns=["person_key", "staff_group", "division", "band"])


def retag_attendance(conn: Connection, organisation_id: int, people: pd.DataFrame, write: bool = True) -> int:
    """Give an organisation's attendance rows the staff group, division and band of people (by person_key);
    returns how many rows change."""
    # The organisation's attendance is read whole (by its sessions, on the session key) and matched here: with no
    # index on person_key alone, looking people up by key could read every session's rows once per chunk of keys.
    sessions = (select(Session.id).join(Series, Series.id == Session.series_id)
                .where(Series.organisation_id == organisation_id))
    current = conn.execute(select(Attendance.id, Attendance.person_key, Attendance.staff_group, Attendance.division,
                                  Attendance.band).where(Attendance.session_id.in_(sessions))).all()
    merged = pd.DataFrame(current, columns=["id", "person_key", "staff_group", "division", "band"]).merge(
        people[["person_key", "staff_group", "division", "band"]], on="person_key", suffixes=("_db", ""))
    changed = merged[_differs(merged, ["staff_group", "division", "band"])]
    if write and not changed.empty:
        params = changed[["staff_group", "division", "band"]].rename(columns=lambda c: f"v_{c}").assign(
            b_id=changed["id"].astype(int))
        conn.execute(update(Attendance.__table__).where(Attendance.id == bindparam("b_id")).values(
            {c: bindparam(f"v_{c}") for c in ("staff_group", "division", "band")}), _records(params))
    return len(changed)


def load_feedback(conn: Connection, frame: pd.DataFrame, write: bool = True, *,
                  tagged_by: str) -> dict[str, int]:
    """Feedback items with a ';'-separated sub_themes column of names on the organisation's list (tags the file
    gives are confirmed, by tagged_by); an item is the same if its words and time are."""
    items = frame.drop(columns="sub_themes")
    counts = sync(conn, Feedback.__table__, items, ["session_id", "prompt", "text", "created_at"], scope="session_id",
                  write=write)
    if not write:
        return counts
    sessions = items["session_id"].drop_duplicates().tolist()
    ids = id_map(conn, Feedback.__table__, ["session_id", "prompt", "text", "created_at"],
                 Feedback.session_id.in_(sessions))
    key = ["session_id", "prompt", "text", "created_at"]
    tagged = frame.assign(_key=_joined_key(frame, key)).merge(
        ids.assign(_key=_joined_key(ids, key))[["_key", "id"]], on="_key")
    tags = (tagged.assign(sub_theme=tagged["sub_themes"].fillna("").str.split(";"))
            .explode("sub_theme").assign(sub_theme=lambda t: t["sub_theme"].str.strip()))
    # "Not yet tagged" is how the app shows an item with no sub-theme (its downloads too), never a sub-theme itself.
    untagged = (tags["sub_theme"] == "") | (tags["sub_theme"].str.casefold() == NOT_TAGGED.casefold())
    _confirm_tags(conn, tags[~untagged].rename(columns={"id": "feedback_id"})[["feedback_id", "sub_theme"]],
                  sessions, tagged_by)
    return counts


def _confirm_tags(conn: Connection, tags: pd.DataFrame, sessions: list, tagged_by: str) -> None:
    """Add the confirmed tags a file gives; an item given any loses the suggestions it had, since a person has now
    said what it is about."""
    # By session, not by item: a region's half a million item ids would overflow SQLite's limit on parameters.
    existing = pd.DataFrame(conn.execute(select(FeedbackSubTheme.feedback_id, FeedbackSubTheme.sub_theme,
                                                FeedbackSubTheme.status)
                                         .join(Feedback, Feedback.id == FeedbackSubTheme.feedback_id)
                                         .where(Feedback.session_id.in_(sessions))).all(),
                            columns=["feedback_id", "sub_theme", "status"])
    suggested = existing[(existing["status"] == TAG_SUGGESTED) & existing["feedback_id"].isin(tags["feedback_id"])]
    for start in range(0, len(suggested), CHUNK):
        chunk = suggested.iloc[start:start + CHUNK]
        conn.execute(delete(FeedbackSubTheme).where(FeedbackSubTheme.status == TAG_SUGGESTED,
                                                    FeedbackSubTheme.feedback_id.in_(chunk["feedback_id"].tolist())))
    confirmed = existing[existing["status"] == TAG_CONFIRMED][["feedback_id", "sub_theme"]]
    new_tags = (tags.merge(confirmed, how="left", indicator=True).query("_merge == 'left_only'")
                .drop(columns="_merge").drop_duplicates()
                .assign(status=TAG_CONFIRMED, tagged_by=tagged_by, tagged_at=datetime.now()))
    for start in range(0, len(new_tags), CHUNK):
        conn.execute(insert(FeedbackSubTheme), _records(new_tags.iloc[start:start + CHUNK]))


def load_actions(conn: Connection, frame: pd.DataFrame, write: bool = True,
                 stamp: dict[str, object] | None = None) -> dict[str, int]:
    """Actions by session and "you said"; stamp (updated_by, updated_at) marks the rows an import adds or changes."""
    return sync(conn, Action.__table__, frame, ["session_id", "you_said"], write=write, stamp=stamp)


def load_survey(conn: Connection, scores: pd.DataFrame, benchmarks: pd.DataFrame, write: bool = True) -> dict[str, int]:
    """Scores and benchmarks, each by org_code, survey_year and metric_code: an organisation's benchmarks are its
    own, so loading another trust's never changes them."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    key = ["organisation_id", "survey_year", "metric_code"]
    for model, frame in ((SurveyScore, scores), (BenchmarkScore, benchmarks)):
        done = sync(conn, model.__table__, _by_organisation(conn, frame), key, write=write)
        counts = {k: counts[k] + done[k] for k in counts}
    return counts


def _by_organisation(conn: Connection, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with organisation_id in place of org_code."""
    return frame.assign(organisation_id=frame["org_code"].map(organisation_ids(conn))).drop(columns="org_code")


def load_workforce(conn: Connection, frame: pd.DataFrame, write: bool = True) -> dict[str, int]:
    return sync(conn, Workforce.__table__, _by_organisation(conn, frame), ["organisation_id", "as_at", "staff_group",
                                                                          "division"], write=write)
