# One line of 40,000 incentive clauses, each an unread indicator sentence: `extract --unread`
# must quote each from the line without decoding the whole line again for every one.
import sys

HEAD = "关于青石县2025年计划执行情况的报告\n一、2025年计划执行情况\n"
UNIT = "对规模以上工业增加值增长10%的乡镇给予奖励。"
with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write(HEAD + UNIT * 40_000 + "\n")
