// Opens kaohe's HTML report in Debian's Chromium (headless, offline) and checks that it loads
// with no console error and no network request, that the counts match the JSON report, and that
// each filter shows exactly the findings it should. Takes a screenshot.
//
//   node html_report_test.js REPORT.html REPORT.json SCREENSHOT.png
'use strict';
const fs = require('fs');
const {openReport} = require('./open_report');

const [reportPath, jsonPath, screenshotPath] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

(async () => {
  const {browser, page, errors} = await openReport(reportPath);

  const rows = page.locator('tr.finding');
  const visible = async () => page.locator('tr.finding:visible').count();
  check(await rows.count() === expected.findings.length, 'one row per finding');
  check(await visible() === expected.findings.length, 'every finding shown before filtering');
  const cardFail = await page.locator('.card.fail b').textContent();
  check(Number(cardFail) === expected.summary.fail, `fail card ${cardFail}`);

  const byStatus = s => expected.findings.filter(f => f.status === s).length;
  for (const status of ['fail', 'pass', 'no_data']) {
    await page.selectOption('#f-status', status);
    const n = await visible();
    check(n === byStatus(status), `status filter ${status}: ${n} shown, ${byStatus(status)} expected`);
    const wrong = await page.locator(`tr.finding:visible:not([data-status="${status}"])`).count();
    check(wrong === 0, `status filter ${status} shows other statuses`);
  }
  await page.selectOption('#f-status', '');
  await page.selectOption('#f-entity', '杜集区');
  const duji = expected.findings.filter(f => f.entity === '杜集区').length;
  check(await visible() === duji, 'entity filter');
  await page.selectOption('#f-entity', '');
  await page.selectOption('#f-kind', 'development_zone');
  await page.selectOption('#f-year', '2025');
  await page.selectOption('#f-rule', 'zone-output-growth-meets-implied');
  check(await visible() === 6, 'kind, year and rule filters together');
  await page.selectOption('#f-severity', 'warning');
  check(await visible() === 0, 'severity filter');
  for (const id of ['#f-severity', '#f-kind', '#f-year', '#f-rule']) await page.selectOption(id, '');

  check(await page.locator('#grid-table td.cell.fail').count() > 0, 'grid shows failing cells');
  check(await page.locator('#charts svg[data-chart]').count() > 0, 'charts drawn');
  check((await page.locator('body').textContent()).includes('总计 841 1120 1560 2000 140 417 497 560 660 8'),
        'quoted source row shown');
  await page.screenshot({path: screenshotPath, fullPage: false});
  await browser.close();
  for (const e of errors) failures.push(e);
  if (failures.length) {
    console.error('FAILED:\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log(`html report: ${expected.findings.length} findings, filters and charts checked in Chromium; screenshot ${screenshotPath}`);
})().catch(e => { console.error(e); process.exit(1); });
