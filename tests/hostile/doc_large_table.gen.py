# A flattened table of 20 MB (one cell a line): held whole, it took 620 MiB (M10).
import sys

HEAD = ("杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n主要指标表\n"
        "\t指标\n\t单位\n\t2025年完成\n\n")
ROW = "\t地区生产总值\n\t亿元\n\t100\n\n"
with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write(HEAD + ROW * (20_000_000 // len(ROW.encode())))
