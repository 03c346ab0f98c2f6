"""Writes input.jsonl: 160 MB of blank lines (1 MB of spaces each), then one fact with an unknown
entity. Its warning's snippet must be read without holding the file."""
import os
import sys

with open(os.path.join(sys.argv[1], "input.jsonl"), "w", encoding="utf-8") as f:
    blank = " " * (1 << 20) + "\n"
    for _ in range(160):
        f.write(blank)
    f.write('{"entity":"没有这个区","indicator":"gdp","measure":"growth","period":2023,'
            '"kind":"actual","value":5,"unit":"%"}\n')
