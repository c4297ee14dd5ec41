"""python -m data_access: init, seed, stats, export. Honours DATABASE_URL."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from data_access.config import load_settings
from data_access.database import make_engine, upgrade
from data_access.export_safety import csv_safe_frame
from data_access.importers.errors import ImportRefused
from data_access.queries_actions import register_export
from data_access.queries_admin import row_counts, sessions_export
from data_access.seed import SAMPLE_FOLDER, seed_folder


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
    export.add_argument("what", choices=list(EXPORTS))
    return parser


def seed_tier(engine, tier: str, seed: int, secret: str) -> dict[str, int]:
    """Generate a tier's files into a temporary folder and load them the same way as the shipped ones."""
    from sample_data.generator import generate
    from sample_data.writer import write_files

    with tempfile.TemporaryDirectory() as folder:
        write_files(generate(tier, seed), Path(folder))
        return seed_folder(engine, Path(folder), secret)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = load_settings()
    engine = make_engine(settings.database_url)
    try:
        if args.command in ("init", "seed"):
            upgrade(engine)
        if args.command == "seed":
            result = seed_tier(engine, args.tier, args.seed, settings.person_key_secret) if args.tier \
                else seed_folder(engine, SAMPLE_FOLDER, settings.person_key_secret)
            print(json.dumps(result))
        elif args.command == "stats":
            print(json.dumps(row_counts(engine)))
        elif args.command == "export":
            csv_safe_frame(EXPORTS[args.what](engine)).to_csv(sys.stdout, index=False, lineterminator="\n")
    except ImportRefused as refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0
