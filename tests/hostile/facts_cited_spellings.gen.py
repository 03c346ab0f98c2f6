"""Writes input.jsonl: facts citing one 96 MB document through 8 spellings of its path, and 200
facts citing line 1 of a 16 MB single-line document (each with a quote not on it, searched over
the line and its neighbours). The documents are held once each and each line folded once."""
import os
import sys

work = sys.argv[1]
big = os.path.join(work, "big.txt")
with open(big, "w", encoding="utf-8") as f:
    line = "地区生产总值增长5%。" + "a" * 990 + "\n"
    for _ in range(96 * 1024):
        f.write(line)
long_line = os.path.join(work, "long.txt")
with open(long_line, "w", encoding="utf-8") as f:
    f.write("a" * (16 << 20) + "\n" + "b\n" * 30)

# kaohe runs in the source tree, two folders above this file.
base = os.path.relpath(work, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
spellings = [big, f"{work}/./big.txt", f"{work}//big.txt", f"{work}/../{os.path.basename(work)}/big.txt",
             os.path.join(base, "big.txt"), f"./{base}/big.txt", f"{base}/./big.txt", f"{base}//big.txt"]
fact = ('{{"entity":"杜集区","indicator":"gdp","measure":"growth","period":{period},"kind":"actual",'
        '"value":5,"unit":"%","source":{{"file":"{file}","line":{line},"quote":"{quote}"}}}}\n')
with open(os.path.join(work, "input.jsonl"), "w", encoding="utf-8") as f:
    for i, spelling in enumerate(spellings):
        f.write(fact.format(period=2000 + i, file=spelling, line=1 + i, quote="地区生产总值增长5%"))
    for i in range(200):
        f.write(fact.format(period=2100, file=long_line, line=1, quote="a" * 1000 + "b" * 1000))
