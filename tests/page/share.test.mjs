// Scenario links, exports and hostile input, in real Chromium under the
// page's Content-Security-Policy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  axeViolations, launch, serve, watch,
} from './browser.mjs';

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
  await page.locator('html:not(.prerendered) #status').filter({ hasText: /^(Cumulative|Check)/ }).waitFor();
  return { context, page, problems };
}

/** axe-core finds no WCAG 2.2 AA violation on `page`, light and dark. */
async function assertAccessible(page, label) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axeViolations(page), [], `${label}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
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
  // The currency shown travels in the link too, under a key older pages ignore.
  assert.equal(hash, '#v=1&p=bear&rev.ai=0.6,0.555,0.3,0.2,0.15&capex.margin=0.35&cur=usd');
  await page.click('#copy-link');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${server.url}${hash}`);
  const shown = await numbers(page);
  assert.match(shown, /US\$/);

  const fresh = await open(new URL(copied).hash);
  assert.equal(await numbers(fresh.page), shown);
  assert.equal(await fresh.page.inputValue('#preset'), 'bear');
  assert.ok(await fresh.page.isChecked('input[name="currency"][value="USD"]'));
  assert.equal(await fresh.page.isVisible('#link-notice'), false, 'cur=usd is no unknown key to this page');
  // Back in RMB, the key leaves the link.
  await fresh.page.check('input[name="currency"][value="RMB"]');
  assert.equal(await settledHash(fresh.page, new URL(copied).hash), '#v=1&p=bear&rev.ai=0.6,0.555,0.3,0.2,0.15&capex.margin=0.35');
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
  await context.close();
});

test('the page follows the fragment on load and on back and forward', async () => {
  const { context, page, problems } = await open('#v=1&p=base&target=300');
  assert.match(await page.textContent('#status'), /the US\$300bn target reached in FY2031/);
  await page.goto(`${server.url}#v=1&p=base&target=500`);
  await page.locator('html:not(.prerendered) #status').filter({ hasText: /US\$500bn/ }).waitFor();
  await page.goBack();
  await page.locator('html:not(.prerendered) #status').filter({ hasText: /US\$300bn/ }).waitFor();
  assert.equal(await page.inputValue('#f-targetUsdBn'), '300');
  await page.goForward();
  await page.locator('html:not(.prerendered) #status').filter({ hasText: /US\$500bn/ }).waitFor();
  // An edit's rewrite of the fragment, still waiting when another entry is entered, is not written over it.
  await page.evaluate(() => {
    const target = document.querySelector('#f-targetUsdBn');
    target.value = '400';
    target.dispatchEvent(new Event('input', { bubbles: true }));
    history.pushState(null, '', '#v=1&p=base&target=600');
  });
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => location.hash), '#v=1&p=base&target=600');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad link opens with its errors shown, results from the preset for the bad field, exports off', async () => {
  const { context, page, problems } = await open('#v=1&p=bull&fx=7.3&rev.ai=1,x&made.up=1');
  assert.equal(await page.inputValue('#preset'), 'bull');
  assert.equal(await page.inputValue('#f-fxRmbPerUsd'), '7.3');
  assert.equal(await page.getAttribute('#f-revenue-aiGrowth-1', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-1'), 'x');
  assert.match(await page.textContent('#status'), /^Check AI revenue growth, FY2028: Enter a number/);
  assert.match(await page.textContent('#link-notice'), /unknown key made\.up ignored/);
  // Results are shown, computed with bull's FY2028 AI growth in place of "x", and say so.
  const expected = await page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    const bull = core.presets().find((p) => p.id === 'bull').scenario;
    const scenario = { ...bull, fxRmbPerUsd: '7.3', revenue: { ...bull.revenue, aiGrowth: ['1', bull.revenue.aiGrowth[1]] } };
    return core.compute(scenario).revenue.cumulativeUsdBn.at(-1);
  });
  assert.equal(await page.textContent('#readings .reading-cumulative dd'), `US$${Number(expected).toFixed(1)}bn`);
  assert.equal(await page.textContent('#stale'),
    "These results use the Bull preset's value for AI revenue growth, FY2028. Fix the highlighted fields to see your own.");
  assert.ok(await page.isVisible('#stale'));
  assert.ok(await page.locator('body.is-stale').count(), 'greyed: not the link\'s own numbers');
  // Every export is off, with the reason given; nothing claims to be copied.
  for (const id of ['copy-link', 'show-embed', 'download-csv', 'download-json']) {
    assert.equal(await page.isDisabled(`#${id}`), true, id);
  }
  assert.equal(await page.locator('.download-svg:not([disabled])').count(), 0);
  assert.ok(await page.isVisible('#share-blocked'));
  await assertAccessible(page, 'a bad link, substituted results, exports off');
  // The headline leads to the field.
  await page.click('#status a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-revenue-aiGrowth-1');
  assert.equal(await page.evaluate(() => location.hash), '#v=1&p=bull&fx=7.3&rev.ai=1,x&made.up=1', 'the link stays');
  // Fixing the field recovers, and exports come back.
  await page.fill('#f-revenue-aiGrowth-1', '90');
  assert.match(await page.textContent('#status'), /^Cumulative/);
  assert.equal(await page.isDisabled('#copy-link'), false);
  assert.equal(await page.isVisible('#share-blocked'), false);
  assert.equal(await page.locator('body.is-stale').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the error headline names the first problem in the form\'s order and leads to it', async () => {
  const { context, page, problems } = await open();
  await page.fill('#f-tokens-utilization', '');
  await page.fill('#f-horizonYears', '0');
  await page.fill('#f-targetUsdBn', '-1');
  // The model lists the horizon first; the form shows the target first.
  const modelOrder = await page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    const s = core.defaultScenario();
    Object.assign(s, { horizonYears: 0, targetUsdBn: '-1' });
    s.tokens.utilization = '';
    return core.validate(s).map((p) => p.field);
  });
  assert.deepEqual(modelOrder, ['horizonYears', 'targetUsdBn', 'tokens.utilization']);
  assert.equal(await page.textContent('#status'), 'Check Revenue target: Above 0, up to 1,000,000 US$ bn. (and 2 more)');
  await page.click('#status a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-targetUsdBn');
  assert.deepEqual(problems, []);
  await context.close();
});

test('changing the preset is a history entry, and Undo brings the edits back', async () => {
  const { context, page, problems } = await open();
  await page.fill('#f-revenue-aiGrowth-0', '120');
  const edited = await settledHash(page, '');
  assert.equal(edited, '#v=1&p=base&rev.ai=1.2,0.8,0.6,0.45,0.35');
  await page.selectOption('#preset', 'bear');
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '60');
  assert.equal(await page.evaluate(() => location.hash), '#v=1&p=bear');
  assert.equal(await page.textContent('#undo-text'), 'Started again from Bear: your changes to Base were replaced.');
  await assertAccessible(page, 'the Undo notice');
  await page.click('#undo');
  assert.equal(await page.inputValue('#preset'), 'base');
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '120');
  assert.equal(await page.isVisible('#undo-notice'), false);
  // Back and forward walk the preset changes.
  await page.selectOption('#preset', 'bull');
  assert.equal(await page.isVisible('#undo-notice'), true);
  await page.goBack();
  await page.locator('#preset').filter({ hasText: '' }).waitFor();
  await page.waitForFunction(() => document.getElementById('preset').value === 'base');
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '120');
  await page.goForward();
  await page.waitForFunction(() => document.getElementById('preset').value === 'bull');
  // A preset chosen over an untouched preset offers no Undo.
  await page.selectOption('#preset', 'base');
  assert.equal(await page.isVisible('#undo-notice'), false);
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

test('the headline and readings say which way a missing required growth lies', async () => {
  const cases = [
    ['#v=1&target=0.01', /the US\$0\.01bn target reached in FY2027\. In FY2031 alone: US\$95\.8bn, above the US\$0\.01bn target, first reached in one year in FY2027\.$/,
      // One year: 158.132 (1 + g)^5 = 0.0717 at g = -78.6 %.
      ['below -99% a year', 'below -99% a year', '-78.6% a year', 'below -99% a year']],
    ['#v=1&rev.base=1&target=1000000', /short of the US\$1,000,000bn target; no growth rate up to 1,000% a year would reach it\. .*; no growth rate up to 1,000% a year would reach it\.$/,
      ['above 1,000% a year', 'above 1,000% a year', 'above 1,000% a year', 'above 1,000% a year']],
    ['#v=1&rev.share=0', /that takes 35\.3% growth a year from FY2026\.$/,
      ['-3.2% a year', 'none: no AI revenue', '35.3% a year', 'none: no AI revenue']],
  ];
  for (const [hash, headline, growths] of cases) {
    const { context, page, problems } = await open(hash);
    assert.match(await page.textContent('#status'), headline, hash);
    const values = await page.locator('#readings dd').allTextContents();
    assert.deepEqual([values[3], values[4], values[8], values[9]], growths, hash);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('exports: a CSV report in the currency shown, the scenario as JSON with its preset, each chart as SVG', async () => {
  const { context, page, problems } = await open('#v=1&p=bear');
  const downloaded = async (selector) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const date = await page.evaluate(() => {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  });
  let csv = await downloaded('#download-csv');
  assert.equal(csv.name, `aicloud-scenario-bear-${date}.csv`);
  let lines = csv.text.split('\r\n');
  assert.equal(lines[0], '\uFEFFScenario,Preset,Bear');
  assert.equal(lines[1], 'Scenario,Money in,RMB');
  assert.ok(lines.includes('Summary,Target reached (cumulative),FY2030'));
  assert.ok(lines.includes('Summary,Target first reached in one year,not by FY2031'));
  assert.ok(lines.includes('Section,Figure,FY2027,FY2028,FY2029,FY2030,FY2031'));
  // Counts are whole numbers; shares fractions; the assumptions and their sources follow.
  const row = (start) => lines.find((line) => line.startsWith(start))?.split(',');
  assert.ok(row('Token economics,Accelerators needed').slice(2).every((v) => /^\d+$/.test(v)));
  assert.deepEqual(row('Assumptions,AI revenue growth (fraction a year)').slice(2), ['0.6', '0.4', '0.3', '0.2', '0.15']);
  assert.match(lines.find((line) => line.startsWith('Sources,Revenue target')), /cumulative/);

  // In US$, money is divided exactly (216.64084 RMB bn base-year revenue is no longer here: bear's FY2027 total / 7.17).
  await page.check('input[name="currency"][value="USD"]');
  csv = await downloaded('#download-csv');
  lines = csv.text.split('\r\n');
  assert.equal(lines[1], 'Scenario,Money in,US$ at 7.17 RMB per US$');
  const totals = await page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    const { scenario } = core.presets().find((p) => p.id === 'bear');
    return core.compute(scenario).revenue;
  });
  assert.deepEqual(row('Revenue,Total revenue (US$ bn; the one-year reading)').slice(2), totals.annualUsdBn);
  assert.ok(row('Revenue,AI revenue (US$ bn)'));
  assert.match(lines.find((line) => line.startsWith('Summary,Net present value')), /^Summary,Net present value \(US\$ bn\),-?\d+(\.\d{1,9})?$/);

  await page.fill('#f-targetUsdBn', '250');
  const json = await downloaded('#download-json');
  assert.equal(json.name, `aicloud-scenario-bear-${date}.json`);
  const scenario = JSON.parse(json.text);
  assert.equal(scenario.preset, 'bear');
  assert.equal(scenario.targetUsdBn, '250');
  assert.deepEqual(scenario.revenue.aiGrowth, ['0.6', '0.4', '0.3', '0.2', '0.15']);

  // Loading restores the preset; a partial file takes the rest from its preset and says so.
  await page.selectOption('#preset', 'base');
  await page.setInputFiles('#load-json', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await page.locator('#share-status').filter({ hasText: 'Loaded mine.json (Bear).' }).waitFor();
  assert.equal(await page.inputValue('#preset'), 'bear');
  assert.equal(await page.inputValue('#f-targetUsdBn'), '250');
  assert.match(await page.textContent('#status'), /US\$250bn/);
  const partial = JSON.stringify({ preset: 'bull', targetUsdBn: '300', revenue: { aiGrowth: ['1.5'] } });
  await page.setInputFiles('#load-json', { name: 'partial.json', mimeType: 'application/json', buffer: Buffer.from(partial) });
  await page.locator('#share-status').filter({ hasText: /^Loaded partial\.json \(Bull\)\. It had no value for 30 fields/ }).waitFor();
  assert.equal(await page.inputValue('#preset'), 'bull');
  assert.equal(await page.inputValue('#f-targetUsdBn'), '300');
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '150');
  assert.equal(await page.inputValue('#f-fxRmbPerUsd'), '7.17', 'taken from the preset, not blank');
  assert.equal(await page.locator('[aria-invalid]').count(), 0);
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
