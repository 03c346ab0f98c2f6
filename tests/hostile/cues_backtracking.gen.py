# Patterns that take exponential time in a backtracking engine ((a*)*b, (x+x+)+y), as growth,
# target and subject cues, searched in 1.8 MB of sentences made of long runs of a and x that
# never complete them. RE2 searches in linear time: the facts come out at once.
import sys

work = sys.argv[1]
with open(work + "/input.yaml", "w", encoding="utf-8") as out:
    out.write("growth: [{pattern: '(a*)*b'}, {pattern: '(x+x+)+y'}]\n"
              "target: [{pattern: '(?:a|aa)+c'}]\n"
              "subject_words: [{pattern: '(x*)*全市z'}]\n"
              "not_this_indicator: [{pattern: '(a|a?)+d'}]\n")
RUN = "a" * 30_000 + "x" * 30_000
LINE = "地区生产总值" + RUN + "增长5%；规模以上工业增加值" + RUN + "增长6%。\n"
with open(work + "/doc.txt", "w", encoding="utf-8") as out:
    out.write("杜集区2025年国民经济和社会发展计划执行情况\n一、2025年计划执行情况\n")
    out.write(LINE * 15)
