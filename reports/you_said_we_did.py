"""The "You said, we did" list fit to share with all staff: plain Markdown and spreadsheet-safe CSV."""
from __future__ import annotations

import pandas as pd

from data_access.export_safety import csv_safe_frame
from formats.british import long_date
from formats.markup import markdown_text
from reports.markdown import cell

CSV_COLUMNS = {"session_date": "Session date", "session_title": "Session", "element": "People Promise element",
               "you_said": "You said", "we_did": "We did", "status": "Progress", "completed_date": "Completed"}


def progress_words(row: pd.Series) -> str:
    """'Done in June 2022', 'In progress', 'Coming soon' or 'Planned'."""
    return f"Done in {row['completed_date']:%B %Y}" if row["status"] == "Done" and pd.notna(row["completed_date"]) \
        else row["status"]


def you_said_we_did_markdown(frame: pd.DataFrame, produced_on) -> str:
    """One heading per session, newest first; under it what staff said and what was done, in plain words."""
    parts = ["# You said, we did", f"What you told us at Big Conversation sessions and what we have done about it, "
             f"as at {long_date(produced_on)}.", ""]
    for (when, title), items in frame.groupby(["session_date", "session_title"], sort=False):
        parts += [f"## {markdown_text(title)} ({cell(when)}, {markdown_text(items['element'].iloc[0])})", ""]
        for _, item in items.iterrows():
            parts += [f"- **You said:** {markdown_text(item['you_said'])}",
                      f"  **We did:** {markdown_text(item['we_did'])} ({progress_words(item)})"]
        parts.append("")
    return "\n".join(parts)


def you_said_we_did_csv(frame: pd.DataFrame) -> str:
    table = frame.assign(session_date=frame["session_date"].astype(str),
                         completed_date=frame["completed_date"].map(lambda d: d.isoformat() if pd.notna(d) else ""))
    return csv_safe_frame(table[list(CSV_COLUMNS)].rename(columns=CSV_COLUMNS)).to_csv(index=False, lineterminator="\n")
