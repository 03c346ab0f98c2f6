# 10,000 fact files of one fact each, as a facts folder with one file per county and zone would
# be. Each file must cost about what its fact costs: no threads started, no batch-sized room.
import os
import sys

folder = os.path.join(sys.argv[1], "input.d")
os.makedirs(folder, exist_ok=True)
for i in range(10000):
    with open(os.path.join(folder, f"{i:05d}.jsonl"), "w", encoding="utf-8") as out:
        out.write('{"entity":"杜集区","indicator":"gdp","measure":"growth",'
                  f'"period":{2000 + i % 40},"kind":"actual","value":{i % 97},"unit":"%"}}\n')
