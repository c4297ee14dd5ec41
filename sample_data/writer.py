"""Write a generated dataset as the files the importers take (docs/input-formats.md)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from sample_data.generator import RawDataset
from sample_data.teams_report import ReportStyle, render


def report_style(starts_at: pd.Timestamp, n: int) -> ReportStyle:
    """Older sessions in the legacy layout; a mix of locales and encodings as real exports come."""
    if starts_at.year == 2022 and starts_at.month < 10:
        return ReportStyle("legacy", "uk", "utf-16-le")
    encodings = ("utf-16-le", "utf-16-le", "utf-16-be", "utf-8-sig")
    return ReportStyle("sections", "us" if n % 5 == 3 else "uk", encodings[n % len(encodings)])


def _with_session_key(frame: pd.DataFrame, sessions: pd.DataFrame) -> pd.DataFrame:
    keyed = frame.copy()
    starts = sessions["starts_at"].iloc[keyed["session_idx"]].reset_index(drop=True)
    keyed.insert(0, "org_code", sessions["org_code"].iloc[keyed["session_idx"]].to_numpy())
    keyed.insert(1, "session_date", pd.to_datetime(starts).dt.strftime("%Y-%m-%d").to_numpy())
    keyed.insert(2, "session_title", sessions["title"].iloc[keyed["session_idx"]].to_numpy())
    return keyed.drop(columns="session_idx")


def write_files(data: RawDataset, folder: Path) -> list[Path]:
    """Write every sample file into folder; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def csv(name: str, frame: pd.DataFrame) -> None:
        path = folder / name
        frame.to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\n")
        written.append(path)

    csv("organisations.csv", data.organisations)
    csv("series.csv", data.series)
    sessions = data.sessions.assign(starts_at=pd.to_datetime(data.sessions["starts_at"]).dt.strftime("%Y-%m-%d %H:%M"))
    csv("sessions.csv", sessions)
    # A staff list covering several trusts says whose each person is; a single trust's does not need to.
    several = data.organisations["ods_code"].nunique() > 1
    csv("people.csv", data.people[["org_code"] * several + ["email", "staff_group", "division", "band"]])
    csv("feedback.csv", _with_session_key(data.feedback, data.sessions).assign(
        created_at=lambda f: f["created_at"].dt.strftime("%Y-%m-%d %H:%M")))
    csv("actions.csv", _with_session_key(data.actions, data.sessions))
    csv("workforce.csv", data.workforce)
    written.append(_write_workbook(data.survey_sheets, folder / "nhs_staff_survey_benchmarks.xlsx"))
    written += _write_teams_reports(data, folder / "attendance")
    return written


def _write_workbook(sheets: dict[str, pd.DataFrame], path: Path) -> Path:
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        for name, frame in sheets.items():
            frame.to_excel(book, sheet_name=name[:31], index=False)
    return path


def _write_teams_reports(data: RawDataset, folder: Path) -> list[Path]:
    paths = []
    for n, (idx, rows) in enumerate(data.attendance.groupby("session_idx", sort=True)):
        session = data.sessions.loc[idx]
        starts_at = pd.Timestamp(session["starts_at"])
        path = folder / session["org_code"] / f"{starts_at:%Y-%m-%d}_teams_attendance.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(f"Big Conversation: {session['title']}", rows, report_style(starts_at, n)))
        paths.append(path)
    return paths
