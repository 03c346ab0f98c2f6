# 4 MB of short lines with no sentence end: they join into one paragraph (H5).
import sys

HEAD = "杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n"
UNIT = "地区生产总值增长5%\n"
with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write(HEAD + UNIT * (4_000_000 // len(UNIT.encode())))
