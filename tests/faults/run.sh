#!/usr/bin/env bash
# Faults while writing reports: a file size limit (what a full disk does to a writer), a full
# standard output, a signal in the middle of a run, and what may already stand at a report's
# path or its temporary's (links, devices, FIFOs, another run's or a killed run's temporaries).
# The previous report must stay whole, the error must be clear, the exit code 2, and no
# temporary file may be left behind.
set -uo pipefail
source_dir="$1" kaohe="$2" work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$source_dir"
fail() { echo "FAIL: $*"; exit 1; }
leftover() { ls -A "$work" | grep -qE 'kaohe-tmp|\.tmp\.'; }

echo '{"previous": true}' > "$work/report.json"
cp "$work/report.json" "$work/before.json"
(ulimit -f 8; "$kaohe" check --fail-on never --format "json:$work/report.json" 2> "$work/err.txt")
code=$?
[ "$code" = 2 ] || fail "a file size limit gave exit $code, not 2"
grep -q "write failed, the previous file is untouched: File too large" "$work/err.txt" ||
  fail "unclear error: $(cat "$work/err.txt")"
cmp -s "$work/report.json" "$work/before.json" || fail "the previous report changed"
leftover && fail "a temporary file was left behind"

# A previous report is replaced whole (its name is exchanged with the new file's, then removed).
"$kaohe" check --fail-on never --format "json:$work/report.json" 2> "$work/err.txt" ||
  fail "replacing a report failed: $(cat "$work/err.txt")"
/usr/bin/python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['summary']['total'] > 0" \
  "$work/report.json" || fail "the replaced report is not the new one"
leftover && fail "replacing left a temporary file behind"

# A directory where the report should go is an error, and is left where it was.
mkdir -p "$work/taken.json" && echo kept > "$work/taken.json/inside.txt"
"$kaohe" check --fail-on never --format "json:$work/taken.json" 2> "$work/err.txt"
code=$?
[ "$code" = 2 ] || fail "a directory at the report path gave exit $code, not 2"
grep -q "taken.json: cannot replace" "$work/err.txt" || fail "unclear error: $(cat "$work/err.txt")"
[ "$(cat "$work/taken.json/inside.txt")" = kept ] || fail "the directory was moved or changed"
leftover && fail "a directory at the path left a temporary file behind"

# A signal at any moment leaves the old report or the whole new one, never a part.
for delay in 0 0.005 0.02 0.05; do
  cp "$work/before.json" "$work/report.json"
  "$kaohe" check --fail-on never --docs fixtures/docs --format "json:$work/report.json" \
    --format "html:$work/report.html" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if ! cmp -s "$work/report.json" "$work/before.json"; then
    /usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/report.json" ||
      fail "interrupted after $delay s: the report is neither the old one nor a whole new one"
  fi
  leftover && fail "interrupted after $delay s: a temporary file was left"
done

# M6: a failed write to standard output is an error, whatever the command.
for command in "check --fail-on never --format json" "check --fail-on never" "facts" \
  "extract fixtures/docs" "lint"; do
  # shellcheck disable=SC2086
  "$kaohe" $command > /dev/full 2> "$work/err.txt"
  code=$?
  [ "$code" = 2 ] || fail "'kaohe $command > /dev/full' gave exit $code, not 2"
  grep -q "kaohe: cannot write to standard output: No space left on device" "$work/err.txt" ||
    fail "'kaohe $command > /dev/full': unclear error: $(cat "$work/err.txt")"
done

# M8: a link planted where older versions put their temporary (`<path>.tmp.<pid>`) is not
# followed, nor is any other: the temporary is a new file with a random name.
echo "precious data" > "$work/precious.txt"
sh -c 'ln -s "$1/precious.txt" "$1/report.json.tmp.$$"; exec "$2" check --fail-on never --format "json:$1/report.json"' \
  sh "$work" "$kaohe" 2> "$work/err.txt" || fail "a planted link failed the run: $(cat "$work/err.txt")"
[ "$(cat "$work/precious.txt")" = "precious data" ] || fail "a planted link was written through"
[ -f "$work/report.json" ] && [ ! -L "$work/report.json" ] || fail "the report is not a plain file"
rm -f "$work"/report.json.tmp.*

# M7: runs writing one report at the same time each leave a whole report, never a mix. Where
# PID namespaces can be made, each run has its own, so all of them have PID 1 (as jobs in
# containers sharing a volume do), and another run's temporary at the name older versions would
# pick (`<path>.tmp.1`) is left alone.
isolate=()
unshare --pid --fork true 2>/dev/null && isolate=(unshare --pid --fork)
if [ ${#isolate[@]} -gt 0 ]; then
  echo "another run's temporary" > "$work/shared.json.tmp.1"
  "${isolate[@]}" "$kaohe" check --fail-on never --format "json:$work/shared.json" 2> "$work/err.txt" ||
    fail "a run in its own PID namespace failed: $(cat "$work/err.txt")"
  [ "$(cat "$work/shared.json.tmp.1" 2>/dev/null)" = "another run's temporary" ] ||
    fail "another run's temporary was opened and replaced"
  rm -f "$work/shared.json.tmp.1"
fi
pids=()
for run in 1 2 3 4; do
  "${isolate[@]}" "$kaohe" check --fail-on never --docs fixtures/docs \
    --format "json:$work/shared.json" 2> "$work/err$run.txt" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "a concurrent run failed: $(cat "$work"/err*.txt)"; done
/usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/shared.json" ||
  fail "concurrent runs left a broken report"
leftover && fail "concurrent runs left a temporary file behind"

# M9: a stream at the path, or behind a link there, is written as a stream and stays what it was.
ln -s /dev/null "$work/null.json"
"$kaohe" check --fail-on never --format "json:$work/null.json" 2> "$work/err.txt" ||
  fail "a link to /dev/null failed: $(cat "$work/err.txt")"
[ -L "$work/null.json" ] && [ -c /dev/null ] || fail "a link to /dev/null was replaced"
"$kaohe" check --fail-on never --format json:/dev/stdout 2> "$work/err.txt" | cat > "$work/piped.json"
/usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/piped.json" ||
  fail "a report to /dev/stdout in a pipe did not reach the pipe: $(cat "$work/err.txt")"
"$kaohe" check --fail-on never --format json:/dev/stdout > "$work/redirected.json" 2> "$work/err.txt"
/usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/redirected.json" ||
  fail "a report to /dev/stdout redirected to a file did not reach it: $(cat "$work/err.txt")"
[ -L /dev/stdout ] || fail "/dev/stdout was replaced"
mkfifo "$work/fifo.json"
cat "$work/fifo.json" > "$work/from-fifo.json" &
reader=$!
"$kaohe" check --fail-on never --format "json:$work/fifo.json" 2> "$work/err.txt" ||
  fail "a FIFO at the path failed: $(cat "$work/err.txt")"
wait "$reader"
[ -p "$work/fifo.json" ] || fail "the FIFO was replaced"
/usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/from-fifo.json" ||
  fail "the report did not go through the FIFO"
# A link to a regular file is replaced by the report; what it pointed to is left as it was.
echo "linked data" > "$work/target.txt"
ln -s target.txt "$work/linked.json"
"$kaohe" check --fail-on never --format "json:$work/linked.json" 2> "$work/err.txt" ||
  fail "a link at the path failed: $(cat "$work/err.txt")"
[ "$(cat "$work/target.txt")" = "linked data" ] || fail "a link at the path was written through"
[ -f "$work/linked.json" ] && [ ! -L "$work/linked.json" ] || fail "the link was not replaced"
leftover && fail "streams and links left a temporary file behind"

# L10: a temporary left by a killed run (SIGKILL cannot be caught) is removed by a later run
# once it is an hour old; a fresh one may be another run's, and stays.
cp "$work/before.json" "$work/report.json"
"$kaohe" check --fail-on never --docs fixtures/docs --format "json:$work/report.json" 2>/dev/null &
pid=$!
sleep 0.2
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
for stale in .report.json.kaohe-tmp-0123456789abcdef .report.json.kaohe-tmp-00000000000000aa; do
  echo stale > "$work/$stale" && touch -d '2 hours ago' "$work/$stale"
done
ls -A "$work" | grep 'kaohe-tmp' | while read -r name; do touch -d '2 hours ago' "$work/$name"; done
echo fresh > "$work/.report.json.kaohe-tmp-fedcba9876543210"
echo other > "$work/.other.json.kaohe-tmp-0123456789abcdef" && touch -d '2 hours ago' "$work/.other.json.kaohe-tmp-0123456789abcdef"
"$kaohe" check --fail-on never --format "json:$work/report.json" 2> "$work/err.txt" ||
  fail "a run after a killed one failed: $(cat "$work/err.txt")"
remaining=$(ls -A "$work" | grep 'kaohe-tmp' | sort | tr '\n' ' ')
[ "$remaining" = ".other.json.kaohe-tmp-0123456789abcdef .report.json.kaohe-tmp-fedcba9876543210 " ] ||
  fail "stale temporaries: expected only the fresh one and another report's, found: $remaining"
rm -f "$work"/.*kaohe-tmp*

# L11: a rewritten report keeps the previous file's permissions.
chmod 600 "$work/report.json"
"$kaohe" check --fail-on never --format "json:$work/report.json" 2> "$work/err.txt" ||
  fail "rewriting a private report failed: $(cat "$work/err.txt")"
[ "$(stat -c %a "$work/report.json")" = 600 ] ||
  fail "a 0600 report became $(stat -c %a "$work/report.json")"
echo "faults: a file size limit, a full standard output, a replaced report, a directory, links, streams and FIFOs in the way, concurrent and killed runs and signals at 4 moments left every report whole"
