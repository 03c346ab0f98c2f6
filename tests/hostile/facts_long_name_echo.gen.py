"""A fact whose entity is a 200 kB unknown name: its diagnostic must not echo it whole."""
import json
import sys
from pathlib import Path

fact = {"entity": "x" * 200_000, "indicator": "gdp", "measure": "growth", "period": 2023,
        "kind": "actual", "value": 5.0, "unit": "%"}
Path(sys.argv[1], "input.jsonl").write_text(json.dumps(fact) + "\n", encoding="utf-8")
