"""100 rules whose title and description alias one 6 MB scalar: 1.2 GB of text once expanded."""
import sys
from pathlib import Path

big = "长" * 2_000_000
lines = ["pack: alias", 'title: &big "%s"' % big, "rules:"]
for i in range(100):
    lines.append(f"  - {{id: r{i}, title: *big, description: *big, scope: {{entity: 杜集区}}, "
                 "indicator: gdp, measure: growth, period: 2023, check: meets_target}")
Path(sys.argv[1], "input.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
