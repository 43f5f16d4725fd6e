// The README's browser example (examples/browser.html and browser.js) in
// headless Chromium, served with the page's Content-Security-Policy: it
// loads the package as an ES module, `await init()`, and shows the
// cumulative revenue `compute` gives for the base preset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, compute, defaultScenario } from '../../pkg/aicloud_scenario.js';
import { sharedBrowser, watch } from './browser.mjs';

const shared = sharedBrowser();

test('the browser example shows a figure computed by the package', async () => {
  initSync({ module: readFileSync(new URL('../../pkg/aicloud_scenario_bg.wasm', import.meta.url)) });
  const { years, revenue } = compute(defaultScenario());
  const page = await shared.browser.newPage();
  const problems = await watch(page);
  // The example has no icon of its own: the browser's request for one is not its problem.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto(`${shared.server.origin}/examples/browser.html`);
  const shown = page.locator('#cumulative').filter({ hasNotText: '…' });
  await shown.waitFor();
  assert.equal(await shown.textContent(), revenue.cumulativeUsdBn.at(-1));
  assert.equal(await page.locator('#year').textContent(), `FY${years.at(-1)}`);
  assert.equal(await shown.textContent(), '301.430478069');
  assert.deepEqual(problems, []);
  await page.close();
});
