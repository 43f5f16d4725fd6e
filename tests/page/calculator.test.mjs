// The calculator page in real Chromium: it loads cleanly, recomputes on
// input, marks bad input and recovers, switches presets and currency, works
// from the keyboard, passes axe-core's WCAG 2.2 AA rules, and is
// photographed at phone and desktop widths.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTIFACTS, axeViolations, liveAnswer, sectionsDrawn, sharedBrowser, watch,
} from './browser.mjs';

const shared = sharedBrowser();
let page;
let problems;
beforeEach(async () => {
  await page?.close();
  page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = await watch(page);
  await page.goto(shared.server.url);
  await liveAnswer(page);
});

/** The headline the page's own modules give for a preset with `edits` (`[[path, value]]`). */
async function expectedHeadline(edits = [], presetId = 'base') {
  return page.evaluate(async ([changes, id]) => {
    const { core } = await import('/tests/page/reference-core.js');
    const { headline } = await import('/www/render.js');
    const { scenario } = core.presets().find((p) => p.id === id);
    for (const [path, value] of changes) {
      const keys = path.split('.');
      keys.slice(0, -1).reduce((at, key) => at[key], scenario)[keys.at(-1)] = value;
    }
    return headline(scenario, core.compute(scenario));
  }, [edits, presetId]);
}

const status = () => page.textContent('#status');
/** A projected year's cell (column 1 is the first projected year, after any reported ones). */
/** A projected cell of a section's table, once the sections are drawn. */
async function cell(table, row, column) {
  await sectionsDrawn(page);
  return page.locator(`#${table}-table tbody tr:nth-child(${row}) td:not(.reported)`).nth(column - 1).textContent();
}

async function axe(label) {
  assert.deepEqual(await axeViolations(page), [], `axe violations (${label})`);
}

test('loads with no console error or failed request, showing compute(defaultScenario())', async () => {
  assert.equal(await status(), await expectedHeadline());
  assert.equal(await status(),
    'Cumulative FY2027-FY2031: US$301.4bn, the US$100bn target reached in FY2029. '
    + 'In FY2031 alone: US$95.8bn, US$4.2bn short of US$100bn; that takes 35.3% growth a year from FY2026.');
  assert.equal(await cell('revenue', 1, 1), '94.9');
  // The revenue, capex and token charts (groups of explainable points), the histogram and the tornado (images).
  await page.waitForSelector('#likely[aria-busy="false"]');
  assert.equal(await page.locator('svg.chart[role="group"]').count(), 3);
  assert.equal(await page.locator('svg.chart[role="img"]').count(), 2);
  // Every field has an input, a range and a source note.
  assert.equal(await page.locator('.field').count(), 32);
  assert.equal(await page.locator('.field .note:empty').count(), 0);
  assert.deepEqual(problems, []);
});

test('the headline and the readings panels give both readings of the target, for every preset', async () => {
  const readings = () => page.locator('#readings dd').allTextContents();
  // Base: 717 / 158.132 ... cumulative met in FY2029, FY2031 alone 687.1078 / 7.17 = 95.83.
  assert.deepEqual(await readings(), [
    'US$301.4bn', 'FY2029', 'US$201.4bn above', '-3.2% a year', '-64.7% a year',
    'US$95.8bn', 'not by FY2031', 'US$4.2bn short', '35.3% a year', '64.1% a year',
  ]);
  assert.match(await page.textContent('.readings-note'), /cumulative revenue over five years.*in revenue within five years/);
  await page.selectOption('#preset', 'bull');
  assert.equal(await status(), 'Cumulative FY2027-FY2031: US$429.0bn, the US$100bn target reached in FY2029. '
    + 'In FY2031 alone: US$148.5bn, above the US$100bn target, first reached in one year in FY2030.');
  assert.equal(await status(), await expectedHeadline([], 'bull'));
  await page.selectOption('#preset', 'bear');
  assert.equal(await status(), 'Cumulative FY2027-FY2031: US$179.4bn, the US$100bn target reached in FY2030. '
    + 'In FY2031 alone: US$44.3bn, US$55.7bn short of US$100bn; that takes 35.3% growth a year from FY2026.');
  // A target out of reach both ways says what each reading would take.
  await page.fill('#f-targetUsdBn', '1000');
  assert.equal(await status(), 'Cumulative FY2027-FY2031: US$179.4bn, US$820.6bn short of the US$1,000bn target; '
    + 'that takes 85.4% growth a year from FY2026. In FY2031 alone: US$44.3bn, US$955.7bn short of US$1,000bn; '
    + 'that takes 114.4% growth a year from FY2026.');
  // The revenue chart draws the target on both axes, and the table has both US$ rows.
  assert.equal(await page.locator('#revenue-chart .rule.series-target:not(.swatch)').count(), 1);
  assert.equal(await page.locator('#revenue-chart .rule.series-target-annual:not(.swatch)').count(), 1);
  const labels = await page.locator('#revenue-table tbody th').allTextContents();
  assert.ok(labels.includes('Total revenue (US$ bn; the one-year reading)'));
  assert.ok(labels.includes('Cumulative revenue (US$ bn; the cumulative reading)'));
  await axe('readings');
  assert.deepEqual(problems, []);
});

test('input is read exactly as typed, or refused with the reason', async () => {
  const error = (id) => page.textContent(`#${id}-error`);
  const invalid = (id) => page.getAttribute(`#${id}`, 'aria-invalid');
  // A decimal comma is never read as a thousands separator.
  for (const typed of ['7,17', '7,1', '1,2,3', '7,1700']) {
    await page.fill('#f-fxRmbPerUsd', typed);
    assert.equal(await invalid('f-fxRmbPerUsd'), 'true', typed);
    assert.equal(await error('f-fxRmbPerUsd'),
      'Use a point for decimals (7.17, not 7,17); a comma only between groups of three digits (1,250).', typed);
    assert.match(await status(), /^Check Exchange rate: Use a point for decimals/);
  }
  await page.fill('#f-revenue-aiShareBase', '0,3');
  assert.equal(await invalid('f-revenue-aiShareBase'), 'true');
  await page.fill('#f-revenue-aiShareBase', '30');
  // Thousands separators in their places, spaces around and a % in a percent field are read.
  await page.fill('#f-fxRmbPerUsd', ' 7.17 ');
  await page.fill('#f-tokens-tokensPerSecond', '2,000');
  await page.fill('#f-revenue-aiGrowth-0', '100%');
  await page.fill('#f-capex-rmbBn-0', '1,30');
  assert.equal(await invalid('f-capex-rmbBn-0'), 'true');
  assert.match(await error('f-capex-rmbBn'), /^Capital expenditure, FY2027: Use a point for decimals/);
  await page.fill('#f-capex-rmbBn-0', '130');
  assert.equal(await page.locator('[aria-invalid]').count(), 0);
  assert.equal(await status(), await expectedHeadline());
  await page.fill('#f-tokens-tokensPerSecond', '12,500.5');
  assert.equal(await page.locator('[aria-invalid]').count(), 0);
  assert.equal(await status(), await expectedHeadline([['tokens.tokensPerSecond', '12500.5']]));
  // A % where the unit is not a percentage, and spaces inside a number, are refused.
  await page.fill('#f-fxRmbPerUsd', '7%');
  assert.equal(await error('f-fxRmbPerUsd'), 'Enter the number without %: this field is in RMB per US$.');
  await page.fill('#f-fxRmbPerUsd', '7 17');
  assert.equal(await error('f-fxRmbPerUsd'), 'Type the number without spaces inside it (1250 or 1,250).');
  await page.fill('#f-fxRmbPerUsd', '7.17');
  assert.equal(await status(), await expectedHeadline([['tokens.tokensPerSecond', '12500.5']]));
  await axe('refused input');
  assert.deepEqual(problems, []);
});

test('typing a new AI growth updates the headline, the table and the chart', async () => {
  const chartBefore = await page.locator('#revenue-chart svg').innerHTML();
  await page.fill('#f-revenue-aiGrowth-0', '150');
  // 158.132 * 0.3 * 2.5 = 118.599.
  assert.equal(await cell('revenue', 1, 1), '118.6');
  assert.equal(await status(), await expectedHeadline([['revenue.aiGrowth', ['1.5', '0.8', '0.6', '0.45', '0.35']]]));
  assert.notEqual(await page.locator('#revenue-chart svg').innerHTML(), chartBefore);
  assert.deepEqual(problems, []);
});

test('an out-of-range value marks its field, keeps stale results, and recovers when fixed', async () => {
  const input = page.locator('#f-revenue-aiGrowth-2');
  await input.fill('2000');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  const describedBy = (await input.getAttribute('aria-describedby')).split(' ');
  assert.ok(describedBy.includes('f-revenue-aiGrowth-error'));
  assert.equal(await page.textContent('#f-revenue-aiGrowth-error'), 'AI revenue growth, FY2029: From -99 to 1,000 % a year.');
  assert.equal(await status(), 'Check AI revenue growth, FY2029: From -99 to 1,000 % a year.');
  assert.ok(await page.locator('body.is-stale').count());
  assert.ok(await page.isVisible('#stale'));
  assert.equal(await cell('revenue', 1, 1), '94.9', 'the last good results stay');
  await axe('error state');

  await input.fill('60');
  assert.equal(await input.getAttribute('aria-invalid'), null);
  assert.ok(!(await page.isVisible('#stale')));
  assert.equal(await page.locator('body.is-stale').count(), 0);
  assert.equal(await status(), await expectedHeadline());
  assert.deepEqual(problems, []);
});

test('text that is not a number is refused in the reader\'s words', async () => {
  await page.fill('#f-fxRmbPerUsd', '7.1.2e');
  assert.equal(await page.textContent('#f-fxRmbPerUsd-error'), 'Enter a number such as 12.5, without letters or exponents.');
  await page.fill('#f-fxRmbPerUsd', '');
  assert.equal(await page.textContent('#f-fxRmbPerUsd-error'), 'Enter a value.');
  await page.fill('#f-fxRmbPerUsd', '7.2');
  assert.equal(await page.getAttribute('#f-fxRmbPerUsd', 'aria-invalid'), null);
  assert.deepEqual(problems, []);
});

test('switching presets and currency', async () => {
  await page.selectOption('#preset', 'bull');
  assert.equal(await status(), await expectedHeadline([], 'bull'));
  assert.match(await page.textContent('#preset-rationale'), /^Management's own trajectory/);
  assert.match(await page.textContent('#f-revenue-aiGrowth-note'), /^Bull assumption/);
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '165');

  await page.selectOption('#preset', 'base');
  await page.check('input[name="currency"][value="USD"]');
  // 94.8792 / 7.17 = 13.23...
  assert.equal(await cell('revenue', 1, 1), '13.2');
  assert.match(await page.textContent('#revenue-table tbody tr:first-child th'), /US\$ bn/);
  assert.match(await page.textContent('#key-figures'), /-US\$22\.4bn/);
  await page.check('input[name="currency"][value="RMB"]');
  assert.equal(await cell('revenue', 1, 1), '94.9');
  assert.deepEqual(problems, []);
});

test('changing the horizon keeps what was typed, and Fill copies a year forward', async () => {
  await page.fill('#f-revenue-aiGrowth-4', '33');
  await page.fill('#f-horizonYears', '3');
  assert.equal(await page.locator('[data-cells="revenue.aiGrowth"] input').count(), 3);
  await page.fill('#f-horizonYears', '7');
  assert.equal(await page.locator('[data-cells="revenue.aiGrowth"] input').count(), 7);
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-4'), '33');
  assert.equal(await page.locator('#revenue-table thead th').last().textContent(), 'FY2033');

  await page.fill('#f-revenue-aiGrowth-1', '70');
  await page.click('[data-fill="revenue.aiGrowth"]');
  const values = await page.locator('[data-cells="revenue.aiGrowth"] input').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.deepEqual(values, ['100', '70', '70', '70', '70', '70', '70']);
  assert.equal(await status(), await expectedHeadline([['horizonYears', 7], ['revenue.aiGrowth', ['1', '0.7']]]));
  assert.deepEqual(problems, []);
});

test('keyboard only: an input, the preset picker and the currency toggle', async () => {
  const focusedId = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.name || '');
  async function tabTo(predicate, limit = 80) {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    assert.fail('never reached by Tab');
  }
  await tabTo(() => document.activeElement.id === 'preset');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#preset'), 'bull');
  assert.match(await status(), /^Cumulative/);
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-0'), '165');

  await tabTo(() => document.activeElement.id === 'f-targetUsdBn');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('400');
  assert.match(await status(), /the US\$400bn target/);
  assert.equal(await focusedId(), 'f-targetUsdBn');

  await tabTo(() => document.activeElement.name === 'currency', 200);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.querySelector('input[name="currency"]:checked').value), 'USD');
  await sectionsDrawn(page);
  assert.match(await page.textContent('#revenue-table tbody tr:first-child th'), /US\$ bn/);
  // Focus is visible: the focused radio draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  assert.deepEqual(problems, []);
});

test('reported years come before the projection, marked, and only for the presets\' base', async () => {
  const heads = (id) => page.locator(`#${id}-table thead th.reported`).allTextContents();
  const reportedCells = (id) => page.locator(`#${id}-table tbody td.reported`).allTextContents();
  assert.deepEqual(await heads('revenue'), ['FY2025 reported', 'FY2026 reported']);
  assert.deepEqual((await reportedCells('revenue')).filter(Boolean), ['118.0', '158.1']);
  assert.deepEqual(await heads('capex'), ['FY2024 reported', 'FY2025 reported', 'FY2026 reported']);
  assert.deepEqual((await reportedCells('capex')).filter(Boolean), ['32.1', '86.0', '126.1']);
  assert.deepEqual(await heads('tokens'), []);
  // The charts: reported bars of their own, named in the legend and the description.
  assert.equal(await page.locator('#revenue-chart rect.bar.series-reported').count(), 2);
  assert.equal(await page.locator('#capex-chart rect.bar.series-reported').count(), 3);
  assert.match(await page.textContent('#revenue-chart svg desc'), /Reported before the projection: FY2025 RMB118bn, FY2026 RMB158\.1bn\./);
  assert.match(await page.textContent('#capex-chart svg desc'), /outside the payback: FY2024 RMB32\.1bn, FY2025 RMB86bn, FY2026 RMB126\.1bn\./);
  // Where AI passes half of revenue, beside management's statement.
  assert.match(await page.textContent('#revenue-chart svg'), /AI over half FY2028/);
  const figure = (term) => page.locator('#key-figures > div').filter({ hasText: term }).locator('dd').textContent();
  assert.equal(await figure('AI revenue over half of revenue; management said within a year, by FY2027'), 'from FY2028');
  await page.selectOption('#preset', 'bull');
  await liveAnswer(page);
  assert.equal(await figure('AI revenue over half of revenue; management said within a year, by FY2027'), 'from FY2027');
  // In US$ the reported revenue is converted at the scenario's rate, on the one-year reading's row.
  await page.check('input[name="currency"][value="USD"]');
  assert.deepEqual((await reportedCells('revenue')).filter(Boolean), ['16.5', '22.1']);
  // Another base revenue is not the one reported: no reported years anywhere.
  await page.fill('#f-revenue-baseRmbBn', '160');
  await page.waitForFunction(() => !document.querySelector('#revenue-table th.reported'));
  assert.equal(await page.locator('#revenue-chart rect.series-reported, #capex-chart rect.series-reported').count(), 0);
  assert.equal(await figure('AI revenue over half of revenue'), 'from FY2027');
  assert.deepEqual(problems, []);
});

test('axe-core finds no WCAG 2.2 AA violation, light and dark', async () => {
  await axe('initial');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('dark mode');
});

test('screenshots at 360 and 1280 px, light and dark', async () => {
  for (const [width, scheme] of [[360, 'light'], [360, 'dark'], [1280, 'light'], [1280, 'dark']]) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${ARTIFACTS}calculator-${width}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${ARTIFACTS}calculator-print.pdf` });
  // Nothing overflows the phone viewport sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  assert.deepEqual(problems, []);
});
