"""python -m sample_data [FOLDER]: regenerate the shipped sample files (trust tier, fixed seed)."""
import sys
from pathlib import Path

from sample_data.generator import generate
from sample_data.writer import write_files

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "files"
for path in write_files(generate("trust"), folder):
    print(path)
