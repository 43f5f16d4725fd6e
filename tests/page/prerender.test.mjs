// The answer before the wasm: www/index.html carries the base case's
// headline, readings, key figures and tables (scripts/prerender.mjs), shown
// at first paint and without JavaScript; with a link in the fragment they
// are hidden behind "Loading the scenario in your link…" until the page has
// computed the link's answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveAnswer, sectionsDrawn, sharedBrowser, watch } from './browser.mjs';

const shared = sharedBrowser();
const WASM = '**/aicloud_scenario_bg.wasm';
const BASE_HEADLINE = /^Cumulative FY2027-FY2031: US\$301\.4bn, the US\$100bn target reached in FY2029\./;

/** A page whose wasm request waits until `release()` is called. */
async function pageWithHeldWasm() {
  const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = await watch(page);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let requested;
  const wasmRequested = new Promise((resolve) => { requested = resolve; });
  await page.route(WASM, async (route) => {
    requested();
    await released;
    await route.continue();
  });
  return { page, problems, release, wasmRequested };
}

/** What the results show, as text: headline, readings, key figures and the three tables. */
const results = (page) => page.evaluate(() => ['status', 'readings', 'key-figures', 'revenue-table', 'capex-table', 'tokens-table']
  .map((id) => document.getElementById(id).textContent));

test('without JavaScript the page shows the base case: headline, readings, key figures, tables and the rationale', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  assert.match(await page.textContent('#status'), BASE_HEADLINE);
  assert.match(await page.textContent('#readings'), /Revenue, all years summedUS\$301\.4bn/);
  assert.match(await page.textContent('#key-figures'), /Payback of the capexnot within FY2031/);
  assert.ok(await page.locator('#revenue-table table tbody tr').count() >= 4);
  assert.match(await page.textContent('#revenue-table caption'), /Revenue by fiscal year/);
  assert.match(await page.textContent('#tokens-table thead'), /FY2031/);
  assert.match(await page.textContent('#preset-rationale'), /Reported FY2026 figures for Cloud Intelligence Group/);
  assert.equal(await page.locator('p', { hasText: 'Without it, this page shows the base case' }).isVisible(), true);
  // What only the calculator can do is not offered.
  for (const hidden of ['.share', '.currency', '#preset', '#likely', '#revenue-chart']) {
    assert.equal(await page.isVisible(hidden), false, hidden);
  }
  assert.equal(await page.isVisible('#link-loading'), false);
  await context.close();
});

test('the base answer is on screen before the wasm has loaded, and the computed page draws the same figures', async () => {
  const { page, problems, release, wasmRequested } = await pageWithHeldWasm();
  await page.goto(shared.server.url, { waitUntil: 'domcontentloaded' });
  await wasmRequested;
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('prerendered')), true);
  assert.equal(await page.isVisible('#status'), true);
  assert.match(await page.textContent('#status'), BASE_HEADLINE);
  const prerendered = await results(page);
  release();
  await liveAnswer(page);
  await sectionsDrawn(page);
  assert.deepEqual(await results(page), prerendered);
  assert.deepEqual(problems, []);
  await page.close();
});

test('with a link, the prerendered base case is hidden behind "loading the scenario in your link" until the link is computed', async () => {
  const { page, problems, release, wasmRequested } = await pageWithHeldWasm();
  await page.goto(`${shared.server.url}#v=1&p=base&target=250`, { waitUntil: 'domcontentloaded' });
  await wasmRequested;
  assert.equal(await page.isVisible('#link-loading'), true);
  assert.equal(await page.textContent('#link-loading'), 'Loading the scenario in your link…');
  assert.equal(await page.isVisible('#status'), false);
  for (const id of ['#readings', '#key-figures', '#revenue-table']) {
    assert.equal(await page.locator(id).evaluate((node) => getComputedStyle(node).visibility), 'hidden', id);
  }
  release();
  await liveAnswer(page);
  assert.match(await page.textContent('#status'), /US\$250bn target/);
  assert.equal(await page.isVisible('#link-loading'), false);
  assert.equal(await page.locator('#status').evaluate((node) => getComputedStyle(node).visibility), 'visible');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the head preloads every module page.js (main.js and its modules, bundled) imports, the wasm and its language\'s words, and the page uses each preload once', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(shared.server.url);
  await liveAnswer(page);
  const { preloaded, fetched } = await page.evaluate(() => ({
    preloaded: [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')].map((link) => link.href),
    // The document's requests before the analysis worker starts (the worker's
    // own imports, revalidated, are recorded here too).
    fetched: (() => {
      const entries = performance.getEntriesByType('resource');
      const worker = entries.find((entry) => entry.name.endsWith('/analysis-worker.js'));
      return entries.filter((entry) => !worker || entry.startTime < worker.startTime).map((entry) => entry.name);
    })(),
  }));
  const path = (url) => new URL(url).pathname;
  assert.ok(preloaded.some((url) => path(url) === '/pkg-page/aicloud_scenario_bg.wasm'), 'the wasm is preloaded');
  for (const module of ['/www/core.js', '/www/i18n.js', '/www/messages/en.js', '/pkg-page/aicloud_scenario.js']) {
    assert.ok(preloaded.some((url) => path(url) === module), `${module} is preloaded`);
  }
  // main.js and the modules it imports, but core.js and i18n.js, come in page.js, once.
  assert.equal(fetched.filter((url) => path(url) === '/www/page.js').length, 1, 'page.js is fetched once');
  for (const module of ['/www/main.js', '/www/render.js', '/www/form.js', '/www/charts.js']) {
    assert.ok(!fetched.some((url) => path(url) === module), `${module} comes in page.js`);
  }
  assert.ok(!preloaded.some((url) => path(url) === '/www/analysis-worker.js'), 'the worker loads its own modules');
  for (const url of preloaded) {
    assert.equal(fetched.filter((name) => name === url).length, 1, `${path(url)}: fetched once, by its preload`);
  }
  assert.ok(!fetched.some((url) => path(url) === '/www/messages/zh.js'), 'an English page loads no Chinese words');

  // A Chinese page preloads and loads its own table only.
  const chinese = await context.newPage();
  const chineseProblems = await watch(chinese);
  await chinese.goto(`${shared.server.url}#lang=zh`);
  await liveAnswer(chinese);
  const tables = await chinese.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname).filter((name) => name.startsWith('/www/messages/')));
  assert.deepEqual(tables, ['/www/messages/zh.js']);
  assert.deepEqual([...problems, ...chineseProblems], []);
  await context.close();
});
