// "How likely?" in real Chromium: the chance of the target, the histogram,
// the certainty goal seek and the tornado equal what the package's
// `simulate`, `solveProbability` and `sensitivity` give for the page's
// scenario and options; they follow edits, links carry the options, typing
// stays responsive during a million-sample run, and the section passes
// axe-core in light and dark mode, photographed at phone and desktop widths.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ARTIFACTS, axeViolations, openPage, sharedBrowser,
} from './browser.mjs';

const shared = sharedBrowser();
let page;
let problems;

/** Opens the page at `fragment` and waits for its analysis. */
async function open(fragment = '', viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  await page?.close();
  ({ page, problems } = await openPage(shared, fragment, { viewport, colorScheme }));
  await settled();
}

beforeEach(() => open());

/** Waits until the analysis asked for last has arrived. */
const settled = (timeout = 30_000) => page.waitForSelector('#likely[aria-busy="false"]', { timeout });

/**
 * What the section should say for the base preset with `edits`
 * (`[[path, value]]`) and these options, from the package and the page's own
 * wording functions: `{sentences, certainty, simulation}`.
 */
async function expected(edits = [], { samples = 10_000, seed = 1, level = '80' } = {}) {
  return page.evaluate(async ([changes, options]) => {
    const { core } = await import('/tests/page/reference-core.js');
    const { certaintySentence, likelySentences } = await import('/www/likely.js');
    const scenario = core.defaultScenario();
    for (const [path, value] of changes) {
      const keys = path.split('.');
      keys.slice(0, -1).reduce((at, key) => at[key], scenario)[keys.at(-1)] = value;
    }
    const { samples: n, seed: s, level: sure } = options;
    const simulation = core.simulate(scenario, { samples: n, seed: s });
    const certainty = core.solveProbability(scenario, { samples: n, seed: s, probability: Number(sure) / 100 });
    return {
      sentences: likelySentences(scenario, core.compute(scenario), simulation).join(''),
      certainty: certaintySentence(scenario, sure, certainty),
      simulation,
    };
  }, [edits, { samples, seed, level }]);
}

const likelyText = () => page.textContent('#likely-text');
const certaintyText = () => page.textContent('#certainty-text');

test('the chance shown is simulate() of the page\'s scenario at 10,000 samples, seed 1', async () => {
  const want = await expected();
  assert.equal(await likelyText(), want.sentences);
  assert.match(want.sentences, /^In \d+(\.\d)?% of 10,000 simulated futures the cumulative US\$100bn target is reached by FY2031/);
  assert.match(want.sentences, /revenue reaches US\$100bn in a single year in \d/);
  assert.equal(await certaintyText(), want.certainty);
  // The by-year table and the spread table show the same simulation.
  const byYear = await page.locator('#likely-years td').allTextContents();
  assert.equal(byYear.length, 5);
  assert.equal(byYear.at(-1), await page.evaluate(async (share) => (await import('/www/likely.js')).chance(share),
    want.simulation.probabilityHitTarget));
  const p50 = await page.textContent('#likely-spreads tbody tr:first-child td:nth-of-type(3)');
  assert.equal(p50, Number(want.simulation.cumulativeUsdBn.p50).toFixed(1));
  // The histogram: 40 bins of the simulation, the target and the three percentiles marked.
  const histogram = page.locator('#histogram-chart svg');
  assert.match(await histogram.locator('title').first().textContent(), /across 10,000 futures, against the US\$100bn target/);
  const counts = await page.locator('#histogram-table tbody tr td:nth-of-type(2)').allTextContents();
  assert.deepEqual(counts.map((text) => Number(text.replace(/,/g, ''))), want.simulation.histogram.counts);
  const notes = await histogram.locator('text.chart-note').allTextContents();
  for (const label of ['Target US$100bn', 'p10', 'p50', 'p90']) assert.ok(notes.includes(label), `${label} is marked`);
  assert.deepEqual(problems, []);
});

test('an edit to AI growth changes the chance, the histogram and the goal seek to the new scenario\'s', async () => {
  const before = await likelyText();
  await page.fill('#f-revenue-aiGrowth-0', '10');
  await page.fill('#f-revenue-aiGrowth-1', '10');
  await page.fill('#f-revenue-aiGrowth-2', '10');
  await page.waitForFunction((text) => document.getElementById('likely-text').textContent !== text, before);
  await settled();
  const scenarioGrowth = await page.evaluate(async () => (await import('/tests/page/reference-core.js')).core.defaultScenario().revenue.aiGrowth);
  const growth = ['0.1', '0.1', '0.1', ...scenarioGrowth.slice(3)];
  const want = await expected([['revenue.aiGrowth', growth]]);
  assert.equal(await likelyText(), want.sentences);
  assert.equal(await certaintyText(), want.certainty);
  assert.notEqual(want.sentences, before);
  assert.deepEqual(problems, []);
});

test('a link with samples, seed and level reopens with the same chance, histogram and goal seek', async () => {
  await page.fill('#samples', '20,000');
  await page.fill('#seed', '7');
  await page.selectOption('#certainty-level', '95');
  await settled();
  await page.waitForFunction(() => /samples=20000&seed=7&sure=95$/.test(location.hash));
  const want = await expected([], { samples: 20_000, seed: 7, level: '95' });
  assert.equal(await likelyText(), want.sentences);
  assert.match(want.sentences, /of 20,000 simulated futures/);
  assert.equal(await certaintyText(), want.certainty);
  assert.match(want.certainty, /95%/);
  const histogram = await page.locator('#histogram-table').innerHTML();

  const link = new URL(page.url()).hash.slice(1);
  await open(link);
  assert.equal(await page.inputValue('#samples'), '20000');
  assert.equal(await page.inputValue('#seed'), '7');
  assert.equal(await page.inputValue('#certainty-level'), '95');
  assert.equal(await likelyText(), want.sentences);
  assert.equal(await certaintyText(), want.certainty);
  assert.equal(await page.locator('#histogram-table').innerHTML(), histogram);
  // Defaults are left out of the link.
  await page.fill('#samples', '10000');
  await page.fill('#seed', '1');
  await page.selectOption('#certainty-level', '80');
  await page.waitForFunction(() => !/samples|seed|sure/.test(location.hash));
  assert.deepEqual(problems, []);
});

test('the goal seek\'s sentence follows the level chosen', async () => {
  const sentences = new Map();
  for (const level of ['50', '80', '90', '95']) {
    await page.selectOption('#certainty-level', level);
    await settled();
    const want = await expected([], { level });
    assert.equal(await certaintyText(), want.certainty);
    sentences.set(level, want.certainty);
  }
  assert.equal(new Set(sentences.values()).size, 4, 'four levels, four sentences');
  assert.match(sentences.get('95'), /95% likely/);
  // Out of reach: without AI revenue no AI growth helps, and other cloud revenue alone falls short.
  await page.fill('#f-revenue-aiShareBase', '0');
  await page.fill('#f-targetUsdBn', '100000');
  await settled();
  assert.match(await certaintyText(), /^Out of reach: even AI revenue growth 1,000 points higher/);
  assert.match(await likelyText(), /^In 0% of 10,000 simulated futures/);
  assert.deepEqual(problems, []);
});

test('the tornado lists the 13 input groups of MODEL.md, for each output chosen', async () => {
  const groups = ['revenue.baseRmbBn', 'revenue.aiShareBase', 'revenue.aiGrowth', 'revenue.coreGrowth', 'fxRmbPerUsd',
    'capex.rmbBn', 'capex.incrementalCashMargin', 'capex.discountRate', 'tokens.priceRmbPerMTok', 'tokens.tokensPerSecond',
    'tokens.utilization', 'tokens.acceleratorCostRmb', 'tokens.inHouseShare'];
  const labels = await page.evaluate(async (paths) => {
    const { FIELD_TEXT } = await import('/www/fields.js');
    return paths.map((path) => FIELD_TEXT[path].label);
  }, groups);
  const rows = await page.locator('#tornado-table tbody th').allTextContents();
  assert.equal(rows.length, 1 + 2 * 13);
  assert.deepEqual(new Set(rows.slice(1).map((label) => label.replace(/ \(held in its range\)$/, ''))), new Set(labels));
  for (const metric of ['cumulative', 'npv', 'margin']) {
    await page.selectOption('#tornado-metric', metric);
    const chart = page.locator('#tornado-chart svg');
    // Each group is a row of bars or is named among those with no effect on this output.
    const text = (await chart.locator('text').allTextContents()).join(' ');
    for (const label of labels) assert.ok(text.replace(/\s+/g, ' ').includes(label), `${metric}: ${label}`);
    // Every bar's end has one decimal, a whole number too ("US$274.0bn" beside "US$334.9bn"), so the labels line up.
    const ends = await chart.locator('text.chart-label.halo-text').allTextContents();
    assert.ok(ends.length >= 2, `${metric}: ${ends}`);
    const shape = metric === 'margin' ? /^−?\d+\.\d%$/ : /^−?(RMB|US\$)\d[\d,]*\.\dbn$/;
    for (const end of ends) assert.match(end, shape, `${metric}: ${end}`);
  }
  // Cumulative revenue: AI growth moves it, capex does not; sorted by swing.
  await page.selectOption('#tornado-metric', 'cumulative');
  const want = await page.evaluate(async () => {
    const { core } = await import('/tests/page/reference-core.js');
    return core.sensitivity(core.defaultScenario());
  });
  const top = labels[groups.indexOf(want.rows[0].group)];
  assert.match(await page.locator('#tornado-chart svg desc').textContent(), new RegExp(`\\. ${top.replace(/[()+]/g, '\\$&')} matters most`));
  assert.deepEqual(problems, []);
});

test('typing during a 1,000,000-sample run stays responsive and ends with the latest input\'s result', async () => {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => entry.duration)))
      .observe({ type: 'longtask', buffered: false });
  });
  await page.fill('#samples', '1,000,000');
  await page.waitForSelector('#likely-progress:not([hidden])');
  assert.match(await page.textContent('#likely-progress-text'), /Simulating 1,000,000 futures|Finding the AI growth/);
  // Keystrokes into the target while the run goes on: each is handled at once. The delay is
  // measured in the page, from the key's input event (its timeStamp: when the key was sent)
  // to the frame after its handler, so that a slow test machine's round trips do not count.
  const input = page.locator('#f-targetUsdBn');
  await input.selectText();
  await page.evaluate(() => {
    window.keyDelays = [];
    document.getElementById('f-targetUsdBn').addEventListener('input', (event) => {
      requestAnimationFrame(() => window.keyDelays.push(Math.round(performance.now() - event.timeStamp)));
    });
  });
  for (const key of ['2', '5', '0']) {
    await input.press(key);
    await page.waitForTimeout(60);
  }
  await page.waitForFunction(() => window.keyDelays.length === 3);
  const delays = await page.evaluate(() => window.keyDelays);
  assert.equal(await input.inputValue(), '250');
  await settled(120_000);
  const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
  assert.ok(longest < 250, `the longest main-thread task took ${longest} ms`);
  assert.ok(Math.max(...delays) < 500, `keystrokes took ${delays.join(', ')} ms`);
  const want = await expected([['targetUsdBn', '250']], { samples: 1_000_000 });
  assert.equal(await likelyText(), want.sentences);
  assert.match(want.sentences, /of 1,000,000 simulated futures the cumulative US\$250bn target/);
  assert.equal(await certaintyText(), want.certainty);
  assert.deepEqual(problems, []);
});

test('bad options are refused with the range, keep the last results greyed and block sharing', async () => {
  const before = await likelyText();
  for (const [typed, message] of [['10,5', /Use a point for decimals/], ['', /Enter a value: whole number from 1,000 to 1,000,000/],
    ['1e5', /Whole number from 1,000 to 1,000,000/], ['999', /Whole number from 1,000/], ['2,000,000', /to 1,000,000/]]) {
    await page.fill('#samples', typed);
    assert.match(await page.textContent('#samples-error'), message, typed);
    assert.equal(await page.getAttribute('#samples', 'aria-invalid'), '');
    assert.ok(await page.isDisabled('#copy-link'), `${typed}: sharing is off`);
    assert.equal(await likelyText(), before);
  }
  await page.fill('#seed', '-1');
  assert.match(await page.textContent('#seed-error'), /Whole number from 0 to 4,294,967,295/);
  await page.fill('#samples', '10000');
  await page.fill('#seed', '1');
  assert.ok(await page.isHidden('#samples-error'));
  assert.ok(await page.isEnabled('#copy-link'));
  // A bad level in a link: the default, and a notice.
  await open('v=1&p=base&sure=85&samples=abc');
  assert.equal(await page.inputValue('#certainty-level'), '80');
  assert.match(await page.textContent('#link-notice'), /sure=85 is not one of 50, 80, 90, 95/);
  assert.equal(await page.inputValue('#samples'), 'abc');
  assert.match(await page.textContent('#samples-error'), /Whole number/);
  assert.deepEqual(problems, []);
});

test('the CSV carries the simulation, the histogram, the goal seek and the tornado; both charts export as SVG', async () => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const csv = readFileSync(await file.path(), 'utf8');
  const want = await expected();
  assert.ok(csv.includes(`Simulation,Chance the cumulative target is reached (fraction),${want.simulation.probabilityHitTarget}\r\n`));
  assert.equal(csv.match(/^Histogram,\d/gm).length, 40);
  assert.ok(csv.includes('Certainty goal seek,Chance wanted for the cumulative target (fraction),0.8\r\n'));
  assert.equal(csv.match(/^Sensitivity,(revenue|capex|tokens|fx)/gm).length, 26);
  // Each input group by its path and by the form's label of it.
  assert.ok(csv.includes('Sensitivity,Input group,Input,Moved,'), csv);
  assert.match(csv, /^Sensitivity,,Base case,0,[\d.]+,/m);
  assert.equal(csv.match(/^Sensitivity,revenue\.aiGrowth,AI revenue growth,(-0\.1|0\.1),/gm).length, 2);
  for (const chart of ['histogram-chart', 'tornado-chart']) {
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`[data-chart="${chart}"]`)]);
    const text = readFileSync(await svg.path(), 'utf8');
    assert.match(text, /^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(text, /<title[^>]*>[^<]+<\/title>/);
  }
  assert.deepEqual(problems, []);
});

test('axe-core finds no violations in the section, light and dark, with its tables open; screenshots', async () => {
  for (const [width, colorScheme] of [[320, 'light'], [360, 'light'], [360, 'dark'], [1280, 'light'], [1280, 'dark']]) {
    await open('', { width, height: 900 }, colorScheme);
    for (const summary of await page.locator('#likely summary').all()) await summary.click();
    assert.deepEqual(await axeViolations(page), [], `${width} px ${colorScheme}`);
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width} px: ${overflow} px too wide`);
    await page.locator('#likely').screenshot({ path: `${ARTIFACTS}likely-${width}-${colorScheme}.png` });
  }
  assert.deepEqual(problems, []);
});
