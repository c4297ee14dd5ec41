"""Write attendance as Microsoft Teams attendance reports, in the layouts and encodings Teams produces."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class ReportStyle:
    layout: str          # "sections" (current three-section report) or "legacy" ("Meeting Summary")
    locale: str          # "uk" or "us"
    encoding: str        # "utf-16-le", "utf-16-be" or "utf-8-sig"


def _stamp(ts: pd.Timestamp, locale: str) -> str:
    if locale == "us":
        return f"{ts.month}/{ts.day}/{ts:%y}, {ts.hour % 12 or 12}:{ts:%M:%S} {'AM' if ts.hour < 12 else 'PM'}"
    return f"{ts:%d/%m/%y, %H:%M:%S}"


def duration_text(seconds: float) -> str:
    """Teams' duration style: '1h 2m 10s', '19m 26s', '55m'."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h"] if hours else []
    if minutes or hours:
        parts.append(f"{minutes}m")
    if secs or not parts:
        parts.append(f"{secs}s")
    return " ".join(parts)


def render(title: str, rows: pd.DataFrame, style: ReportStyle) -> bytes:
    """A whole report as bytes, BOM included, for one meeting's participants."""
    start, end = rows["first_join"].min(), rows["last_leave"].max()
    seconds = (rows["last_leave"] - rows["first_join"]).dt.total_seconds()
    lines = _legacy(title, rows, start, style) if style.layout == "legacy" else \
        _sections(title, rows, start, end, seconds, style)
    text = "\r\n".join(lines) + "\r\n"
    if style.encoding == "utf-8-sig":
        return text.encode("utf-8-sig")
    bom = b"\xff\xfe" if style.encoding == "utf-16-le" else b"\xfe\xff"
    return bom + text.encode(style.encoding)


def _sections(title, rows, start, end, seconds, style) -> list[str]:
    lines = ["1. Summary", f"Meeting title\t{title}", f"Attended participants\t{len(rows)}",
             f"Start time\t{_stamp(start, style.locale)}", f"End time\t{_stamp(end, style.locale)}",
             f"Meeting duration\t{duration_text((end - start).total_seconds())}",
             f"Average attendance time\t{duration_text(seconds.mean())}", "", "2. Participants",
             "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole"]
    for row, secs in zip(rows.itertuples(), seconds):
        lines.append("\t".join([row.name, _stamp(row.first_join, style.locale), _stamp(row.last_leave, style.locale),
                                duration_text(secs), row.email, row.email, row.teams_role]))
    lines += ["", "3. In-Meeting Activities", "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole"]
    for row, secs in zip(rows.itertuples(), seconds):
        lines.append("\t".join([row.name, _stamp(row.first_join, style.locale), _stamp(row.last_leave, style.locale),
                                duration_text(secs), row.email, row.teams_role]))
    return lines


def _legacy(title, rows, start, style) -> list[str]:
    lines = ["Meeting Summary", f"Total Number of Participants\t{len(rows)}", f"Meeting Title\t{title}",
             f"Meeting Start Time\t{_stamp(start, style.locale)}",
             f"Meeting End Time\t{_stamp(rows['last_leave'].max(), style.locale)}", "",
             "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\tParticipant ID (UPN)"]
    for row in rows.itertuples():
        secs = (row.last_leave - row.first_join).total_seconds()
        lines.append("\t".join([row.name, _stamp(row.first_join, style.locale), _stamp(row.last_leave, style.locale),
                                duration_text(secs), row.email, row.teams_role, row.email]))
    return lines
