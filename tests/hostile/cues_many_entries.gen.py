# Thousands of entries: 50,000 growth words and 5,000 target patterns. Each category stops at
# its bound (1,000 words, counting the bundled file's; 100 patterns) with one Q003, in well under
# a second.
import sys

with open(sys.argv[1] + "/input.yaml", "w", encoding="utf-8") as out:
    out.write("growth:\n")
    for k in range(50_000):
        out.write(f"  - 增长{k}\n")
    out.write("target:\n")
    for k in range(5_000):
        out.write(f"  - pattern: '目标{k}(?:亿元|万元)'\n")
