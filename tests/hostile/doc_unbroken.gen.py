# 1.5 million characters on one line with no sentence end, ； or line break: refused, not read
# in pieces it cannot be cut into (H5).
import sys

HEAD = "杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n"
UNIT = "地区生产总值增长5%，"
with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write(HEAD + UNIT * (1_500_000 // len(UNIT)) + "\n")
