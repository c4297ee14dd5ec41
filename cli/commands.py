"""The command line, run as python -m data_access: init, seed, stats, import, export. Honours DATABASE_URL.

It sits above the data layer and the sample data, which it drives (docs/architecture.md)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from data_access.config import SAMPLE_FOLDER, Settings, load_settings
from data_access.database import make_engine, upgrade
from data_access.export_safety import csv_safe_frame
from data_access.importers.base import ImportOptions
from data_access.importers.errors import ImportRefused
from data_access.importers.kinds import KINDS
from data_access.importers.pipeline import commit, preview
from data_access.permissions import COMMAND_LINE, Actor
from data_access.queries_actions import register_export
from data_access.queries_admin import row_counts, sessions_export, survey_export
from domain.vocabulary import DEFAULT_FEEDBACK_SOURCE
from sample_data.seed import seed_folder, seed_tier

EXPORTS = {"sessions": sessions_export, "actions": register_export}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_access", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="create or migrate the database")
    seed = commands.add_parser("seed", help="load the sample data (running it twice changes nothing)")
    seed.add_argument("--tier", choices=["trust", "large", "regional"],
                      help="generate this tier afresh instead of loading the shipped sample files")
    seed.add_argument("--seed", type=int, default=2022, help="random seed for --tier")
    commands.add_parser("stats", help="print row counts as one JSON object")
    export = commands.add_parser("export", help="print a table as CSV")
    export.add_argument("what", choices=[*EXPORTS, "survey"])
    export.add_argument("--org", help="the organisation's ODS code (export survey)")
    _import_parser(commands.add_parser("import", help="import a file (all or nothing; the same file twice changes "
                                                      "nothing)"))
    return parser


def _import_parser(command: argparse.ArgumentParser) -> None:
    command.add_argument("kind", choices=list(KINDS))
    command.add_argument("file", type=Path)
    command.add_argument("--session", type=int, help="the session id (from `export sessions`)")
    command.add_argument("--org", help="the organisation's ODS code")
    command.add_argument("--year", type=int, help="survey year of a trust's own benchmark table")
    command.add_argument("--questions", nargs="+", metavar="QUESTION",
                         help="forms: the question columns that are feedback (default: all)")
    command.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                         help="feedback: which column holds text, prompt, time, source or sub_themes")
    command.add_argument("--source", default=DEFAULT_FEEDBACK_SOURCE,
                         help="feedback: the source when no column gives it")
    command.add_argument("--dry-run", action="store_true", help="check and report without writing")


def import_options(args: argparse.Namespace, settings: Settings) -> ImportOptions:
    mapping = tuple(tuple(item.split("=", 1)) for item in args.map if "=" in item)
    return ImportOptions(secret=settings.person_key_secret, today=settings.today, user=settings.user_name,
                         max_bytes=settings.max_upload_bytes, session_id=args.session, org_code=args.org,
                         survey_year=args.year, questions=tuple(args.questions) if args.questions else None,
                         mapping=mapping, source=args.source)


def run_import(engine, args: argparse.Namespace, settings: Settings) -> int:
    """Import (or with --dry-run only check) one file; problems and warnings go to standard error."""
    if not args.file.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return 2
    kind, raw, options = KINDS[args.kind], args.file.read_bytes(), import_options(args, settings)
    outcome = preview(engine, kind, args.file.name, raw, options) if args.dry_run else \
        commit(engine, kind, args.file.name, raw, options, Actor(settings.user_name, COMMAND_LINE))
    if outcome.problems:
        raise ImportRefused(outcome.problems)
    for warning in outcome.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(json.dumps({**outcome.as_dict(), "dry_run": args.dry_run}))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = load_settings()
    engine = make_engine(settings.database_url)
    try:
        if args.command in ("init", "seed", "import"):
            upgrade(engine)
        if args.command == "seed":
            result = seed_tier(engine, args.tier, args.seed, settings.person_key_secret) if args.tier \
                else seed_folder(engine, SAMPLE_FOLDER, settings.person_key_secret)
            print(json.dumps(result))
        elif args.command == "stats":
            print(json.dumps(row_counts(engine)))
        elif args.command == "import":
            return run_import(engine, args, settings)
        elif args.command == "export":
            if args.what == "survey" and not args.org:
                print("export survey needs --org CODE", file=sys.stderr)
                return 2
            table = survey_export(engine, args.org) if args.what == "survey" else EXPORTS[args.what](engine)
            csv_safe_frame(table).to_csv(sys.stdout, index=False, lineterminator="\n")
    except ImportRefused as refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0
