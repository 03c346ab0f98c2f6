# Patterns too large: one of 1 MB of text (Y010: at most 1,000 characters), one short that
# compiles to more than RE2's 1 MiB budget (\pL{1000}: Q002), and 100 that fit alone but not
# together in one category's RE2::Set (Q002 at the first).
import sys

with open(sys.argv[1] + "/input.yaml", "w", encoding="utf-8") as out:
    out.write("growth:\n  - pattern: '" + "增长|" * 200_000 + "上升'\n")
    out.write("  - pattern: '\\pL{1000}'\n")
    out.write("target:\n")
    for k in range(100):
        out.write(f"  - pattern: '(?:[一-龥]{{30}}){{30}}{k}'\n")
