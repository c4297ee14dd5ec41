"""The schema: SQLAlchemy 2 typed models for every table (docs/data-model.md)."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from domain.vocabulary import (
    ACTION_STATUSES,
    FEEDBACK_SOURCES,
    SESSION_FORMATS,
    SESSION_STATUSES,
    SUB_THEME_CHANGES,
    TAG_CHANGES,
    TAG_CONFIRMED,
    TAG_STATUSES,
    TEAMS_ROLES,
    one_of,
)


class Base(DeclarativeBase):
    # Every model is mapped to a plain Table (SQLAlchemy types __table__ as any FromClause, which also covers
    # mappings to joins and selects that this schema does not use).
    __table__: ClassVar[Table]


class Organisation(Base):
    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    ods_code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    benchmark_group: Mapped[str] = mapped_column(String(200), index=True)


class Metric(Base):
    """The People Promise taxonomy as data, so SQL can join and filter on it."""
    __tablename__ = "metric"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    official_name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(100))
    session_label: Mapped[str | None] = mapped_column(String(100))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("metric.code"))
    sort_order: Mapped[int] = mapped_column(Integer)


class MetricAlias(Base):
    __tablename__ = "metric_alias"
    alias: Mapped[str] = mapped_column(String(120), primary_key=True)
    metric_code: Mapped[str] = mapped_column(ForeignKey("metric.code"))


class Series(Base):
    __tablename__ = "series"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    name: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    cadence: Mapped[str] = mapped_column(String(50))
    description: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)


class Session(Base):
    __tablename__ = "session"
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    element_code: Mapped[str] = mapped_column(ForeignKey("metric.code"), index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    host_roles: Mapped[str] = mapped_column(String(300))
    format: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    key_themes: Mapped[str] = mapped_column(Text, default="")
    recording_url: Mapped[str | None] = mapped_column(String(500))
    slides_url: Mapped[str | None] = mapped_column(String(500))
    __table_args__ = (
        UniqueConstraint("series_id", "starts_at"),
        CheckConstraint(one_of("format", SESSION_FORMATS), name="session_format"),
        CheckConstraint(one_of("status", SESSION_STATUSES), name="session_status"),
    )


class Attendance(Base):
    """One row per person per session; person_key is a keyed hash, never a name or an email."""
    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    # No index on person_key alone: keys are hashes, so a million-entry index took each import's rows at random
    # pages; the (session_id, person_key) key below serves every lookup.
    person_key: Mapped[str] = mapped_column(String(64))
    staff_group: Mapped[str | None] = mapped_column(String(100))
    division: Mapped[str | None] = mapped_column(String(100))
    band: Mapped[str | None] = mapped_column(String(20))
    teams_role: Mapped[str] = mapped_column(String(20))
    minutes_attended: Mapped[float] = mapped_column(Float)
    __table_args__ = (
        UniqueConstraint("session_id", "person_key"),
        CheckConstraint(one_of("teams_role", TEAMS_ROLES), name="attendance_role"),
        CheckConstraint("minutes_attended >= 0", name="attendance_minutes"),
        Index("ix_attendance_session_role", "session_id", "teams_role"),
    )


class Feedback(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), index=True)
    source: Mapped[str] = mapped_column(String(20), index=True)
    prompt: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    staff_group: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Set when a person has reviewed the item's sub-themes (even to say none fits), so it leaves the review queue.
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (CheckConstraint(one_of("source", FEEDBACK_SOURCES), name="feedback_source"),)


class SubTheme(Base):
    """One sub-theme on an organisation's list, which its OD team keeps; a retired one stays for the items it tags."""
    __tablename__ = "sub_theme"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The People Promise element it usually belongs to, when there is one.
    element_code: Mapped[str | None] = mapped_column(ForeignKey("metric.code"))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)


class SubThemeChange(Base):
    """The audit of an organisation's sub-theme list: one row per addition, rename, merge, retirement."""
    __tablename__ = "sub_theme_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    change: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    # The new name of a rename, the sub-theme a merge went into, the new description.
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    items: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (CheckConstraint(one_of("change", SUB_THEME_CHANGES), name="sub_theme_change_kind"),)


class TagModel(Base):
    """A trained sub-theme classifier of one organisation, with what it was trained on and how well it did."""
    __tablename__ = "tag_model"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    version: Mapped[int] = mapped_column(Integer)
    trained_at: Mapped[datetime] = mapped_column(DateTime)
    trained_by: Mapped[str] = mapped_column(String(100))
    # Where its examples came from: the organisation's own confirmed tags, or the shipped sample bank.
    trained_on: Mapped[str] = mapped_column(String(30))
    items: Mapped[int] = mapped_column(Integer)
    labels: Mapped[int] = mapped_column(Integer)
    metrics: Mapped[str] = mapped_column(Text, default="", server_default="")
    model: Mapped[bytes] = mapped_column(LargeBinary)
    __table_args__ = (UniqueConstraint("organisation_id", "version"),)


class FeedbackSubTheme(Base):
    """Sub-theme tags of a feedback item (many per item); untagged items have none. A tag is confirmed (by a person
    or a coded import) or suggested by a model with a confidence; sub_theme is a name on the organisation's list."""
    __tablename__ = "feedback_sub_theme"
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True)
    sub_theme: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)
    status: Mapped[str] = mapped_column(String(20), default=TAG_CONFIRMED, server_default=TAG_CONFIRMED, index=True)
    confidence: Mapped[float | None] = mapped_column(Float)
    model_id: Mapped[int | None] = mapped_column(ForeignKey("tag_model.id", ondelete="SET NULL"))
    tagged_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    tagged_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(one_of("status", TAG_STATUSES), name="feedback_sub_theme_status"),
        CheckConstraint("confidence is null or (confidence >= 0 and confidence <= 1)",
                        name="feedback_sub_theme_confidence"),
    )


class TagChange(Base):
    """The audit of one item's tags: who added, removed or accepted which sub-theme, and when."""
    __tablename__ = "tag_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"), index=True)
    sub_theme: Mapped[str] = mapped_column(String(60))
    change: Mapped[str] = mapped_column(String(20))
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (CheckConstraint(one_of("change", TAG_CHANGES), name="tag_change_kind"),)


class Action(Base):
    __tablename__ = "action"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"), index=True)
    element_code: Mapped[str] = mapped_column(ForeignKey("metric.code"), index=True)
    you_said: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), index=True)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    completed_date: Mapped[date | None] = mapped_column(Date)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    internal_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Bumped on every change so an edit made from a stale copy can be refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __table_args__ = (
        CheckConstraint(one_of("status", ACTION_STATUSES), name="action_status"),
    )


class ActionChange(Base):
    """The audit trail of the action register: one row per field changed."""
    __tablename__ = "action_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    field: Mapped[str] = mapped_column(String(30))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class SurveyScore(Base):
    __tablename__ = "survey_score"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    survey_year: Mapped[int] = mapped_column(Integer)
    published_on: Mapped[date | None] = mapped_column(Date)
    metric_code: Mapped[str] = mapped_column(ForeignKey("metric.code"), index=True)
    score: Mapped[float | None] = mapped_column(Float)
    responses: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("organisation_id", "survey_year", "metric_code"),
        CheckConstraint("score is null or (score >= 0 and score <= 10)", name="survey_score_range"),
    )


class BenchmarkScore(Base):
    """An organisation's benchmarking group's best, average (median) and worst for one score and survey year, as the
    organisation's own import gave them: from the NHS workbook, over every organisation in the group, the trust
    included (organisations: how many had a score); from a trust's own table, its figures as given (organisations
    unknown). Another trust's import never changes them."""
    __tablename__ = "benchmark_score"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    benchmark_group: Mapped[str] = mapped_column(String(200))
    survey_year: Mapped[int] = mapped_column(Integer)
    metric_code: Mapped[str] = mapped_column(ForeignKey("metric.code"))
    best: Mapped[float | None] = mapped_column(Float)
    average: Mapped[float | None] = mapped_column(Float)
    worst: Mapped[float | None] = mapped_column(Float)
    organisations: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("organisation_id", "survey_year", "metric_code"),)


class Workforce(Base):
    __tablename__ = "workforce"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    as_at: Mapped[date] = mapped_column(Date)
    staff_group: Mapped[str] = mapped_column(String(100))
    division: Mapped[str] = mapped_column(String(100))
    headcount: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("organisation_id", "as_at", "staff_group", "division"),
        CheckConstraint("headcount >= 0", name="workforce_headcount"),
    )


class Person(Base):
    """The staff-list lookup: keyed-hash person key to staff group, division and band, nothing else."""
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    person_key: Mapped[str] = mapped_column(String(64))  # looked up by (organisation_id, person_key), the key below
    staff_group: Mapped[str | None] = mapped_column(String(100))
    division: Mapped[str | None] = mapped_column(String(100))
    band: Mapped[str | None] = mapped_column(String(20))
    __table_args__ = (UniqueConstraint("organisation_id", "person_key"),)


class ImportBatch(Base):
    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    rows: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text, default="")
    added: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DataVersion(Base):
    """One row whose number goes up in the same transaction as every write (imports, action changes), so any
    process can tell with one read that what it has cached is out of date."""
    __tablename__ = "data_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    __table_args__ = (CheckConstraint("id = 1", name="data_version_one_row"),)


class AppRole(Base):
    """The role table the OD team keeps: a staff user's email (lower case) and their role in the app. Used when the
    identity provider's token carries no role."""
    __tablename__ = "app_role"
    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    granted_by: Mapped[str] = mapped_column(String(254))
    granted_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (CheckConstraint("role in ('executive', 'od_team', 'facilitator')", name="app_role_role"),)


class NoAccessAttempt(Base):
    """A signed-in staff user with no role tried to open the app: who and when, for the OD team to follow up."""
    __tablename__ = "no_access_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    attempted_at: Mapped[datetime] = mapped_column(DateTime)
