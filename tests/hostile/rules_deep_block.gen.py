"""Block mappings nested 3,000 deep: past yaml-cpp's own recursion guard (about 500 levels)."""
import sys
from pathlib import Path

text = "".join(" " * i + "k:\n" for i in range(3000))
Path(sys.argv[1], "input.yaml").write_text(text, encoding="utf-8")
