"""Ten rules, each a check of 170 sum(children, …) terms (one aliased 4 KB check), over a
province with 3,000 counties: each finding read every child 170 times (0.9 s a finding)."""
import json
import sys
from pathlib import Path

folder = Path(sys.argv[1])
names = [f"合成县{i:05d}" for i in range(3000)]
with open(folder / "dictionary.yaml", "w", encoding="utf-8") as out:
    out.write("entities:\n  - {name: 合成省, kind: province}\n")
    for name in names:
        out.write(f"  - {{name: {name}, kind: county, parent: 合成省}}\n")
with open(folder / "facts.jsonl", "w", encoding="utf-8") as out:
    for name in names:
        out.write(json.dumps({"entity": name, "indicator": "gdp", "measure": "level",
                              "period": 2023, "kind": "actual", "value": 1e9, "unit": "元"},
                             ensure_ascii=False) + "\n")
check = " + ".join(["sum(children, actual)"] * 170) + " > 0元"
rule = "  - {{id: r{}, scope: {{kind: province}}, indicator: gdp, measure: level, period: 2023, check: {}}}\n"
with open(folder / "input.yaml", "w", encoding="utf-8") as out:
    out.write("pack: agg\nrules:\n")
    out.write(rule.format(0, '&c "%s"' % check))
    for i in range(1, 10):
        out.write(rule.format(i, "*c"))
