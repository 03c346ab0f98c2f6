"""Writes input.d/, a --docs folder holding passwd.txt -> /etc/passwd (outside it: skipped with a
warning) and inner.txt -> a document inside it (followed)."""
import os
import shutil
import sys

top = os.path.join(sys.argv[1], "input.d")
shutil.rmtree(top, ignore_errors=True)
os.makedirs(os.path.join(top, "real"))
with open(os.path.join(top, "real", "doc.md"), "w", encoding="utf-8") as f:
    f.write("杜集区2025年\n地区生产总值增长5.5%。\n")
os.symlink("/etc/passwd", os.path.join(top, "passwd.txt"))
os.symlink("real/doc.md", os.path.join(top, "inner.txt"))
