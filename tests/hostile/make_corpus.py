"""Write the hostile-file corpus to a folder: one file per case and a manifest.json of kind, options and the
message each must be refused with. Usage: python -m tests.hostile.make_corpus FOLDER"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.hostile.corpus import corpus


def write_corpus(folder: Path) -> int:
    """Write every hostile file and the manifest into folder; returns how many files."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for hostile in corpus():
        (folder / hostile.file_name).write_bytes(hostile.raw)
        manifest.append({"file": hostile.file_name, "kind": hostile.kind, "expect": hostile.expect,
                         "options": {k: v for k, v in hostile.options.items() if v is not None}})
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return len(manifest)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(f"{write_corpus(Path(sys.argv[1]))} files written to {sys.argv[1]}")
