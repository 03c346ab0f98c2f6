"""300 waivers whose reason aliases one 6 MB scalar: each waiver copied it (1.8 GB)."""
import sys
from pathlib import Path

big = "理" * 2_000_000
lines = ["waivers:", '  - {rule: "*", reason: &r "%s", owner: o, expires: 2099-01-01}' % big]
lines += ['  - {rule: "*", reason: *r, owner: o, expires: 2099-01-01}'] * 300
Path(sys.argv[1], "input.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
