// Compare A and B in real Chromium: Keep as A pins the results, edits make
// B, both are drawn on the charts, the words and the table (A, B, B − A)
// equal what `compute` gives for each, one link carries both, Swap and
// Clear do what they say, the CSV has the comparison, the widget draws it,
// and axe-core finds nothing in compare mode, light and dark.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ARTIFACTS, axeViolations, liveAnswer, openPage, sectionsDrawn, sharedBrowser,
} from './browser.mjs';

const shared = sharedBrowser();
let page;
let problems;

async function open(fragment = '', viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  await page?.close();
  ({ page, problems } = await openPage(shared, fragment, { viewport, colorScheme }));
  await liveAnswer(page);
}

beforeEach(() => open());

/** Keeps the base preset as A, then makes B with AI growth of 150 % in FY2027. */
async function pinAndEdit() {
  await page.click('#keep-a');
  assert.ok(await page.isVisible('#compare'));
  await page.fill('#f-revenue-aiGrowth-0', '150');
  await page.waitForFunction(() => /\+/.test(document.getElementById('compare-text').textContent));
}

/** What the page's own functions say for A (base) and B (base with `aiGrowth[0]` = 1.5), from the package. */
async function expected(currency = 'RMB') {
  return page.evaluate(async (symbol) => {
    const { core } = await import('/tests/page/reference-core.js');
    const { compareSentence, compareTable } = await import('/www/compare.js');
    const { currencyOf } = await import('/www/render.js');
    const a = { scenario: core.defaultScenario() };
    a.projection = core.compute(a.scenario);
    const b = { scenario: core.defaultScenario() };
    b.scenario.revenue.aiGrowth[0] = '1.5';
    b.projection = core.compute(b.scenario);
    return {
      sentence: compareSentence(a, b),
      table: compareTable(a, b, currencyOf(symbol, b.scenario.fxRmbPerUsd)).rows,
      a: a.projection.revenue.cumulativeUsdBn.at(-1),
      b: b.projection.revenue.cumulativeUsdBn.at(-1),
    };
  }, currency);
}

const tableRows = () => page.locator('#compare-table tbody tr').evaluateAll(
  (rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
);

test('Keep as A, then an edit: the words, the table and both series on every chart', async () => {
  assert.ok(await page.isHidden('#compare'));
  await pinAndEdit();
  const want = await expected();
  assert.equal(await page.textContent('#compare-text'), want.sentence);
  assert.equal(want.sentence, 'B reaches the cumulative target in FY2029, in the same year as A; cumulative US$ +51.3bn by FY2031.');
  assert.deepEqual(await tableRows(), want.table);
  const [label, a, b, difference] = want.table[0];
  assert.deepEqual([label, a, b], ['Cumulative revenue at the horizon (US$ bn)', Number(want.a).toFixed(1), Number(want.b).toFixed(1)]);
  // The difference is exact, then rounded: B - A from the decimal text.
  const exact = await page.evaluate(async ([x, y]) => (await import('/www/decimal.js')).subtractDecimal(y, x), [want.a, want.b]);
  assert.equal(difference, `+${Number(exact).toFixed(1)}`);
  for (const chart of ['revenue-chart', 'capex-chart', 'tokens-chart']) {
    assert.equal(await page.locator(`#${chart} polyline.line.series-compare`).count(), 1, chart);
    assert.match(await page.textContent(`#${chart} svg desc`), / of A /, chart);
  }
  assert.match(await page.textContent('#revenue-chart svg'), /Cumulative revenue, A/);
  // In US$ the table follows.
  await page.check('input[name="currency"][value="USD"]');
  assert.deepEqual(await tableRows(), (await expected('USD')).table);
  assert.deepEqual(problems, []);
});

test('one link carries A and B; a page without compare would ignore A\'s keys with a warning', async () => {
  await pinAndEdit();
  await page.waitForFunction(() => location.hash.includes('a.p=base'));
  const fragment = new URL(page.url()).hash.slice(1);
  assert.match(fragment, /^v=1&p=base&rev\.ai=1\.5,0\.8,0\.6,0\.45,0\.35&a\.p=base$/);
  const sentence = await page.textContent('#compare-text');
  const rows = await tableRows();
  await open(fragment);
  assert.ok(await page.isVisible('#compare'));
  assert.equal(await page.textContent('#compare-text'), sentence);
  assert.deepEqual(await tableRows(), rows);
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '150');
  // The core's link reader (what a page without compare uses) reads B and warns about A's keys.
  const read = await page.evaluate(async (text) => (await import('/tests/page/reference-core.js')).core.readScenarioLink(text), fragment);
  assert.equal(read.scenario.revenue.aiGrowth[0], '1.5');
  assert.ok(read.warnings.some((warning) => warning.message.includes('a.p')), JSON.stringify(read.warnings));
  // A's own differences travel too.
  await page.selectOption('#certainty-level', '90');
  await page.click('#clear-compare');
  await page.selectOption('#preset', 'bull');
  await page.click('#keep-a');
  await page.selectOption('#preset', 'bear');
  await page.waitForFunction(() => /a\.p=bull/.test(location.hash) && /^v=1&p=bear/.test(location.hash.slice(1)));
  assert.match(await page.textContent('#compare-text'), /^B (reaches|does not reach) the cumulative target/);
  assert.deepEqual(problems, []);
});

test('Swap exchanges A and B; Clear A ends the comparison and leaves the link without A', async () => {
  await pinAndEdit();
  await page.click('#swap-compare');
  await page.waitForFunction(() => document.getElementById('f-revenue-aiGrowth-0').value === '100');
  assert.match(await page.textContent('#compare-text'), /cumulative US\$ −51\.3bn by FY2031\.$/);
  const [, a, b, difference] = (await tableRows())[0];
  assert.deepEqual([a, b, difference], ['352.7', '301.4', '−51.3']);
  await page.click('#clear-compare');
  assert.ok(await page.isHidden('#compare'));
  // The charts out of view are redrawn in a task after the frame that shows the change.
  await sectionsDrawn(page);
  assert.equal(await page.locator('polyline.series-compare').count(), 0);
  await page.waitForFunction(() => !location.hash.includes('a.'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'keep-a');
  assert.deepEqual(problems, []);
});

test('the CSV carries A, B and B − A exactly; a bad A in a link is left out and said', async () => {
  await pinAndEdit();
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const csv = readFileSync(await file.path(), 'utf8');
  const want = await expected();
  const exact = await page.evaluate(async ([x, y]) => (await import('/www/decimal.js')).subtractDecimal(y, x), [want.a, want.b]);
  assert.ok(csv.includes(`Compare,Cumulative revenue at the horizon (US$ bn),${want.a},${want.b},${exact}\r\n`), csv.slice(0, 400));
  assert.ok(csv.includes('Compare,Cumulative target reached,2029,2029,0\r\n'));

  await open('v=1&p=base&a.p=bull&a.fx=0');
  assert.ok(await page.isHidden('#compare'));
  assert.match(await page.textContent('#link-notice'), /A could not be read \(fxRmbPerUsd must be/);
  assert.deepEqual(problems, []);
});

test('the widget draws A beside the link\'s scenario and says how they differ', async () => {
  await page.goto(`${shared.server.origin}/www/embed.html#v=1&p=base&rev.ai=1.5&a.p=base&show=revenue,payback`);
  await liveAnswer(page);
  assert.match(await page.textContent('#compare-text'), /^B reaches the cumulative target in FY2029, in the same year as A; cumulative US\$ \+/);
  assert.equal(await page.locator('polyline.line.series-compare').count(), 2);
  assert.match(await page.getAttribute('#full', 'href'), /&a\.p=base$/);
  assert.deepEqual(problems, []);
});

test('axe-core finds no violations in compare mode, light and dark; screenshots', async () => {
  for (const [width, colorScheme] of [[360, 'light'], [360, 'dark'], [1280, 'light'], [1280, 'dark']]) {
    await open('v=1&p=base&rev.ai=1.5&a.p=base', { width, height: 900 }, colorScheme);
    assert.ok(await page.isVisible('#compare'));
    assert.deepEqual(await axeViolations(page), [], `${width} px ${colorScheme}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width} px: ${overflow} px too wide`);
    await page.locator('#compare').screenshot({ path: `${ARTIFACTS}compare-${width}-${colorScheme}.png` });
  }
  assert.deepEqual(problems, []);
});
