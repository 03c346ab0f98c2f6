#!/usr/bin/env bash
# kaohe executes itself once more with glibc's huge-page heap (src/cli/malloc_huge_pages.h):
# the running process must carry the tunable, and the arguments, input and exit code must come
# through the second execution unchanged. The facts are read from a pipe, which holds kaohe at
# the point of loading them (long past any re-execution) while its environment is looked at.
set -uo pipefail
source_dir="$1" kaohe="$2" work="$3" sanitized="$4"
rm -rf "$work" && mkdir -p "$work" && cd "$source_dir"
fail() { echo "FAIL: $*"; exit 1; }

mode=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)
case "$mode" in
  *"[madvise]"*) ;;
  *) echo "transparent huge pages are '$mode', not [madvise]: kaohe runs as it is"; exit 77 ;;
esac

run_held() {  # the environment kaohe runs with, given extra environment settings
  rm -f "$work/facts.jsonl" && mkfifo "$work/facts.jsonl"
  env -u GLIBC_TUNABLES -u LD_PRELOAD -u KAOHE_REEXECUTED -u KAOHE_MALLOC_HUGE_PAGES "$@" \
    "$kaohe" check --fail-on error --facts fixtures/targets --facts "$work/facts.jsonl" \
    --format "json:$work/report.json" \
    2> "$work/err.txt" &
  local pid=$!
  exec 3> "$work/facts.jsonl"  # returns once kaohe has opened the pipe
  tr '\0' '\n' < "/proc/$pid/environ" > "$work/environ.txt"
  cat "/proc/$pid/comm" > "$work/comm.txt"
  # The heap's extent in KiB (0 without one), to tell whether glibc took the pad.
  local heap_kib=0 range perms offset device inode name
  while read -r range perms offset device inode name; do
    [ "$name" = "[heap]" ] && heap_kib=$((heap_kib + (0x${range#*-} - 0x${range%-*}) / 1024))
  done < "/proc/$pid/maps"
  echo "$heap_kib" > "$work/heap_kib.txt"
  cat fixtures/facts/duji_2025_headlines.jsonl >&3
  exec 3>&-
  wait "$pid"
  echo $? > "$work/code.txt"
}

run_held
code=$(cat "$work/code.txt")
[ "$code" = 0 ] || [ "$code" = 1 ] || fail "exit $code: $(cat "$work/err.txt")"
/usr/bin/python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['summary']['total'] > 0" \
  "$work/report.json" || fail "no report from the facts given through the pipe"
if [ "$sanitized" = 1 ]; then
  grep -q '^KAOHE_REEXECUTED=' "$work/environ.txt" && fail "a sanitizer build executed itself again"
else
  grep -qx 'GLIBC_TUNABLES=glibc.malloc.hugetlb=1' "$work/environ.txt" ||
    fail "kaohe runs without the huge-page heap: $(grep GLIBC "$work/environ.txt")"
  grep -qx 'glibc.malloc.top_pad=16777216' "$work/environ.txt" ||
    fail "kaohe runs without the heap's pad: $(grep -A1 GLIBC "$work/environ.txt")"
  # glibc took the pad: the heap grew by 16 MiB at once, far more than this small check needs.
  [ "$(cat "$work/heap_kib.txt")" -ge 16384 ] ||
    fail "the heap spans $(cat "$work/heap_kib.txt") KiB, less than its pad of 16 MiB"
fi
# Executed again as /proc/self/exe, it still goes by its own name in ps, top and pkill.
[ "$(cat "$work/comm.txt")" = "$(basename "$kaohe")" ] ||
  fail "the process is named '$(cat "$work/comm.txt")', not '$(basename "$kaohe")'"

# The user's own tunables are kept, and an explicit choice of the heap's pages is respected.
run_held GLIBC_TUNABLES=glibc.malloc.check=0
if [ "$sanitized" != 1 ]; then
  # glibc cuts the variable at each ':' as it reads it, in the very memory /proc shows.
  grep -A1 -x 'GLIBC_TUNABLES=glibc.malloc.check=0' "$work/environ.txt" |
    grep -qx 'glibc.malloc.hugetlb=1' ||
    fail "the user's tunables were not kept: $(grep -A1 GLIBC "$work/environ.txt")"
fi
run_held GLIBC_TUNABLES=glibc.malloc.hugetlb=0
grep -qx 'GLIBC_TUNABLES=glibc.malloc.hugetlb=0' "$work/environ.txt" ||
  fail "an explicit hugetlb=0 was overridden: $(grep GLIBC "$work/environ.txt")"
run_held KAOHE_MALLOC_HUGE_PAGES=0
grep -q '^GLIBC_TUNABLES=' "$work/environ.txt" && fail "KAOHE_MALLOC_HUGE_PAGES=0 was not obeyed"
[ "$(cat "$work/heap_kib.txt")" -lt 16384 ] ||
  fail "without the pad the heap still spans $(cat "$work/heap_kib.txt") KiB: the check above proves nothing"
[ "$(cat "$work/code.txt")" = "$code" ] || fail "the exit code differs without re-execution"
echo "ok"
