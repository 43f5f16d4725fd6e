// Scenario links, exports and hostile input, in real Chromium under the
// page's Content-Security-Policy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, serve, watch } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** A fresh context (no shared state) with a page that has loaded `hash`. */
async function open(hash = '', contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(`${server.url}${hash}`);
  await page.locator('#status').filter({ hasText: /^(Cumulative|Check)/ }).waitFor();
  return { context, page, problems };
}

/** Everything a reader sees as numbers: the headline, key figures and tables. */
const numbers = (page) => page.evaluate(() => ['status', 'key-figures', 'revenue-table', 'capex-table', 'tokens-table']
  .map((id) => document.getElementById(id).textContent).join('\n'));

/** The fragment once the page has written it (it waits 300 ms after the last change). */
async function settledHash(page, previous) {
  await page.waitForFunction((old) => location.hash.length > 1 && location.hash !== old, previous);
  await page.waitForTimeout(400);
  return page.evaluate(() => location.hash);
}

test('a link copied from the page shows identical numbers in a fresh browser', async () => {
  const { context, page, problems } = await open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  const first = await settledHash(page, '');
  assert.equal(first, '#v=1&p=base');
  await page.selectOption('#preset', 'bear');
  await page.fill('#f-revenue-aiGrowth-1', '55.5');
  await page.fill('#f-capex-incrementalCashMargin', '35');
  await page.check('input[name="currency"][value="USD"]');
  const hash = await settledHash(page, first);
  assert.equal(hash, '#v=1&p=bear&rev.ai=0.6,0.555,0.3,0.2,0.15&capex.margin=0.35');
  await page.click('#copy-link');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${server.url}${hash}`);
  await page.check('input[name="currency"][value="RMB"]');
  const shown = await numbers(page);

  const fresh = await open(new URL(copied).hash);
  assert.equal(await numbers(fresh.page), shown);
  assert.equal(await fresh.page.inputValue('#preset'), 'bear');
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
  await context.close();
});

test('the page follows the fragment on load and on back and forward', async () => {
  const { context, page, problems } = await open('#v=1&p=base&target=300');
  assert.match(await page.textContent('#status'), /target of US\$300bn reached in FY2031/);
  await page.goto(`${server.url}#v=1&p=base&target=500`);
  await page.locator('#status').filter({ hasText: /US\$500bn/ }).waitFor();
  await page.goBack();
  await page.locator('#status').filter({ hasText: /US\$300bn/ }).waitFor();
  assert.equal(await page.inputValue('#f-targetUsdBn'), '300');
  await page.goForward();
  await page.locator('#status').filter({ hasText: /US\$500bn/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad link opens with its errors shown and the fields it could read applied', async () => {
  const { context, page, problems } = await open('#v=1&p=bull&fx=7.3&rev.ai=1,x&made.up=1');
  assert.equal(await page.inputValue('#preset'), 'bull');
  assert.equal(await page.inputValue('#f-fxRmbPerUsd'), '7.3');
  assert.equal(await page.getAttribute('#f-revenue-aiGrowth-1', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-1'), 'x');
  assert.match(await page.textContent('#status'), /^Check AI revenue growth, FY2028: Enter a number/);
  assert.match(await page.textContent('#link-notice'), /unknown key made\.up ignored/);
  // Fixing the field recovers.
  await page.fill('#f-revenue-aiGrowth-1', '90');
  assert.match(await page.textContent('#status'), /^Cumulative/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('exports: CSV of the tables, the scenario as JSON that loads back, each chart as SVG', async () => {
  const { context, page, problems } = await open();
  const downloaded = async (selector) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const csv = await downloaded('#download-csv');
  assert.equal(csv.name, 'aicloud-scenario.csv');
  const lines = csv.text.split('\r\n');
  assert.equal(lines[0], 'Section,Figure,FY2027,FY2028,FY2029,FY2030,FY2031');
  assert.equal(lines[1], 'Revenue,AI revenue (RMB bn),94.8792,170.78256,273.252096,396.2155392,534.89097792');
  assert.ok(lines.includes('Token economics,Gross margin (fraction),0.454275853,0.564642522,0.625708554,0.665835801,0.689093844'));

  await page.fill('#f-targetUsdBn', '250');
  const json = await downloaded('#download-json');
  const scenario = JSON.parse(json.text);
  assert.equal(scenario.targetUsdBn, '250');
  assert.equal(scenario.revenue.baseRmbBn, '158.132');
  assert.deepEqual(scenario.revenue.aiGrowth, ['1', '0.8', '0.6', '0.45', '0.35']);

  await page.selectOption('#preset', 'bear');
  await page.setInputFiles('#load-json', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await page.locator('#share-status').filter({ hasText: 'Loaded mine.json.' }).waitFor();
  assert.equal(await page.inputValue('#f-targetUsdBn'), '250');
  assert.match(await page.textContent('#status'), /US\$250bn/);
  await page.setInputFiles('#load-json', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{nope') });
  await page.locator('#share-status').filter({ hasText: 'bad.json is not JSON.' }).waitFor();

  for (const chart of ['revenue-chart', 'capex-chart', 'tokens-chart']) {
    const svg = await downloaded(`[data-chart="${chart}"]`);
    assert.equal(svg.name, `${chart}.svg`);
    assert.match(svg.text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg.text, /<title[^>]*>[^<]+<\/title>/);
    assert.match(svg.text, /fill="rgb\(/, 'computed colours are inlined');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile links run no script and leave the page usable', async () => {
  const hostile = [
    '#v=1&target=<script>window.pwned=1</script>',
    `#v=1&fx=%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&%3Cimg%20src=x%20onerror=window.pwned=1%3E=1`,
    `#v=1&rev.ai=${'9'.repeat(100_000)}`,
    '#v=1&fx=\u202e7.1&rev.ai=\u0661,\uff12&target=1\u200b00&tok.util=0.5&p=base\u0000',
    '#v=2&fx=7',
    '#<svg/onload=window.pwned=1>',
  ];
  for (const hash of hostile) {
    const { context, page, problems } = await open(hash);
    const dialogs = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.pwned), undefined, hash.slice(0, 60));
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.deepEqual(dialogs, []);
    // Still usable: choosing a preset computes again.
    await page.selectOption('#preset', 'bull');
    assert.match(await page.textContent('#status'), /^Cumulative/, hash.slice(0, 60));
    assert.deepEqual(problems, [], hash.slice(0, 60));
    await context.close();
  }
});

test('the headline says which way a missing required growth lies', async () => {
  const cases = [
    ['#v=1&target=0.01', /target of US\$0\.01bn reached in FY2027; revenue shrinking 99% a year would still reach it\.$/,
      'below -99%: met even as AI revenue shrinks'],
    ['#v=1&rev.base=1&target=1000000', /short of the US\$1,000,000bn target; no uniform growth rate up to 1,000% a year would reach it\.$/,
      'above 1,000% a year'],
    ['#v=1&rev.share=0', /required growth -3\.2% a year\.$/, 'none: no AI revenue in the base year'],
  ];
  for (const [hash, headline, aiGrowth] of cases) {
    const { context, page, problems } = await open(hash);
    assert.match(await page.textContent('#status'), headline, hash);
    assert.equal(await page.locator('#key-figures dd').nth(5).textContent(), aiGrowth, hash);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
