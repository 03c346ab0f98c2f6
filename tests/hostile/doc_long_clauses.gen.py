# One line of 1 MB: clauses of 地区生产总值增长5%， with no sentence end. Each figure was read
# by scanning the line from its start, and quoted with the whole line (H5).
import sys

HEAD = "杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n"
UNIT = "地区生产总值增长5%，"
with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write(HEAD + UNIT * (1_000_000 // len(UNIT.encode())) + "\n")
