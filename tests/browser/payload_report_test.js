// Opens the HTML report of tests/browser/payloads (every injection payload in entity names,
// rule and pack titles, quotes, file names and waiver reasons) in Debian's Chromium and checks
// that it shows one row per finding of the JSON report, the counts, and the payloads as text;
// that no script of theirs ran (no dialog, no window.__pwned) and nothing was fetched.
//
//   node payload_report_test.js REPORT.html REPORT.json
'use strict';
const fs = require('fs');
const {openReport} = require('./open_report');

const [reportPath, jsonPath] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

(async () => {
  const {browser, page, errors} = await openReport(reportPath);
  page.setDefaultTimeout(10000);  // a blanked report has no cards to wait for

  check(expected.findings.length > 0, 'the JSON report has findings');
  const rows = await page.locator('tr.finding').count();
  check(rows === expected.findings.length, `${rows} finding rows, ${expected.findings.length} in the JSON report`);
  const visible = await page.locator('tr.finding:visible').count();
  check(visible === expected.findings.length, `${visible} finding rows visible`);
  const cardFail = await page.locator('.card.fail b').textContent();
  check(Number(cardFail) === expected.summary.fail, `fail card ${cardFail}, ${expected.summary.fail} expected`);
  check(await page.evaluate(() => window.__pwned === undefined), 'a payload script ran');
  check(await page.locator('script:not([src])').count() === 2, 'only the report\'s own two scripts');
  const text = await page.locator('body').textContent();
  for (const shown of ['恶区<!--<script>alert(1)</script>', '增长5%<!--<script>', '原因<!--<script>']) {
    check(text.includes(shown), `payload shown as text: ${shown}`);
  }
  await browser.close();
  for (const e of errors) failures.push(e);
  if (failures.length) {
    console.error('FAILED (payloads):\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log(`html report with injection payloads: ${rows} findings shown, no script ran, nothing fetched`);
})().catch(e => { console.error(e); process.exit(1); });
