"""The layers of DESIGN.md §6: the data layer, the chart builders, the reports and the formats run without
Streamlit and without the pages' helpers, so a command line, a report or a test can use them on their own."""
import subprocess
import sys

from data_access.config import PROJECT_ROOT

WITHOUT_STREAMLIT = ("data_access", "charts", "reports", "formats")

IMPORT_ALL = """
import importlib, pkgutil, sys
for package in sys.argv[1:]:
    for module in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        if not module.name.endswith(".__main__"):  # the command line itself: it would run
            importlib.import_module(module.name)
print(sorted({name.split(".")[0] for name in sys.modules} & {"streamlit", "ui", "pages"}))
"""


def test_data_charts_reports_and_formats_import_neither_streamlit_nor_the_pages_helpers() -> None:
    done = subprocess.run([sys.executable, "-c", IMPORT_ALL, *WITHOUT_STREAMLIT], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
