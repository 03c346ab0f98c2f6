# Shared place names (朝阳区 of 北京市 and of 长春市) and zone names by the thousand, in the
# opening lines and in one long sentence with a figure: deciding them must stay linear.
import sys

opening = "2024年，" + "朝阳区合肥开发区（某某经济开发区）" * 20000 + "\n"
sentence = "2024年，" + "朝阳区海淀区地区生产总值增长5%，" * 20000 + "。\n"
with open(sys.argv[1] + "/input.txt", "w", encoding="utf-8") as out:
    out.write(opening + sentence * 5)
