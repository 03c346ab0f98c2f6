"""A 1000 MB YAML file (sparse, so it costs no disk): refused before it is read."""
import os
import sys

with open(os.path.join(sys.argv[1], "input.yaml"), "wb") as out:
    out.truncate(1000 << 20)
