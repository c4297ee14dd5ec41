"""Download buttons for a table as CSV and Excel, neutralised against spreadsheet formulas.

Files are built only when a button is clicked (a callable `data`), not on every run of the page."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from data_access.export_safety import csv_bytes, excel_bytes

EXCEL_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(table: pd.DataFrame | Callable[[], pd.DataFrame], name: str, key: str) -> None:
    """CSV and Excel downloads of a table (suppression already applied), or of the table a function returns on a
    click: one too large to hold for every run of the page."""
    whole = table if callable(table) else lambda: table
    with st.container(horizontal=True, gap="small"):
        st.download_button("Download CSV", lambda: csv_bytes(whole()), f"{name}.csv", "text/csv", key=f"{key}_csv",
                           icon=":material/download:", on_click="ignore")
        st.download_button("Download Excel", lambda: excel_bytes(whole(), name), f"{name}.xlsx", EXCEL_TYPE,
                           key=f"{key}_xlsx", icon=":material/table_view:", on_click="ignore")
