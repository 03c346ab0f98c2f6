#!/usr/bin/env bash
# ctest entry: writes the HTML and JSON reports of the bundled data, then checks the HTML in
# headless Chromium. Skips (exit 77) where Chromium or Node is not installed; .ci/run installs both.
set -euo pipefail
source_dir="$1" kaohe="$2" out_dir="$3"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || ! command -v node >/dev/null; then
  echo "skipped: Chromium (apt-get install chromium) or Node is not installed"
  exit 77
fi
cd "$source_dir"
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null)
fi
mkdir -p "$out_dir"
"$kaohe" check --fail-on never --format "html:$out_dir/report.html" --format "json:$out_dir/report.json"
node tests/browser/html_report_test.js "$out_dir/report.html" "$out_dir/report.json" "$out_dir/report.png"

# The same report over data that carries every injection payload (tests/browser/payloads).
p=tests/browser/payloads
"$kaohe" check --fail-on never --dictionary rules/dictionary/indicators.yaml \
  --dictionary "$p/entities.yaml" --rules "$p/pack.yaml" --facts "$p/facts.jsonl" \
  --waivers "$p/waivers.yaml" --format "html:$out_dir/payloads.html" \
  --format "json:$out_dir/payloads.json" 2>/dev/null
node tests/browser/payload_report_test.js "$out_dir/payloads.html" "$out_dir/payloads.json"
