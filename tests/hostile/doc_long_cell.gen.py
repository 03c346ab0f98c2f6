# A table cell continued by 200,000 short lines: each line re-parsed the whole cell.
import sys

with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write("杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n主要指标表\n\t指标\n")
    out.write("名称\n" * 200_000)
