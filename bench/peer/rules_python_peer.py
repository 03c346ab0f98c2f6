#!/usr/bin/python3
"""The plain-Python peer of the rule-evaluation benchmark: dictionaries, no library. Reads the
workload's facts (JSON Lines) and rules (rules.json); prints {"pass","fail","no_data","seconds"}."""
import json
import sys
import time

start = time.perf_counter()
facts_path, rules_path = sys.argv[1:3]
with open(rules_path, encoding="utf-8") as f:
    rules = json.load(f)["rules"]
facts = {}
entities = set()
with open(facts_path, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        x = json.loads(line)
        entities.add(x["entity"])
        facts[(x["entity"], x["indicator"], x["measure"], x["period"], x["kind"])] = x["value"]
counts = {"pass": 0, "fail": 0, "no_data": 0}
for entity in sorted(entities):
    for r in rules:
        a = facts.get((entity, r["indicator"], r["measure"], r["period"], "actual"))
        t = facts.get((entity, r["indicator"], r["measure"], r["period"], "target"))
        if a is None or t is None:
            counts["no_data"] += 1
        elif (abs(a - t) <= 1) if r["check"] == "within" else (a >= t):
            counts["pass"] += 1
        else:
            counts["fail"] += 1
counts["seconds"] = time.perf_counter() - start
print(json.dumps(counts))
