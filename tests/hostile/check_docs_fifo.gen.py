"""Writes input.txt as a FIFO that nobody writes to: --docs must refuse it, not wait on it."""
import os
import sys

path = os.path.join(sys.argv[1], "input.txt")
if os.path.lexists(path):
    os.remove(path)
os.mkfifo(path)
