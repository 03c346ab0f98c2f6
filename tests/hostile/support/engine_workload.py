"""A check workload for the engine's hostile cases: one province with `counties` counties, five
rules that every county fails (growth 5% against a target of 7%), so 5 x counties failing
findings. Writes dictionary.yaml, pack.yaml and facts.jsonl into a folder."""
import json
from pathlib import Path

RULES = 5


def write(folder, counties):
    folder = Path(folder)
    names = [f"合成县{i:05d}" for i in range(counties)]
    with open(folder / "dictionary.yaml", "w", encoding="utf-8") as out:
        out.write("entities:\n  - {name: 合成省, kind: province}\n")
        for name in names:
            out.write(f"  - {{name: {name}, kind: county, parent: 合成省}}\n")
    with open(folder / "pack.yaml", "w", encoding="utf-8") as out:
        out.write("pack: workload\nrules:\n")
        for r in range(RULES):
            out.write(f"  - {{id: gdp-meets-{r}, scope: {{kind: county}}, indicator: gdp, "
                      "measure: growth, period: 2023, check: meets_target}\n")
    with open(folder / "facts.jsonl", "w", encoding="utf-8") as out:
        for name in names:
            for kind, value in (("actual", 5.0), ("target", 7.0)):
                out.write(json.dumps({"entity": name, "indicator": "gdp", "measure": "growth",
                                      "period": 2023, "kind": kind, "value": value, "unit": "%"},
                                     ensure_ascii=False) + "\n")
