"""The layers of docs/architecture.md: every import between the project's packages runs downwards, and the data
layer, the chart builders, the reports, the domain and the formats run without Streamlit or the pages' helpers."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from data_access.config import PROJECT_ROOT

# What each package may import from the project: the layers beneath it, and nothing above.
MAY_IMPORT: dict[str, set[str]] = {
    "formats": set(),
    "domain": {"formats"},
    "data_access": {"domain", "formats"},
    "charts": {"domain", "formats"},
    "reports": {"charts", "data_access", "domain", "formats"},
    "sample_data": {"data_access", "domain", "formats"},
    "cli": {"data_access", "domain", "formats", "sample_data"},
    "ui": {"charts", "data_access", "domain", "formats", "reports", "sample_data"},
    "pages": {"charts", "data_access", "domain", "formats", "reports", "ui"},
    "dashboard": {"data_access", "domain", "formats", "ui"},
    "bench": {"bench", "charts", "data_access", "domain", "formats", "reports", "sample_data", "tests", "ui"},
    "tests": {"charts", "cli", "dashboard", "data_access", "domain", "formats", "reports", "sample_data", "tests",
              "ui"},
}
# Entry points compose the layers, so they may reach up: `python -m data_access` runs the command line.
ENTRY_POINTS = {"data_access/__main__.py": {"cli"}}
PACKAGES = set(MAY_IMPORT)
WITHOUT_STREAMLIT = ("data_access", "charts", "reports", "formats", "domain")


def project_imports(path: Path) -> set[str]:
    """The project's top-level packages a file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
              and node.level == 0}
    return {name.split(".")[0] for name in names} & PACKAGES


def python_files() -> list[Path]:
    return sorted(path for path in PROJECT_ROOT.rglob("*.py")
                  if path.relative_to(PROJECT_ROOT).parts[0] in PACKAGES | {"dashboard.py"}
                  and "migrations" not in path.parts)


def test_every_file_is_in_a_known_layer() -> None:
    assert len(python_files()) > 100


@pytest.mark.parametrize("path", python_files(), ids=lambda p: p.relative_to(PROJECT_ROOT).as_posix())
def test_imports_between_packages_only_run_downwards(path: Path) -> None:
    relative = path.relative_to(PROJECT_ROOT).as_posix()
    package = relative.split("/")[0].removesuffix(".py")
    allowed = MAY_IMPORT[package] | {package} | ENTRY_POINTS.get(relative, set())
    if package == "tests" and relative.startswith("tests/bench/"):
        allowed = allowed | {"bench"}  # the benchmark's own tests
    assert project_imports(path) <= allowed, f"{relative} imports {sorted(project_imports(path) - allowed)}"


IMPORT_ALL = """
import importlib, pkgutil, sys
for package in sys.argv[1:]:
    for module in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
        if not module.name.endswith(".__main__"):  # the command line itself: it would run
            importlib.import_module(module.name)
print(sorted({name.split(".")[0] for name in sys.modules} & {"streamlit", "ui", "pages"}))
"""


def test_data_charts_reports_domain_and_formats_import_neither_streamlit_nor_the_pages_helpers() -> None:
    done = subprocess.run([sys.executable, "-c", IMPORT_ALL, *WITHOUT_STREAMLIT], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
