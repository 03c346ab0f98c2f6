# A 20 MB document (a bundled report repeated): memory must not grow with it (M10).
import sys
from pathlib import Path

text = (Path(__file__).resolve().parents[2] / "fixtures/docs/001_9249ab63e07acb0d.txt").read_text(
    encoding="utf-8")
with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write(text * (20_000_000 // len(text.encode()) + 1))
