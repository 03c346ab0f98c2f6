# One line of 17 MiB: longer than the reader's 16 MiB line limit.
import sys

with open(sys.argv[1] + "/input.txt", "w") as out:
    out.write("x" * (17 << 20) + "\n")
