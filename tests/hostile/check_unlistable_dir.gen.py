"""Writes input.d/, holding a folder whose path is longer than PATH_MAX, so that listing it
fails (File name too long) even for root, which permissions do not stop."""
import os
import shutil
import sys

work = sys.argv[1]
top = os.path.join(work, "input.d")
shutil.rmtree(top, ignore_errors=True)
os.mkdir(top)
fd = os.open(top, os.O_RDONLY)
for _ in range(18):
    os.mkdir("d" * 250, dir_fd=fd)
    inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = inner
os.close(fd)
