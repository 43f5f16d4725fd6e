// The page's layout in real Chromium: on a phone the answer stays in view
// while the reader edits (the summary bar) and a skip link leads to the
// results; tables keep their labels in place and show their numbers, with a
// cue while they scroll; key figures never leave a tile alone on a row;
// five year inputs share a row on desktop; the Fill button says what it
// does; and the printed report is short and carries the assumptions and
// the link. Each new state passes axe-core's WCAG 2.2 AA rules, light and
// dark, and is photographed at 360 and 1280 px.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, axeViolations, liveAnswer, sharedBrowser, watch } from './browser.mjs';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const shared = sharedBrowser();
let page;
let problems;
beforeEach(async () => {
  await page?.close();
  page = await shared.browser.newPage({ viewport: DESKTOP });
  problems = await watch(page);
});

/** Opens the page at a viewport size and waits for the first results. */
async function open(viewport) {
  await page.setViewportSize(viewport);
  await page.goto(shared.server.url);
  await liveAnswer(page);
}

async function axe(label) {
  assert.deepEqual(await axeViolations(page), [], `axe violations (${label})`);
}

/** axe-core in light and in dark mode. */
async function axeBothSchemes(label) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await axe(`${label}, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const rect = (selector) => page.locator(selector).evaluate((node) => node.getBoundingClientRect().toJSON());
const barLines = () => page.locator('#summary-bar .summary-line').allTextContents();

test('on a phone the summary bar keeps both readings in view while the reader edits deep in the form', async () => {
  await open(PHONE);
  const field = page.locator('#f-revenue-coreGrowth-4');
  await field.scrollIntoViewIfNeeded();
  await field.focus();
  assert.ok(await page.isVisible('#summary-bar'));
  const bar = await rect('#summary-bar');
  assert.ok(Math.abs(bar.top) < 1, `the bar is pinned to the top (top ${bar.top})`);
  assert.deepEqual(await barLines(), ['FY27-31 total: US$301.4bn, met in FY29', 'FY31 alone: US$95.8bn, US$4.2bn short']);
  // Two short lines at 360 px: no line wraps.
  const lineCounts = await page.locator('#summary-bar .summary-line').evaluateAll((lines) => lines.map((line) => line.getClientRects().length));
  assert.deepEqual(lineCounts, [1, 1]);
  assert.ok((await rect('#f-revenue-coreGrowth-4')).top >= bar.bottom, 'the focused field is not under the bar');

  // Typing updates the bar: core growth of 150 % in FY2031 lifts FY2031 above the target.
  await field.fill('150');
  const [cumulative, annual] = await barLines();
  assert.match(cumulative, /^FY27-31 total: US\$\d[\d,]*\.\dbn, met in FY29$/);
  assert.notEqual(cumulative, 'FY27-31 total: US$301.4bn, met in FY29');
  assert.match(annual, /^FY31 alone: US\$\d[\d,]*\.\dbn, met in FY31$/);
  // The bar is not a second live region: the headline announces.
  assert.equal(await page.locator('#summary-bar [aria-live], #summary-bar[aria-live], #summary-bar [role="status"]').count(), 0);
  await axeBothSchemes('phone, summary bar');
  assert.deepEqual(problems, []);
});

test('the bar words both readings as the headline does', async () => {
  await open(DESKTOP);
  const lines = await page.evaluate(async () => {
    const { summaryBar } = await import('/www/summary-bar.js');
    const text = (projection) => summaryBar(projection).map((node) => node.textContent);
    const revenue = { cumulativeUsdBn: ['40', '90.04'], targetHitYear: null, gapUsdBn: '-9.96' };
    const annual = { annualUsdBn: ['40', '120'], annualTargetHitYear: 2028, annualGapUsdBn: '20' };
    // One year reached the target, the last one fell below it again.
    const fell = { annualUsdBn: ['120', '90'], annualTargetHitYear: 2027, annualGapUsdBn: '-10' };
    return [
      text({ years: [2099, 2100], revenue: { ...revenue, ...annual } }),
      text({ years: [2027, 2028], revenue: { ...revenue, ...annual } }),
      text({ years: [2027, 2028], revenue: { ...revenue, ...fell } }),
      text({ years: [2027], revenue: {
        cumulativeUsdBn: ['101'], targetHitYear: 2027, gapUsdBn: '1', annualUsdBn: ['101'], annualTargetHitYear: 2027, annualGapUsdBn: '1',
      } }),
    ];
  });
  assert.deepEqual(lines, [
    ['FY2099-2100 total: US$90.0bn, US$10.0bn short', 'FY2100 alone: US$120.0bn, met in FY2028'],
    ['FY27-28 total: US$90.0bn, US$10.0bn short', 'FY28 alone: US$120.0bn, met in FY28'],
    ['FY27-28 total: US$90.0bn, US$10.0bn short', 'FY28 alone: US$90.0bn, US$10.0bn short'],
    ['FY27 total: US$101.0bn, met in FY27', 'FY27 alone: US$101.0bn, met in FY27'],
  ]);
  assert.deepEqual(problems, []);
});

test('on a phone the bar greys out and says "Out of date" while input is bad, without moving the form', async () => {
  await open(PHONE);
  const field = page.locator('#f-tokens-utilization');
  await field.scrollIntoViewIfNeeded();
  const before = { bar: await rect('#summary-bar'), lines: await barLines() };
  const fieldTop = (await rect('#f-tokens-utilization')).top;
  await field.fill('abc');
  assert.equal(await page.locator('body.is-stale').count(), 1);
  assert.ok(await page.isVisible('#summary-bar .stale-badge'));
  assert.equal(await page.textContent('#summary-bar .stale-badge'), 'Out of date');
  assert.deepEqual(await barLines(), before.lines, 'the last good figures stay');
  const colours = await page.evaluate(() => {
    const style = (selector) => getComputedStyle(document.querySelector(selector)).color;
    return { bar: style('#summary-bar-lines'), muted: style('.range') };
  });
  assert.equal(colours.bar, colours.muted, 'stale figures are grey');
  assert.equal((await rect('#summary-bar')).height, before.bar.height, 'the bar keeps its height');
  assert.ok(Math.abs((await rect('#f-tokens-utilization')).top - fieldTop) < 1, 'the field being edited stays put');
  await axeBothSchemes('phone, stale summary bar');

  await field.fill('55');
  assert.equal(await page.locator('body.is-stale').count(), 0);
  assert.ok(!(await page.isVisible('#summary-bar .stale-badge')));
  assert.deepEqual(problems, []);
});

test('on a phone, moving focus backwards never leaves the focused field under the bar', async () => {
  await open(PHONE);
  await page.focus('#f-revenue-coreGrowth-0');
  await page.locator('#f-revenue-coreGrowth-0').evaluate((node) => node.scrollIntoView({ block: 'start' }));
  for (let step = 0; step < 8; step += 1) {
    await page.keyboard.press('Shift+Tab');
    const [focused, bar] = await page.evaluate(() => [
      document.activeElement.getBoundingClientRect().toJSON(),
      document.getElementById('summary-bar').getBoundingClientRect().toJSON(),
    ]);
    assert.ok(focused.top >= bar.bottom - 1, `step ${step}: focused top ${focused.top}, bar bottom ${bar.bottom}`);
  }
  assert.deepEqual(problems, []);
});

test('on a desktop the summary bar is hidden: the results sit beside the inputs', async () => {
  await open(DESKTOP);
  await page.locator('#f-revenue-coreGrowth-4').focus();
  assert.ok(!(await page.isVisible('#summary-bar')));
  assert.deepEqual(problems, []);
});

test('the skip link to the results moves focus to the results', async () => {
  await open(PHONE);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the assumptions');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the results');
  const skip = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
  assert.ok(skip.top >= 0 && skip.bottom <= PHONE.height, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-title');
  const title = await rect('#results-title');
  const bar = await rect('#summary-bar');
  assert.ok(title.top >= bar.bottom && title.bottom <= PHONE.height, `the results are in view (top ${title.top})`);
  // The next Tab goes on from the results, to the currency toggle.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'currency');
  assert.deepEqual(problems, []);
});

/**
 * A screenshot of a strip at the right edge of a table's frame, on the
 * caption's row (no text there), and of the same strip in the page margin
 * just beyond: equal when no scroll cue is drawn.
 */
async function edgeStrips(id) {
  const frame = await rect(`#${id}`);
  const caption = await rect(`#${id} caption`);
  const strip = (x) => ({ x, y: caption.top + 2, width: 12, height: caption.height - 4 });
  return {
    edge: await page.screenshot({ clip: strip(frame.right - 12) }),
    margin: await page.screenshot({ clip: strip(frame.right + 2) }),
  };
}

test('at 360 px a table keeps its labels in place and its numbers visible, with a cue while it scrolls', async () => {
  await open(PHONE);
  const frame = page.locator('#capex-table');
  await frame.scrollIntoViewIfNeeded();
  const label = page.locator('#capex-table tbody tr:first-child th');
  const lastCell = page.locator('#capex-table tbody tr:first-child td:last-child');
  assert.equal(await label.evaluate((node) => getComputedStyle(node).position), 'sticky');
  const labelBox = await label.boundingBox();
  assert.ok(labelBox.width <= 0.45 * PHONE.width, `the label column is ${labelBox.width} px wide`);
  assert.ok(labelBox.width >= 0.3 * PHONE.width, `the label column is readable (${labelBox.width} px)`);
  // Every label fits its column (wrapped, not clipped).
  assert.equal(await page.locator('#capex-table th[scope="row"]').evaluateAll(
    (cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).length), 0);
  // The first number is fully visible beside the label.
  const firstCell = await page.locator('#capex-table tbody tr:first-child td:first-of-type').boundingBox();
  assert.ok(firstCell.x >= labelBox.x + labelBox.width - 1 && firstCell.x + firstCell.width <= PHONE.width);

  // More columns lie to the right: the edge shows a cue.
  assert.ok(await frame.evaluate((node) => node.scrollWidth > node.clientWidth));
  let strips = await edgeStrips('capex-table');
  assert.ok(!strips.edge.equals(strips.margin), 'a shadow at the right edge while more columns lie beyond');

  // Scrolled to the end: the last year is in view, the label has stayed, and the cue is gone.
  await frame.evaluate((node) => { node.scrollLeft = node.scrollWidth; });
  const frameBox = await frame.boundingBox();
  const lastBox = await lastCell.boundingBox();
  assert.ok(lastBox.width > 0);
  assert.ok(lastBox.x >= labelBox.x + labelBox.width - 1, 'the last number is not under the label');
  assert.ok(lastBox.x + lastBox.width <= frameBox.x + frameBox.width + 1, 'the last number is inside the frame');
  assert.equal((await label.boundingBox()).x, labelBox.x, 'the label column stays in place');
  assert.match(await lastCell.textContent(), /^-?[\d,]+\.\d$/);
  strips = await edgeStrips('capex-table');
  assert.ok(strips.edge.equals(strips.margin), 'no cue once the last column is in view');
  await axeBothSchemes('phone, scrolled table');
  assert.deepEqual(problems, []);
});

test('at 1280 px a table that fits shows no scroll cue', async () => {
  await open(DESKTOP);
  const frame = page.locator('#revenue-table');
  await frame.scrollIntoViewIfNeeded();
  assert.ok(await frame.evaluate((node) => node.scrollWidth <= node.clientWidth));
  const strips = await edgeStrips('revenue-table');
  assert.ok(strips.edge.equals(strips.margin));
  assert.deepEqual(problems, []);
});

/** The number of key-figure tiles on each row, by offsetTop. */
const tileRows = () => page.locator('#key-figures > *').evaluateAll((tiles) => {
  const rows = new Map();
  for (const tile of tiles) rows.set(tile.offsetTop, (rows.get(tile.offsetTop) ?? 0) + 1);
  return [...rows.values()];
});

test('key figures never leave a tile alone on the last row, for any count of tiles, at 360, 720 and 1280 px', async () => {
  await open(DESKTOP);
  assert.ok((await tileRows()).every((count) => count > 1), `rows at 1280 px: ${await tileRows()}`);
  // Three and four a row: no row holds a single tile. Two a row: an odd
  // count's first tile takes the first row; every later row holds two.
  for (const width of [360, 720, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (let count = 2; count <= 13; count += 1) {
      // Make the list `count` tiles long, copying the first tile as needed.
      await page.locator('#key-figures').evaluate((list, n) => {
        while (list.children.length > n) list.lastElementChild.remove();
        while (list.children.length < n) list.append(list.firstElementChild.cloneNode(true));
      }, count);
      const rows = await tileRows();
      const alone = width === 360 && count % 2 === 1 ? rows.slice(1) : rows;
      assert.ok(alone.every((tiles) => tiles > 1), `${count} tiles at ${width} px: rows of ${rows.join(', ')}`);
      // No tile is squeezed below a readable width, and the tiles fill the row.
      const widths = await page.locator('#key-figures > *').evaluateAll((tiles) => tiles.map((tile) => tile.offsetWidth));
      assert.ok(Math.min(...widths) >= 120, `${count} tiles at ${width} px: widths ${widths.join(', ')}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('at 1280 px the year inputs of a row share one line: five in one row, ten in two rows of five', async () => {
  await open(DESKTOP);
  const tops = (path) => page.locator(`[data-cells="${path}"] input`).evaluateAll((inputs) => inputs.map((input) => input.offsetTop));
  for (const path of ['revenue.aiGrowth', 'capex.rmbBn', 'tokens.inHouseShare']) {
    const five = await tops(path);
    assert.equal(five.length, 5);
    assert.equal(new Set(five).size, 1, `${path}: ${five}`);
  }
  await page.fill('#f-horizonYears', '10');
  const ten = await tops('revenue.aiGrowth');
  assert.equal(ten.length, 10);
  assert.deepEqual([new Set(ten.slice(0, 5)).size, new Set(ten.slice(5)).size], [1, 1]);
  assert.ok(ten[5] > ten[0]);
  assert.deepEqual(problems, []);
});

test('the Fill button says what it does, and its accessible name starts with its visible text', async () => {
  await open(DESKTOP);
  const button = page.locator('[data-fill="revenue.aiGrowth"]');
  assert.equal(await button.textContent(), 'Fill later years');
  assert.equal(await button.getAttribute('aria-label'), "Fill later years of AI revenue growth with FY2027's value");
  await page.fill('#f-revenue-aiGrowth-2', '50');
  await page.getByRole('button', { name: "Fill later years of AI revenue growth with FY2029's value" }).click();
  const values = await page.locator('[data-cells="revenue.aiGrowth"] input').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.deepEqual(values, ['100', '80', '50', '50', '50']);
  // Every Fill button: visible text first in the name (WCAG 2.5.3).
  const names = await page.locator('button.fill').evaluateAll((buttons) => buttons.map((b) => [b.textContent, b.getAttribute('aria-label')]));
  assert.ok(names.length >= 6);
  for (const [text, name] of names) assert.ok(name.startsWith(text), name);
  assert.deepEqual(problems, []);
});

test('print: a short report with the assumptions, their sources and the link, without controls', async () => {
  await open(DESKTOP);
  await page.click('#show-embed');
  await page.fill('#f-revenue-aiGrowth-1', '90');
  // The link follows the scenario (the fragment is rewritten 300 ms after the last change).
  await page.waitForFunction(() => location.hash.includes('rev.ai=')
    && document.getElementById('print-link').textContent === location.href);
  assert.ok(!(await page.isVisible('#print-link')), 'the link as text is for print only');

  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-link'));
  assert.equal(await page.textContent('#print-link'), page.url());
  assert.match(page.url(), /rev\.ai=1,0\.9/);
  for (const selector of ['#status', '#key-figures', '#revenue-chart svg', '#tokens-table table',
    '#inputs', '#f-targetUsdBn', '#f-revenue-aiGrowth-1', '#f-revenue-aiGrowth-note', '#f-uncertainty-cashMarginSpread-note']) {
    assert.ok(await page.isVisible(selector), `${selector} is printed`);
  }
  assert.equal(await page.inputValue('#f-revenue-aiGrowth-1'), '90');
  assert.match(await page.textContent('#f-revenue-aiGrowth-note'), /\w/);
  // The assumptions come after the results, in two columns.
  assert.ok((await rect('#inputs')).top > (await rect('#tokens-table')).bottom);
  assert.equal(await page.locator('#inputs').evaluate((node) => getComputedStyle(node).columnCount), '2');
  // Controls are not printed; the figures (buttons that explain them on screen) print as their text.
  for (const selector of ['button:not(.explain-cell, .explain-value)', '.file-button', 'input[type="file"]', '#summary-bar', '#embed-panel', '.skip', '.range', 'input[name="currency"]']) {
    const shown = await page.locator(selector).evaluateAll((nodes) => nodes.filter((node) => node.checkVisibility()).length);
    assert.equal(shown, 0, `${selector} is not printed`);
  }

  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ media: 'print', colorScheme });
    // Paper is white whatever the screen's scheme.
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(27, 27, 27)');
    const pdf = await page.pdf({ path: `${ARTIFACTS}layout-print-${colorScheme}.pdf`, format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g).length;
    assert.ok(pages >= 1 && pages <= 3, `${pages} A4 pages`);
  }
  assert.deepEqual(problems, []);
});

test('screenshots at 360 and 1280 px, light and dark: the top, the bar over the form, a table, the key figures', async () => {
  for (const [viewport, width] of [[PHONE, 360], [DESKTOP, 1280]]) {
    await open(viewport);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => { window.scrollTo(0, 0); document.getElementById('inputs').scrollTop = 0; });
      await page.screenshot({ path: `${ARTIFACTS}layout-${width}-${colorScheme}.png` });
      await page.locator('#f-tokens-utilization').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}layout-${width}-${colorScheme}-form.png` });
      await page.locator('#key-figures').evaluate((node) => node.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${ARTIFACTS}layout-${width}-${colorScheme}-key-figures.png` });
      await page.locator('#capex-table').evaluate((node) => node.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${ARTIFACTS}layout-${width}-${colorScheme}-table.png` });
    }
  }
  assert.deepEqual(problems, []);
});
