"""20,000 waivers on 15,000 failing findings, none of them matching: 10,000 rule patterns and
10,000 exact rules with an entity no finding has. Each used to be tried on every failure."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "support"))
import engine_workload  # noqa: E402

engine_workload.write(sys.argv[1], 3000)
with open(Path(sys.argv[1], "input.yaml"), "w", encoding="utf-8") as out:
    out.write("waivers:\n")
    for i in range(10_000):
        out.write(f'  - {{rule: "*x{i}*a*a*a*a*a*a*a*a*b", entity: "*", reason: r, owner: o, '
                  "expires: 2099-12-31}\n")
    for i in range(10_000):
        out.write(f"  - {{rule: gdp-meets-{i % 5}, entity: 无此县{i}, reason: r, owner: o, "
                  "expires: 2099-12-31}\n")
    # One that matches, last: it must still be found.
    out.write("  - {rule: gdp-meets-3, entity: 合成县00007, reason: 口径调整, owner: 王某, "
              "expires: 2099-12-31}\n")
