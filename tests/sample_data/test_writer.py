"""The shipped sample files are exactly what the generator writes for the trust tier."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from data_access.config import SAMPLE_FOLDER
from sample_data.generator import generate
from sample_data.writer import write_files

WORKBOOK = "nhs_staff_survey_benchmarks.xlsx"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("regenerated")
    write_files(generate("trust"), folder)
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_the_same_files_are_written(regenerated: Path) -> None:
    shipped = _files(SAMPLE_FOLDER)
    assert _files(regenerated) == shipped
    assert len([name for name in shipped if name.startswith("attendance/")]) > 20


def test_every_csv_is_byte_identical(regenerated: Path) -> None:
    names = [name for name in _files(SAMPLE_FOLDER) if name.endswith(".csv")]
    differing = [name for name in names if (regenerated / name).read_bytes() != (SAMPLE_FOLDER / name).read_bytes()]
    assert differing == [], "run `python -m sample_data` to regenerate the shipped files"


def test_the_survey_workbook_holds_the_same_sheets(regenerated: Path) -> None:
    shipped = pd.read_excel(SAMPLE_FOLDER / WORKBOOK, sheet_name=None)
    fresh = pd.read_excel(regenerated / WORKBOOK, sheet_name=None)
    assert list(fresh) == list(shipped)
    for name, sheet in shipped.items():
        pd.testing.assert_frame_equal(fresh[name], sheet, obj=f"sheet {name!r}")
