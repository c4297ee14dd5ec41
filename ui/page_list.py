"""Every page of the app: its key (also its URL path), script, title and icon."""
from __future__ import annotations

PAGE_SCRIPTS: dict[str, tuple[str, str, str]] = {
    "overview": ("pages/overview.py", "Overview", ":material/monitoring:"),
    "explorer": ("pages/explorer.py", "Theme explorer", ":material/manage_search:"),
    "brief": ("pages/brief.py", "Session brief", ":material/assignment:"),
    "actions": ("pages/actions.py", "Actions", ":material/task_alt:"),
    "import": ("pages/import.py", "Import data", ":material/upload_file:"),
    "access": ("pages/access.py", "Access", ":material/admin_panel_settings:"),
}


def page_title(key: str) -> str:
    return PAGE_SCRIPTS[key][1]
