"""survey: the NHS Staff Survey benchmark workbook (one sheet per benchmarking group) for one or more trusts, or a
trust's own benchmark table (rows Your org, Best, Average, Worst, Responses; one column per score) for a year.
Each trust's benchmarks are its own: from the workbook, over its whole group, the trust included (NHS convention)."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Connection, select

from data_access import loader
from data_access.importers.base import ImportOptions, Kind, Prepared
from data_access.importers.checks import RowChecks, header_key
from data_access.importers.errors import ImportProblem
from data_access.importers.lookups import organisation_id
from data_access.importers.raw import check_size, is_spreadsheet, read_spreadsheet, read_table, refuse
from data_access.importers.survey_workbook import REQUIRED, metric_for_column, read_workbook
from data_access.models import Organisation

# National publication dates of each survey year's results.
PUBLISHED_ON = {2021: date(2022, 3, 30), 2022: date(2023, 3, 9), 2023: date(2024, 3, 7), 2024: date(2025, 3, 13)}
FIRST_YEAR = 2021  # scores on the 0-10 People Promise scale start with the 2021 survey
ORGANISATION_COLUMNS = {"org_id": "ods_code", "org_name": "name", "org_type_reporting_name": "benchmark_group"}
LABELS_COLUMN = "A"  # a trust's table: its row labels, named by letter (its heading is the file's own text)
TABLE_ROWS = {"your_org": "score", "your_organisation": "score", "trust": "score", "best": "best",
              "average": "average", "worst": "worst", "responses": "responses"}


def prepare(conn: Connection, raw: bytes, options: ImportOptions) -> Prepared:
    check_size(raw, options.max_bytes)
    sheets = read_spreadsheet(raw) if is_spreadsheet(raw) else {}
    if any("org_id" in sheet.columns for sheet in sheets.values()):
        return _workbook(conn, raw, sheets, options)
    return _trust_table(conn, read_table(raw, spreadsheets=True), options)


def _workbook(conn: Connection, raw: bytes, sheets: dict[str, pd.DataFrame], options: ImportOptions) -> Prepared:
    problems: list[ImportProblem] = []
    in_book: set[str] = set()
    for name, sheet in sheets.items():
        problems += [ImportProblem(1, c, f"this column is missing on sheet {name!r}") for c in REQUIRED
                     if c not in sheet.columns]
        if "org_id" in sheet.columns:
            in_book |= set(sheet["org_id"].dropna())
            problems += _sheet_values(name, sheet) + _sheet_years(name, sheet, options.today.year)
    known = set(loader.organisation_ids(conn))
    codes = {options.org_code} if options.org_code else known & in_book
    if options.org_code and options.org_code not in in_book:
        problems.append(ImportProblem(None, "org_id", f"organisation {options.org_code!r} is not in this workbook"))
    if not codes:
        problems.append(ImportProblem(None, None, "say which organisation's scores to take (--org CODE)"))
    if problems:
        return Prepared(rows=0, problems=problems)
    orgs, scores, benchmarks = read_workbook(raw, codes)
    scores = scores.assign(published_on=scores["survey_year"].map(PUBLISHED_ON))
    new_orgs = orgs[~orgs["ods_code"].isin(known)].drop_duplicates("ods_code")
    notes = [f"Organisation {c} ({n}) will be added." for c, n in zip(new_orgs["ods_code"], new_orgs["name"])]
    return Prepared(rows=len(scores) + len(benchmarks), data={"orgs": new_orgs, "scores": scores,
                                                              "benchmarks": benchmarks}, notes=notes)


def _sheet_years(name: str, sheet: pd.DataFrame, this_year: int) -> list[ImportProblem]:
    """Every score and responses column must be for a survey year from the first on the 0-10 scale to this one."""
    years = {column: metric[1] if (metric := metric_for_column(str(column))) else _responses_year(str(column))
             for column in sheet.columns}
    return [ImportProblem(1, str(column), f"on sheet {name!r}: the survey year must be from {FIRST_YEAR} to "
                                          f"{this_year}") for column, year in years.items()
            if year is not None and not FIRST_YEAR <= year <= this_year]


def _responses_year(column: str) -> int | None:
    return int(column[-4:]) if column.startswith("responses_") and column[-4:].isdigit() else None


def _sheet_values(name: str, sheet: pd.DataFrame) -> list[ImportProblem]:
    """Scores must be numbers from 0 to 10 and responses whole numbers; organisations appear once."""
    checks = RowChecks(sheet)
    for column in sheet.columns:
        if metric_for_column(str(column)):
            checks.numbers(column, 0, 10, "a score")
        elif str(column).startswith("responses_"):
            checks.numbers(column, 0, 10_000_000, "responses", whole=True)
    checks.duplicates(sheet[["org_id"]], "org_id")
    checks.lengths(sheet, Organisation.__table__, also={column: Organisation.__table__.c[field] for column, field in
                                                        ORGANISATION_COLUMNS.items() if column in sheet.columns})
    return [ImportProblem(p.row, p.column, f"on sheet {name!r}: {p.message}") for p in checks.problems]


def _trust_table(conn: Connection, table: pd.DataFrame, options: ImportOptions) -> Prepared:
    org_id = organisation_id(conn, options)
    org_code, group = conn.execute(select(Organisation.ods_code, Organisation.benchmark_group)
                                   .where(Organisation.id == org_id)).one()
    year = options.survey_year
    if year is None or not FIRST_YEAR <= year <= options.today.year:
        raise refuse(f"say which survey year this table is for (--year), from {FIRST_YEAR} to {options.today.year}")
    labels = table.iloc[:, 0].map(lambda v: TABLE_ROWS.get(header_key(v or "")))
    checks = RowChecks(table.iloc[:, 1:])
    codes = checks.metrics_of_header(first_column=2)
    for index in labels.index[labels.isna()]:  # pandas reads a None the map returns as NaN
            checks.problem(index, LABELS_COLUMN, "unexpected row; the rows are Your org, Best, Average, "
                           "Worst, Responses")
    checks.duplicates(labels.to_frame(), LABELS_COLUMN)
    for needed in ("score", "best", "average", "worst"):
        if needed not in set(labels):
            checks.problems.append(ImportProblem(None, LABELS_COLUMN, f"the {needed} row is missing"))
    checks.stop_if_any()
    values = {labels[i]: _row_values(checks, i, labels[i] == "responses") for i in table.index}
    long = pd.DataFrame({"metric_code": codes, "responses": None, **values}).assign(survey_year=year)
    scores = long.assign(org_code=org_code, published_on=PUBLISHED_ON.get(year))[
        ["org_code", "survey_year", "metric_code", "score", "responses", "published_on"]]
    # The trust's own figures as given; how many organisations they were taken over, the table does not say.
    benchmarks = long.assign(org_code=org_code, benchmark_group=group, organisations=None)[
        ["org_code", "benchmark_group", "survey_year", "metric_code", "best", "average", "worst", "organisations"]]
    return Prepared(rows=len(scores) + len(benchmarks), data={"orgs": pd.DataFrame(), "scores": scores,
                                                              "benchmarks": benchmarks},
                    problems=checks.problems, warnings=checks.warnings)


def _row_values(checks: RowChecks, index, responses: bool) -> list:
    return [checks.number_at(index, column, 0, 10_000_000 if responses else 10,
                             "responses" if responses else "a score", whole=responses)
            for column in checks.frame.columns]


def load(conn: Connection, prepared: Prepared, options: ImportOptions, write: bool) -> dict[str, int]:
    data = prepared.data
    if write and not data["orgs"].empty:
        loader.load_organisations(conn, data["orgs"])
    return loader.load_survey(conn, data["scores"], data["benchmarks"], write)


KIND = Kind("survey", "NHS Staff Survey benchmarks",
            "The NHS Staff Survey benchmark workbook, or a trust's own table (Your org, Best, Average, Worst, "
            "Responses) for one year.", True, prepare, load)
