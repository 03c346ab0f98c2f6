#!/usr/bin/env bash
# Regenerates rules/dictionary/zones.yaml from the lists in tools/zones/ and fails on any
# difference from the committed file. Exits 77 (ctest: skipped) where python3 or PyYAML is missing.
#   check.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$1
work=$2
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import yaml" >/dev/null 2>&1; then
  echo "python3 or PyYAML is missing: zones.yaml not regenerated" >&2
  exit 77
fi
mkdir -p "$work"
python3 "$src/tools/zones/generate.py" "$work/zones.yaml" >/dev/null
if ! diff -u "$src/rules/dictionary/zones.yaml" "$work/zones.yaml" >"$work/zones.diff"; then
  head -40 "$work/zones.diff" >&2
  echo "rules/dictionary/zones.yaml differs from what tools/zones/generate.py writes:" \
    "regenerate it (see tools/zones/README.md)" >&2
  exit 1
fi
echo "zones.yaml is what generate.py writes"
