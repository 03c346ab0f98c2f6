// Shared by the browser tests: opens a kaohe HTML report in Debian's Chromium (headless,
// offline) and collects, as the page runs, every console error, page error, dialog and request
// that leaves the file (a report must fetch nothing).
'use strict';
const fs = require('fs');
const {chromium} = require('playwright-core');

async function openReport(reportPath) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const errors = [];
  page.on('dialog', d => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  page.on('console', m => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('pageerror', e => errors.push('page: ' + e.message));
  page.on('request', r => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push('network: ' + r.url());
  });
  await page.goto('file://' + fs.realpathSync(reportPath));
  return {browser, page, errors};
}

module.exports = {openReport};
