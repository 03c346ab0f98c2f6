"""One fact whose unknown entity is 8 MB long: did-you-mean must not compare it letter by letter
with every dictionary name."""
import json
import sys
from pathlib import Path

fact = {"entity": "x" * 8_000_000, "indicator": "gdp", "measure": "growth", "period": 2023,
        "kind": "actual", "value": 5.0, "unit": "%"}
Path(sys.argv[1], "input.jsonl").write_text(json.dumps(fact) + "\n", encoding="utf-8")
