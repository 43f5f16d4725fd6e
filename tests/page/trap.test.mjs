// A trap in the core (a bug not yet found) does not leave the page or the
// widget dead: www/core.js replaces the instance and computes again, and the
// reader is told once. The core is the page tests' build with the
// `trap-test` feature (scripts/test.sh builds it into target/trap):
// `trapForTest` traps and leaves its instance trapping on every later call
// that reads a scenario, as a bug that broke the instance would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { liveAnswer, sharedBrowser, watch } from './browser.mjs';

const shared = sharedBrowser();
const TRAP = new URL('../../target/trap/', import.meta.url).pathname;

/** A page whose core (page or widget) is the trap-test build. */
async function pageWithTrappingCore() {
  assert.ok(existsSync(`${TRAP}pkg-page/aicloud_scenario_bg.wasm`),
    'no trap-test core: run scripts/test.sh, or CARGO_FEATURES=trap-test scripts/build.sh target/trap/pkg target/trap/pkg-embed target/trap/www target/trap/dist target/trap/pkg-page');
  // Blocked: requests a service worker answers would not be routed to the trap-test core.
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = await watch(page);
  const files = {
    'pkg-page/aicloud_scenario.js': 'text/javascript', 'pkg-page/aicloud_scenario_bg.wasm': 'application/wasm', 'pkg-embed/core.js': 'text/javascript',
    'pkg-embed/core-analysis.js': 'text/javascript',
  };
  for (const [file, contentType] of Object.entries(files)) {
    await page.route(`**/${file}`, (route) => route.fulfill({ path: `${TRAP}${file}`, contentType }));
  }
  return { context, page, problems };
}

/** Breaks the instance of the core in `target` (the page, or the widget's frame). */
function breakCore(target, widget = false) {
  return target.evaluate(async (isWidget) => {
    // The widget's core is a global lexical binding of pkg-embed/core.js, not a property of globalThis.
    const glue = isWidget ? wasm_bindgen : await import('/pkg-page/aicloud_scenario.js');
    try {
      glue.trapForTest();
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      return error.message;
    }
    throw new Error('trapForTest did not trap');
  }, widget);
}

test('after a trap the page computes on a new instance, and says so once', async () => {
  const { context, page, problems } = await pageWithTrappingCore();
  await page.goto(shared.server.url);
  await liveAnswer(page);
  assert.equal(await page.isVisible('#restart-notice'), false);
  assert.match(await breakCore(page), /unreachable/);
  await page.fill('#f-targetUsdBn', '250');
  await page.locator('#status').filter({ hasText: /US\$250bn target/ }).waitFor();
  assert.equal(await page.isVisible('#restart-notice'), true);
  assert.match(await page.textContent('#restart-notice'), /internal error/);
  // Dismissed, it stays away: the reader is told once.
  await page.click('#restart-notice button');
  assert.equal(await page.isVisible('#restart-notice'), false);
  await breakCore(page);
  await page.fill('#f-targetUsdBn', '300');
  await page.locator('#status').filter({ hasText: /US\$300bn target/ }).waitFor();
  assert.equal(await page.isVisible('#restart-notice'), false);
  // The explain panel and the simulation in the worker still answer.
  await page.click('#key-figures [data-explain="capex.npvRmbBn"]');
  await page.locator('.explain-panel').filter({ hasText: /npvRmbBn/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('after a trap the widget computes on a new instance, and says so, with either core', async () => {
  for (const show of ['revenue', 'probability']) {
    const { context, page, problems } = await pageWithTrappingCore();
    await page.goto(`${shared.server.url}embed.html#v=1&p=base&show=${show}&inputs=targetUsdBn`);
    await liveAnswer(page);
    await breakCore(page, true);
    await page.fill('#f-targetUsdBn', '250');
    await page.locator('#status').filter({ hasText: /US\$250bn target/ }).waitFor();
    assert.equal(await page.isVisible('#restart-notice'), true);
    if (show === 'probability') await page.locator('#embed-probability-text').filter({ hasText: /US\$250bn/ }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a page whose core cannot load tells the reader, over the base case or in place of a link\'s scenario', async () => {
  for (const fragment of ['', '#v=1&p=bull']) {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/pkg-page/aicloud_scenario_bg.wasm', (route) => route.abort());
    const error = page.waitForEvent('pageerror');
    await page.goto(`${shared.server.url}${fragment}`);
    await error;
    await page.locator('#link-loading').filter({ hasText: /^The calculator could not load \(.+\), so it cannot compute\. Reload the page to try again\.$/ }).waitFor();
    assert.equal(await page.getAttribute('#link-loading', 'role'), 'alert');
    // Its controls are disabled, since none can act.
    assert.ok(await page.locator('main :is(button, select)').count() > 10);
    assert.equal(await page.locator('main :is(button, input, select, textarea):not(:disabled)').count(), 0);
    assert.equal(await page.locator('.file-button').evaluate((label) => getComputedStyle(label).opacity), '0.6');
    // The prerendered base case stays in view, unless the link asked for another scenario.
    assert.equal(await page.isVisible('#status'), fragment === '');
    await context.close();
  }
});
